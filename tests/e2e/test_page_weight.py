"""A first visit is light: with an empty cache, the home page, a procedure page and a
guide page each transfer under 300 KB, at 360 and 1280 px, and every HTML, CSS and
JavaScript response comes compressed.

Sizes are the bytes on the wire as Chromium counts them (Network.loadingFinished's
encodedDataLength: headers and the encoded body), so this is a size budget, not a
timing: the same pages give the same figures on every run."""

from plone import api
from tests.e2e.conftest import screenshot
from tests.helpers.content import BIRTH
import pytest


BUDGET = 300 * 1024
TEXT_TYPES = ("text/html", "text/css", "javascript")
WIDTHS = (360, 1280)
TOP = 40


def guide_url(portal):
    (brain,) = api.content.find(portal_type="Guide", review_state="published", sort_limit=1)[:1]
    return brain.getURL()


def procedure_url(portal):
    (brain,) = api.content.find(portal_type="Procedure", catalogue_code=BIRTH)
    return brain.getURL()


PAGES = {
    "home": lambda portal: portal.absolute_url(),
    "procedure": procedure_url,
    "guide": guide_url,
}


def first_visit(chromium, url, width):
    """[(url, bytes on the wire, content type, content-encoding)] of a first visit."""
    context = chromium.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        responses, sizes = {}, {}
        cdp.on(
            "Network.responseReceived", lambda event: responses.update({event["requestId"]: event})
        )
        cdp.on(
            "Network.loadingFinished",
            lambda event: sizes.update({event["requestId"]: event["encodedDataLength"]}),
        )
        page.goto(url, wait_until="networkidle")
        items = []
        for request_id, event in responses.items():
            response = event["response"]
            headers = {key.lower(): value for key, value in response["headers"].items()}
            items.append(
                (
                    response["url"],
                    sizes.get(request_id, 0),
                    headers.get("content-type", ""),
                    headers.get("content-encoding", ""),
                )
            )
        return items
    finally:
        context.close()


def report(items):
    heaviest = sorted(items, key=lambda item: -item[1])[:TOP]
    lines = [
        f"{size / 1024:8.1f} KB  {encoding or '-':5}  {url}" for url, size, _, encoding in heaviest
    ]
    return "\n".join(lines)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_first_visit_is_under_300_kb(chromium, functional_portal, name, width):
    url = PAGES[name](functional_portal)
    items = first_visit(chromium, url, width)
    total = sum(size for _, size, _, _ in items)
    print(
        f"\n{name} at {width} px: {total / 1024:.1f} KB in {len(items)} responses\n{report(items)}"
    )
    assert total < BUDGET, (
        f"{name} ({url}) at {width} px: {total / 1024:.1f} KB in {len(items)} responses, "
        f"over the {BUDGET // 1024} KB budget. Heaviest:\n{report(items)}"
    )
    plain = [
        item
        for item in items
        if any(kind in item[2] for kind in TEXT_TYPES) and item[3] not in ("gzip", "br", "deflate")
    ]
    assert plain == [], f"{name}: text responses sent uncompressed:\n{report(plain)}"


def test_search_page_works_without_plones_bundle(open_page, functional_portal):
    """Anonymous visitors get light.js instead of Plone's bundle: the search page's
    filter still opens, and its type filter names only Vietnamese, citizen types."""
    page = open_page(
        f"{functional_portal.absolute_url()}/@@search?SearchableText=khai+sinh", width=360
    )
    assert page.evaluate("typeof window.jQuery") == "undefined"
    toggle = page.locator("#search-filter-toggle")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    labels = page.locator(".search-type-options label")
    labels.first.wait_for(state="visible")
    texts = labels.all_inner_texts()
    assert "Biểu mẫu trực tuyến" in texts
    assert not {"EasyForm", "Kho hồ sơ", "DossierStore"} & set(texts)
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    screenshot(page, "search-360")
    assert page.js_errors == []
