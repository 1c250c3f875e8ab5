"""The Content-Security-Policy that every response carries (dichvucong.base.headers)
lets the pages work, in a real browser (Debian's Chromium): the home page, a procedure
page, the birth form for a logged-in citizen, the worklist for an official, and a page's
edit form (TinyMCE) for a site manager. No violation is
reported (``securitypolicyviolation`` events, console errors "Refused to ...") and no
JavaScript error happens."""

from dichvucong.dossier.submission import submit
from plone import api
from plone.app.testing import setRoles
from tests.e2e.conftest import screenshot
from tests.e2e.conftest import submit_login
from tests.helpers.content import BIRTH
from tests.helpers.content import procedure
from tests.helpers.users import AGENCY_X
from tests.helpers.users import make_official
from tests.helpers.users import make_user
import pytest
import re
import transaction


PASSWORD = "mat-khau-csp-2026"
CITIZEN = "congdan.csp"
OFFICIAL = "canbo.csp"
MANAGER = "quantri.csp"
PROCEDURE = "thu-tuc-hanh-chinh/dang-ky-khai-sinh"
GUIDE = "huong-dan/dang-ky-khai-sinh-truc-tuyen"
# Recorded in every document before its own scripts run (Playwright's init scripts are
# not subject to the page's policy).
WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__csp.push(`${event.violatedDirective} ${event.blockedURI} ` +
                    `${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def portal_url(functional):
    portal = functional["portal"]
    make_user(CITIZEN, "Nguyen Thi Mai", password=PASSWORD)
    make_official(OFFICIAL, "Tran Van Binh", AGENCY_X, password=PASSWORD)
    make_user(MANAGER, "Le Thi Quan", password=PASSWORD)
    setRoles(portal, MANAGER, ["Member", "Site Administrator"])
    # A dossier for the official's agency: its folder (and his worklist) exist.
    with api.env.adopt_user(username=CITIZEN):
        submit(
            procedure(BIRTH),
            {
                "applicant_name": "Nguyen Thi Mai",
                "applicant_id_number": "001200012345",
                "applicant_phone": "0912345678",
                "child_name": "Nguyen Minh An",
            },
        )
    transaction.commit()
    return portal.absolute_url()


@pytest.fixture
def browse(chromium):
    """browse(userid or None, url) -> a page that records policy violations and
    JavaScript errors (``page.problems``)."""
    contexts = []

    def open_as(userid, url, width=1280):
        context = chromium.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
        contexts.append(context)
        context.add_init_script(WATCH)
        page = context.new_page()
        page.problems = []
        page.on("pageerror", lambda error: page.problems.append(f"JS error: {error}"))
        page.on(
            "console",
            lambda msg: msg.type == "error" and page.problems.append(f"console: {msg.text}"),
        )
        if userid:
            page.goto(f"{portal_of(url)}/login")
            submit_login(page, userid, PASSWORD)
        page.goto(url, wait_until="networkidle")
        return page

    yield open_as
    for context in contexts:
        context.close()


def portal_of(url):
    """http://host:port/plone/a/b -> http://host:port/plone"""
    return "/".join(url.split("/")[:4])


def violations(page):
    """What the policy refused on the current document, and every error seen so far."""
    reported = page.evaluate("window.__csp || []")
    return [f"CSP: {entry}" for entry in reported] + page.problems


def assert_works(page, name):
    page.wait_for_load_state("networkidle")
    screenshot(page, f"csp-{name}")
    assert page.evaluate("typeof window.__csp") == "object", "the watch did not run"
    assert violations(page) == [], f"{page.url}: {violations(page)}"


def test_public_pages(browse, portal_url):
    home = browse(None, portal_url)
    assert home.locator("header").count() >= 1
    assert_works(home, "home")
    page = browse(None, f"{portal_url}/{PROCEDURE}")
    assert page.get_by_role("link", name=re.compile("Nộp hồ sơ trực tuyến")).count() >= 1
    assert_works(page, "procedure")


def test_citizen_birth_form(browse, portal_url):
    page = browse(CITIZEN, f"{portal_url}/{PROCEDURE}")
    page.get_by_role("link", name=re.compile("Nộp hồ sơ trực tuyến")).first.click()
    page.wait_for_load_state("networkidle")
    # The form's own scripts ran: the applicant's name came from the account.
    assert page.locator("#form-widgets-applicant_name").input_value()
    page.fill("#form-widgets-child_name", "Nguyễn Minh An")
    assert_works(page, "birth-form")


def test_official_worklist(browse, portal_url):
    page = browse(OFFICIAL, f"{portal_url}/ho-so/@@worklist")
    assert page.locator("#dvc-worklist-statuses, #dvc-worklist-table").count() >= 1
    assert_works(page, "worklist")


def test_site_manager_edits_a_page(browse, portal_url):
    """TinyMCE on a procedure's edit form; Mosaic's bundle is loaded for people who may
    edit, with their policy ('unsafe-eval', see dichvucong.base.headers)."""
    page = browse(MANAGER, f"{portal_url}/{PROCEDURE}/edit")
    assert page.locator("script[src*='plone-mosaic-remote']").count() == 1
    # TinyMCE started: its editor replaced the text areas.
    page.locator(".tox-tinymce").first.wait_for(state="attached")
    assert page.locator(".tox-tinymce").count() >= 1
    assert_works(page, "edit-tinymce")


def test_citizen_gets_no_editor_and_the_strict_policy(browse, portal_url):
    page = browse(CITIZEN, f"{portal_url}/{PROCEDURE}")
    assert page.locator("script[src*='plone-mosaic-remote']").count() == 0
    assert_works(page, "procedure-citizen")
