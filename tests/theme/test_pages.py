"""What a citizen sees on every page: site name, navigation, text-size control, footer."""

from tests.helpers.pages import page
from tests.helpers.users import as_site_owner
import pytest


NAV_LABELS = [
    "Thủ tục hành chính",
    "Dịch vụ công trực tuyến",
    "Hướng dẫn",
    "Tin tức - Truyền thông",
    "Tra cứu hồ sơ",
    "Thống kê",
    "Hỏi đáp - Góp ý",
]


def test_header_shows_site_name(home):
    assert home.headers["status"].startswith("200")
    doc = page(home)
    assert doc.get("lang") == "vi"
    (brand,) = doc.cssselect("#portal-logo .dvc-brand__name")
    assert brand.text_content() == "Cổng dịch vụ công thành phố Hà Nội"
    (emblem,) = doc.cssselect("#portal-logo img.dvc-brand__emblem")
    assert emblem.get("src").endswith("++plone++dichvucong/emblem.svg")


def test_main_navigation_in_order(home):
    links = page(home).cssselect("#portal-globalnav > li > a")
    labels = [link.text_content().strip() for link in links]
    assert [label for label in labels if label in NAV_LABELS] == NAV_LABELS


@pytest.mark.parametrize("label", NAV_LABELS)
def test_navigation_pages_answer(home, label):
    home.getLink(label).click()
    assert home.headers["status"].startswith("200")
    (heading,) = page(home).cssselect("h1")
    assert heading.text_content().strip() == label


def test_text_size_control_in_vietnamese(home):
    assert 'data-dvc-textsize="larger"' in home.contents
    assert 'title="Tăng cỡ chữ"' in home.contents
    assert 'title="Giảm cỡ chữ"' in home.contents
    assert "++plone++dichvucong/textsize.js" in home.contents


def test_footer_contact_details(home):
    (footer_el,) = page(home).cssselect("#portal-footer-wrapper")
    footer = footer_el.text_content()
    assert "Trung tâm Phục vụ hành chính công thành phố Hà Nội" in footer
    assert "Địa chỉ" in footer
    assert "197 Nghi Tàm" in footer
    # No phone number is known yet: no empty "Điện thoại" line.
    assert "Điện thoại" not in footer


def test_browser_language_does_not_switch_the_portal(browser, functional_portal):
    browser.addHeader("Accept-Language", "en-US,en;q=0.9")
    browser.open(functional_portal.absolute_url())
    assert 'title="Tăng cỡ chữ"' in browser.contents


def test_english_on_request(browser, functional_portal):
    browser.open(f"{functional_portal.absolute_url()}?set_language=en")
    browser.open(functional_portal.absolute_url())
    assert 'title="Larger text"' in browser.contents
    assert ">Address<" in browser.contents


def test_theme_resources_served(browser, functional_portal):
    for name in ("theme.css", "textsize.js", "emblem.svg"):
        browser.open(f"{functional_portal.absolute_url()}/++plone++dichvucong/{name}")
        assert browser.headers["status"].startswith("200")


def test_toolbar_pin_controls_are_named_buttons(browser, functional_portal):
    """Signed in, Plone's toolbar shows; its pin/unpin controls are buttons with a name
    (a link without href may not carry aria-label)."""
    as_site_owner(browser)
    browser.open(functional_portal.absolute_url())
    doc = page(browser)
    for selector, name in ((".toolbar-collapse", "Unpin"), (".toolbar-expand", "Pin")):
        (control,) = doc.cssselect(f"#edit-zone {selector}")
        assert control.get("role") == "button"
        assert control.get("aria-label") == name
    # The rest of the toolbar is Plone's own: personal tools with the user's menu.
    assert doc.cssselect("#edit-zone #personaltools-menulink .toolbar-label")
