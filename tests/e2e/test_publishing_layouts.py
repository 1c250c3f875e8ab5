"""Every Mosaic layout the package ships renders on a 360 px phone without sideways
scrolling (Debian's Chromium), and the guide layouts work as readers use them.

The layouts come from the package's content-layout manifest, so a layout added to
it is covered here without editing this file: each [contentlayout] section names a
page of the starter content that uses it (key ``sample``).
"""

from configparser import ConfigParser
from pathlib import Path
from plone.app.blocks.resource import multidict
from tests.e2e.conftest import screenshot
import pytest


MANIFEST = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "dichvucong"
    / "publishing"
    / "guides"
    / "layouts"
    / "manifest.cfg"
)
WIDTH, HEIGHT = 360, 740


def shipped_layouts():
    parser = ConfigParser(dict_type=multidict, strict=False)
    parser.read_string(MANIFEST.read_text(encoding="utf-8"))
    return [
        dict(parser.items(section))
        for section in parser.sections()
        if section.startswith("contentlayout")
    ]


LAYOUTS = shipped_layouts()


def test_every_layout_names_a_sample_page():
    assert LAYOUTS
    for layout in LAYOUTS:
        assert layout.get("sample"), f"{layout['file']}: add sample = <path> to manifest.cfg"
        assert (MANIFEST.parent / layout["file"]).is_file(), layout["file"]


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout["file"] for layout in LAYOUTS])
def test_layout_fits_a_360px_phone(open_page, functional_portal, layout):
    url = f"{functional_portal.absolute_url()}/{layout['sample'].strip('/')}"
    page = open_page(url, width=WIDTH, height=HEIGHT)
    assert page.locator("#content .mosaic-grid-row").count() > 0, f"{url}: not a Mosaic layout"
    # Let lazy images load, then measure the whole page.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    screenshot(page, f"layout-{Path(layout['file']).stem}-{WIDTH}")
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    assert page.js_errors == []


def sample(name):
    return next(layout["sample"] for layout in LAYOUTS if layout["file"] == name)


def test_video_captions_load_in_the_player(open_page, functional_portal):
    url = f"{functional_portal.absolute_url()}/{sample('guide-video.html')}"
    page = open_page(url, width=WIDTH, height=HEIGHT)
    video = page.locator("video")
    assert video.count() == 1
    page.wait_for_function(
        "() => { const t = document.querySelector('video').textTracks[0];"
        " return t && t.mode === 'showing' && t.cues && t.cues.length > 0; }",
        timeout=10_000,
    )
    assert page.evaluate("document.querySelector('video').textTracks[0].language") == "vi"
    page.wait_for_function("() => document.querySelector('video').readyState >= 1")
    assert page.evaluate("document.querySelector('video').duration") > 0
    assert page.locator(".dvc-guide-transcript").is_visible()
    assert page.js_errors == []


def test_questions_open_without_javascript(chromium, functional_portal):
    context = chromium.new_context(
        viewport={"width": WIDTH, "height": HEIGHT}, java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto(f"{functional_portal.absolute_url()}/{sample('guide-faq.html')}")
        first = page.locator("details.dvc-guide-faq__item").first
        answer = first.locator(".dvc-guide-faq__answer")
        assert not answer.is_visible()
        first.locator("summary").click()
        assert answer.is_visible()
        screenshot(page, f"guide-faq-open-nojs-{WIDTH}")
    finally:
        context.close()
