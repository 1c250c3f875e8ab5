"""Outreach pages on a 360 px phone: campaign landing, kit, kits by audience, news by
date. No sideways scrolling, no JavaScript errors (screenshots in tests/e2e/screenshots)."""

from tests.e2e.conftest import screenshot
import pytest


CAMPAIGN = "tin-tuc/chien-dich-dich-vu-cong-truc-tuyen"
PAGES = {
    "campaign": CAMPAIGN,
    "kit": f"{CAMPAIGN}/tai-lieu-cho-nguoi-dan",
    "kits": "tin-tuc/@@outreach-kits?audience=elderly",
    "news-by-date": "tin-tuc/@@news-by-date?date_from=2025-04-01&date_to=2025-03-01",
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_outreach_page_fits_a_phone(open_page, functional_portal, name):
    page = open_page(f"{functional_portal.absolute_url()}/{PAGES[name]}", width=360, height=740)
    screenshot(page, f"outreach-{name}-360")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.locator("h1").count() == 1
    assert page.js_errors == []


def test_campaign_button_and_kit_download(open_page, functional_portal):
    url = f"{functional_portal.absolute_url()}/{CAMPAIGN}"
    page = open_page(url, width=360, height=740)
    button = page.locator("a.dvc-cta")
    assert button.is_visible()
    assert button.bounding_box()["height"] >= 44  # a comfortable tap target
    page.locator(".dvc-campaign-group--kits a").first.click()
    page.wait_for_load_state("networkidle")
    details = page.locator(".dvc-kit-file__details").all_inner_texts()
    assert any(text.startswith("PDF, ") and text.endswith(" KB") for text in details)
    assert page.js_errors == []
