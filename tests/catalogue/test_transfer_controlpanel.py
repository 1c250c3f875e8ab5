"""The import/export control panel, as a site administrator uses it."""

from plone.testing.zope import Browser
from tests.helpers.users import as_site_owner
from zExceptions import Forbidden
import io
import json
import pytest


@pytest.fixture
def admin(browser, functional_portal):
    """The site owner on the control panel (errors raise in the test)."""
    as_site_owner(browser).open(f"{functional_portal.absolute_url()}/@@catalogue-transfer")
    return browser


def upload(browser, records, dry_run):
    data = json.dumps(records, ensure_ascii=False).encode("utf-8")
    browser.getControl(name="kind").value = ["domains"]
    browser.getControl(name="file").add_file(io.BytesIO(data), "application/json", "d.json")
    browser.getControl(name="dry_run").value = ["1"] if dry_run else []
    browser.getForm(action="@@catalogue-transfer").submit()


def test_dry_run_then_import(admin, functional_portal):
    records = [{"code": "cp-test", "title": "Lĩnh vực thử"}, {"code": "", "title": "Thiếu mã"}]
    upload(admin, records, dry_run=True)
    assert "Chạy thử" in admin.contents or "Dry run" in admin.contents
    assert "cp-test" in admin.contents
    assert "cp-test" not in functional_portal["linh-vuc"].objectIds()
    assert "code is required" in admin.contents

    upload(admin, records, dry_run=False)
    assert "linh-vuc-thu" in functional_portal["linh-vuc"].objectIds()


def test_export_download(admin, functional_portal):
    admin.open(f"{functional_portal.absolute_url()}/@@catalogue-export?kind=domains&format=csv")
    assert admin.headers["Content-Type"].startswith("text/csv")
    assert admin.contents.splitlines()[0] == "code,title,description"


def test_anonymous_cannot_import_or_export(functional_app, functional_portal):
    browser = Browser(functional_app)
    for view in ("@@catalogue-transfer", "@@catalogue-export?kind=domains"):
        browser.open(f"{functional_portal.absolute_url()}/{view}")
        assert "require_login" in browser.url or "login" in browser.url


def test_post_without_authenticator_is_refused(admin, functional_portal):
    admin.handleErrors = False
    with pytest.raises(Forbidden):
        admin.post(
            f"{functional_portal.absolute_url()}/@@catalogue-transfer",
            "kind=domains&dry_run=1",
        )
