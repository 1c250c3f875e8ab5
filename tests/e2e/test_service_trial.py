"""A service in trial in a real browser (Debian's Chromium): the tester sees the
"Chạy thử" banner above the form's fields, and her trial dossier's page says "Hồ sơ
chạy thử" (docs/services.md). Every page passes the accessibility gate."""

from dichvucong.catalogue import stages
from dichvucong.dossier.storage import TESTERS_GROUP
from tests.e2e.conftest import screenshot
from tests.e2e.conftest import submit_login
from tests.helpers.content import BIRTH
from tests.helpers.content import procedure
from tests.helpers.content import submit_birth
from tests.helpers.users import PASSWORD
from tests.helpers.users import make_user
import pytest
import transaction


TESTER = "nguoi.chay.thu"


@pytest.fixture
def trial_dossier(functional):
    """The birth service in trial and a dossier the tester sent to it; committed."""
    make_user(TESTER, "Đào Thu Trang", groups=[TESTERS_GROUP])
    procedure(BIRTH).online_stage = stages.TRIAL
    dossier = submit_birth(TESTER)
    transaction.commit()
    return dossier


def test_tester_sees_the_trial_banner_and_her_marked_dossier(functional, open_page, trial_dossier):
    portal = functional["portal"]
    page = open_page(f"{portal.absolute_url()}/login")
    submit_login(page, TESTER, PASSWORD)

    page.goto(portal["dich-vu-cong-truc-tuyen"]["dang-ky-khai-sinh"].absolute_url())
    page.wait_for_load_state("networkidle")
    banner = page.locator("#dvc-trial-banner")
    assert banner.is_visible()
    assert banner.inner_text().strip().startswith("Chạy thử")
    assert page.locator("#form-widgets-child_name").is_visible()
    screenshot(page, "service-trial-01-form")

    page.goto(trial_dossier.absolute_url())
    page.wait_for_load_state("networkidle")
    mark = page.locator("#dvc-trial")
    assert mark.is_visible()
    assert mark.inner_text().strip() == "Hồ sơ chạy thử"
    assert page.locator("#dvc-trial-note a").is_visible()
    screenshot(page, "service-trial-02-dossier")
    assert page.js_errors == []
