"""A citizen on a phone: the home page (search first, large buttons), the reader tools
(print, copy link) and the abbreviations explained on a tap."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.textfield.value import RichTextValue
from tests.e2e.conftest import screenshot
import transaction


def test_home_on_a_phone(open_page, functional_portal):
    page = open_page(functional_portal.absolute_url(), width=360, height=740)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "home-mosaic-360")
    search = page.locator("form.dvc-home-search")
    essential = page.locator(".dvc-home-essential")
    assert search.bounding_box()["y"] < essential.bounding_box()["y"]
    buttons = essential.locator("a.dvc-home-button")
    assert buttons.count() == 25
    for index in range(buttons.count()):
        box = buttons.nth(index).bounding_box()
        assert box["height"] >= 44
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    field = page.locator("form.dvc-home-search input[name=q]")
    field.fill("khai sinh")
    field.press("Enter")
    page.wait_for_load_state("networkidle")
    assert "@@procedures" in page.url
    assert page.get_by_role("link", name="Đăng ký khai sinh", exact=True).first.is_visible()
    assert page.js_errors == []


def test_reader_tools_with_javascript(open_page, functional_portal):
    (brain,) = api.content.find(portal_type="Procedure", catalogue_code="1.001193")
    page = open_page(brain.getURL(), width=360, height=740)
    tools = page.locator(".dvc-reader-tools")
    print_button = tools.locator("button[data-dvc-print]")
    copy_button = tools.locator("button[data-dvc-copy]")
    assert print_button.is_visible()
    assert copy_button.is_visible()
    page.evaluate("window.print = function () { window.dvcPrinted = true; }")
    print_button.click()
    assert page.evaluate("window.dvcPrinted === true")
    copy_button.click()
    status = tools.locator(".dvc-reader-tools__status")
    status.wait_for(state="visible")
    assert status.inner_text().strip()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "reader-tools-360")
    assert page.js_errors == []


def test_printed_page(open_page, functional_portal):
    (brain,) = api.content.find(portal_type="Guide", review_state="published", sort_limit=1)[:1]
    page = open_page(brain.getURL(), width=1280)
    page.emulate_media(media="print")
    assert not page.locator("#portal-globalnav").is_visible()
    assert not page.locator("#portal-footer-wrapper").is_visible()
    assert not page.locator(".dvc-reader-tools__list").is_visible()
    address = page.locator(".dvc-reader-tools__address")
    assert address.is_visible()
    assert brain.getURL() in address.inner_text()
    link = page.locator("#content a[href^='http']").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert link.get_attribute("href") in after
    screenshot(page, "guide-print")


def test_abbreviation_explained_on_a_tap(open_page, functional_portal):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        doc = api.content.create(
            container=functional_portal,
            type="Document",
            id="trang-cham-tu-viet-tat",
            title="Trang thử",
            text=RichTextValue("<p>Mang theo thẻ CCCD.</p>", "text/html", "text/x-html-safe"),
        )
        api.content.transition(doc, to_state="published")
    transaction.commit()
    page = open_page(doc.absolute_url(), width=360, height=740)
    abbr = page.locator("#content-core abbr")
    assert abbr.get_attribute("title") == "Căn cước công dân"
    abbr.focus()
    after = abbr.evaluate("el => getComputedStyle(el, '::after').content")
    assert "Căn cước công dân" in after
    assert page.js_errors == []
