"""The accessibility gate can fail: axe-core finds a file input without a label, on a
page set by hand and on pages a journey reaches by clicking (tests/e2e/accessibility.py).

The pages are served by Playwright itself (page.route), never fetched from a host.
"""

from tests.e2e.accessibility import Gate
from tests.e2e.accessibility import GatedBrowser
from tests.e2e.accessibility import check_page
from tests.e2e.accessibility import describe
import pytest


def html(title, body):
    return (
        f'<!DOCTYPE html><html lang="vi"><head><title>{title}</title></head>'
        f"<body><main><h1>{title}</h1>{body}</main></body></html>"
    )


UNLABELLED = html(
    "Nộp hồ sơ",
    '<form><input type="file" id="certificate" name="certificate"></form>'
    '<p>Quay lại <a href="/start">trang đầu</a> để chọn thủ tục khác.</p>',
)
LABELLED = html(
    "Nộp hồ sơ",
    '<form><label for="certificate">Giấy chứng sinh</label>'
    '<input type="file" id="certificate" name="certificate"></form>',
)
START = html("Trang đầu", '<p>Mời Ông/Bà <a href="/form">nộp hồ sơ</a> trực tuyến.</p>')
SITE = "http://gate.test"


@pytest.fixture
def raw_page(chromium):
    """A page outside the session's gate (its violations are the point here)."""
    context = chromium.browser.new_context(viewport={"width": 390, "height": 700})
    yield context.new_page()
    context.close()


def test_unlabelled_file_input_fails(raw_page):
    raw_page.set_content(UNLABELLED)
    findings = check_page(raw_page)
    assert [finding.width for finding in findings] == [360, 1280]
    for finding in findings:
        assert [violation["id"] for violation in finding.violations] == ["label"]
        (node,) = finding.violations[0]["nodes"]
        assert node["target"] == ["#certificate"]
    # The viewport is put back as the journey had it.
    assert raw_page.viewport_size == {"width": 390, "height": 700}
    message = describe(findings)
    assert "found 2 accessibility violation(s)" in message
    assert "about:blank at 360 px:" in message
    assert "about:blank at 1280 px:" in message
    assert "label (critical): Form elements must have labels" in message
    assert "- #certificate" in message
    assert '<input type="file" id="certificate" name="certificate">' in message


def test_labelled_file_input_passes(raw_page):
    raw_page.set_content(LABELLED)
    assert [finding.violations for finding in check_page(raw_page)] == [[], []]


def gated_site(chromium, gate, scripts=True):
    """A browser context watched by ``gate`` on a site of two pages (START links to the
    unlabelled form, which links back), served by Playwright itself."""
    context = GatedBrowser(chromium.browser, gate).new_context(java_script_enabled=scripts)
    pages = {"/start": START, "/form": UNLABELLED}
    context.route(
        f"{SITE}/**",
        lambda route: route.fulfill(
            content_type="text/html; charset=utf-8",
            body=pages[route.request.url.removeprefix(SITE)],
        ),
    )
    return context


@pytest.mark.parametrize("scripts", [True, False], ids=["javascript", "no-javascript"])
def test_gate_checks_pages_reached_by_a_click(chromium, scripts):
    gate = Gate()
    context = gated_site(chromium, gate, scripts)
    try:
        page = context.new_page()
        page.goto(f"{SITE}/start")
        page.get_by_role("link", name="nộp hồ sơ").click()
        page.wait_for_load_state()
        report = gate.finish()
    finally:
        context.close()
    assert f"{SITE}/form at 360 px:\n  label (critical)" in report
    assert f"{SITE}/form at 1280 px:\n  label (critical)" in report
    assert f"{SITE}/start at" not in report
    assert "left before" not in report


def test_gate_reports_a_page_left_unchecked(chromium):
    gate = Gate()
    context = gated_site(chromium, gate)
    try:
        page = context.new_page()
        page.goto(f"{SITE}/start")
        # Two clicks that navigate, without waiting for the first page to load.
        page.get_by_role("link", name="nộp hồ sơ").click()
        page.get_by_role("link", name="trang đầu").click()
        page.wait_for_load_state()
        report = gate.finish()
    finally:
        context.close()
    assert "left before the accessibility gate could check them" in report
    assert f"\n  {SITE}/form" in report
