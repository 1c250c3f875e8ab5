"""A citizen enlarges the text and uses the main navigation, on a desktop and on a phone."""

from tests.e2e.conftest import screenshot
import pytest


def root_font_px(page):
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


@pytest.mark.parametrize("width", [1280, 360])
def test_text_size_control_persists(open_page, functional_portal, width):
    url = functional_portal.absolute_url()
    page = open_page(url, width=width)
    base = root_font_px(page)
    larger = page.get_by_role("button", name="Tăng cỡ chữ")
    assert larger.is_visible()
    larger.click()
    larger.click()
    assert root_font_px(page) > base
    enlarged = root_font_px(page)
    # The choice survives a new page load.
    page.goto(f"{url}/huong-dan", wait_until="networkidle")
    assert root_font_px(page) == enlarged
    screenshot(page, f"text-size-larger-{width}")
    page.get_by_role("button", name="Cỡ chữ mặc định").click()
    assert root_font_px(page) == base
    page.get_by_role("button", name="Giảm cỡ chữ").click()
    assert root_font_px(page) < base
    # No sideways scrolling on a 360 px phone, even at the largest size.
    for _ in range(5):
        if page.get_by_role("button", name="Tăng cỡ chữ").is_enabled():
            page.get_by_role("button", name="Tăng cỡ chữ").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.js_errors == []


def test_navigation_desktop(open_page, functional_portal):
    page = open_page(functional_portal.absolute_url(), width=1280)
    screenshot(page, "home-1280")
    page.locator("#portal-globalnav").get_by_role("link", name="Thủ tục hành chính").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/thu-tuc-hanh-chinh")
    assert page.locator("h1").first.inner_text().strip() == "Thủ tục hành chính"
    assert page.js_errors == []


def test_navigation_phone(open_page, functional_portal):
    page = open_page(functional_portal.absolute_url(), width=360, height=740)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "home-360")
    nav_link = page.locator("#portal-globalnav").get_by_role("link", name="Tra cứu hồ sơ")
    if not nav_link.is_visible():
        # Barceloneta folds the navigation into an off-canvas menu on phones.
        page.locator(".navbar-toggler").first.click()
        nav_link.wait_for(state="visible")
        screenshot(page, "menu-open-360")
    nav_link.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/tra-cuu-ho-so")
    assert page.js_errors == []
