"""A citizen and an official find their way through the header's account menu, on a
phone and on a desktop, by keyboard: no editing toolbar, their own pages, logging out.
"""

from dichvucong.dossier.submission import submit
from plone import api
from tests.e2e.conftest import screenshot
from tests.e2e.conftest import submit_login
from tests.helpers.content import BIRTH
from tests.helpers.content import procedure
from tests.helpers.users import AGENCY_X
from tests.helpers.users import PASSWORD
from tests.helpers.users import make_official
from tests.helpers.users import make_user
import pytest
import transaction


CITIZEN = "congdan"
OFFICIAL = "canbo.trungtam"
WIDTHS = [360, 1280]
LOGIN_BUTTON = "#login-form button[type=submit], #login-form input[type=submit]"


@pytest.fixture
def portal_url(functional):
    """The site with a citizen, an official of the agency receiving birth registrations
    and one dossier in its worklist."""
    make_user(CITIZEN, "Nguyen Thi Hong Nhung")
    make_official(OFFICIAL, "Le Minh Thu", AGENCY_X)
    with api.env.adopt_user(username=CITIZEN):
        submit(procedure(BIRTH), {"applicant_name": "Nguyen Thi Hong Nhung"})
    transaction.commit()
    return functional["portal"].absolute_url()


@pytest.fixture
def log_in(chromium):
    """log_in(userid, portal_url, width, javascript=True): a new browser, logged in
    through Plone's login form."""
    contexts = []

    def open_as(userid, portal_url, width, javascript=True):
        context = chromium.new_context(
            viewport={"width": width, "height": 800},
            locale="vi-VN",
            java_script_enabled=javascript,
        )
        contexts.append(context)
        page = context.new_page()
        page.js_errors = []
        page.on("pageerror", lambda error: page.js_errors.append(str(error)))
        page.on("console", lambda msg: msg.type == "error" and page.js_errors.append(msg.text))
        page.goto(f"{portal_url}/login", wait_until="networkidle")
        submit_login(page, userid, PASSWORD)
        return page

    yield open_as
    for context in contexts:
        context.close()


def assert_no_toolbar(page):
    assert page.locator("#edit-bar, #edit-zone").count() == 0
    classes = page.evaluate("document.body.className").split()
    assert not [name for name in classes if name.startswith("plone-toolbar")]
    # Laid out as for a visitor: no room kept for a toolbar on the left or on top.
    padding = page.evaluate(
        "[getComputedStyle(document.body).paddingLeft, getComputedStyle(document.body).paddingTop]"
    )
    assert padding == ["0px", "0px"]


def tab_to(page, selector, presses=40):
    """Press Tab from where the focus is until ``selector`` has it."""
    for _ in range(presses):
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"{selector} never got the keyboard focus")


def fits(page, locator, width):
    box = locator.bounding_box()
    return box["x"] >= 0 and box["x"] + box["width"] <= width


def open_menu_by_keyboard(page):
    toggle = page.locator(".dvc-account__toggle")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("#dvc-account-menu").is_visible()
    tab_to(page, ".dvc-account__toggle")
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator("#dvc-account-menu").is_visible()
    return toggle


@pytest.mark.parametrize("width", WIDTHS)
def test_citizen_account_menu(log_in, portal_url, width):
    page = log_in(CITIZEN, portal_url, width)
    assert_no_toolbar(page)
    toggle = page.locator(".dvc-account__toggle")
    assert "Nguyen Thi Hong Nhung" in toggle.inner_text()
    assert toggle.bounding_box()["height"] >= 44

    # Escape closes the menu and leaves the focus on its button.
    open_menu_by_keyboard(page)
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("#dvc-account-menu").is_visible()
    assert page.evaluate("document.activeElement.matches('.dvc-account__toggle')")

    # Open again: the list fits the screen, its links are large enough to tap.
    open_menu_by_keyboard(page)
    menu = page.locator("#dvc-account-menu")
    assert fits(page, menu, width)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    links = menu.get_by_role("link")
    labels = [label.strip() for label in links.all_inner_texts()]
    assert "Hồ sơ của tôi" in labels
    assert labels[-1] == "Đăng xuất"
    assert "Hồ sơ cần xử lý" not in labels
    for index in range(links.count()):
        assert links.nth(index).bounding_box()["height"] >= 44
    screenshot(page, f"account-menu-citizen-{width}")

    # The first link is the next stop of the keyboard: "Hồ sơ của tôi".
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Hồ sơ của tôi"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/@@my-dossiers")
    assert page.locator("h1").first.inner_text().strip() == "Hồ sơ của tôi"
    assert_no_toolbar(page)
    screenshot(page, f"account-my-dossiers-{width}")

    # At the largest text size the open menu still fits the screen.
    larger = page.get_by_role("button", name="Tăng cỡ chữ")
    while larger.is_enabled():
        larger.click()
    page.locator(".dvc-account__toggle").click()
    assert fits(page, page.locator("#dvc-account-menu"), width)
    assert fits(page, page.locator(".dvc-account__toggle"), width)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"account-menu-largest-text-{width}")
    page.keyboard.press("Escape")

    # Logging out through the menu: anonymous again.
    open_menu_by_keyboard(page)
    with page.expect_navigation():
        page.locator("#dvc-account-menu").get_by_role("link", name="Đăng xuất").click()
    page.wait_for_load_state("networkidle")
    page.goto(portal_url, wait_until="networkidle")
    assert page.locator("#dvc-account").count() == 0
    assert page.locator("#portal-anontools").get_by_role("link", name="Đăng nhập").is_visible()
    page.goto(f"{portal_url}/@@my-dossiers", wait_until="networkidle")
    assert page.locator("#login-form").count() == 1  # the dossiers need a login again
    assert page.js_errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_official_reaches_the_worklist(log_in, portal_url, width):
    page = log_in(OFFICIAL, portal_url, width)
    assert_no_toolbar(page)
    open_menu_by_keyboard(page)
    worklist = page.locator("#dvc-account-menu").get_by_role("link", name="Hồ sơ cần xử lý")
    assert worklist.is_visible()
    screenshot(page, f"account-menu-official-{width}")
    with page.expect_navigation():
        worklist.click()
    page.wait_for_load_state("networkidle")
    assert "/@@worklist" in page.url
    # On the worklist the official works on dossiers, not on content: no toolbar.
    assert_no_toolbar(page)
    assert page.locator(".dvc-account__toggle").is_visible()
    screenshot(page, f"account-worklist-{width}")
    assert page.js_errors == []


def test_without_javascript_the_links_are_shown(log_in, portal_url):
    page = log_in(CITIZEN, portal_url, 360, javascript=False)
    assert not page.locator(".dvc-account__toggle").is_visible()
    assert page.locator(".dvc-account__who").inner_text().strip() == "Nguyen Thi Hong Nhung"
    menu = page.locator("#dvc-account-menu")
    for name in ("Hồ sơ của tôi", "Đăng xuất"):
        assert menu.get_by_role("link", name=name).is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "account-menu-no-js-360")
