"""Real-browser journeys: Debian's Chromium driven by Playwright (no browser download)."""

from pathlib import Path
from playwright.sync_api import sync_playwright
from tests.e2e.accessibility import Gate
from tests.e2e.accessibility import GatedBrowser
import os
import pytest


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).parent / "screenshots"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The accessibility gate (tests/e2e/accessibility.py): every page of every test here.
GATE = Gate()


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


def pytest_runtest_setup(item):
    GATE.start()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """After the journey: axe-core on the pages still open; fail with every violation."""
    try:
        result = yield
    except BaseException as error:
        try:
            report = GATE.finish()
        except Exception as gate_error:
            report = f"The accessibility gate could not finish: {gate_error!r}"
        if report:
            error.add_note(report)
        raise
    report = GATE.finish()
    if report:
        pytest.fail(report, pytrace=False)
    return result


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: install Debian's `chromium` package "
            "(.ci/run does) or set CHROMIUM=/path/to/chromium"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield GatedBrowser(browser, GATE)
        browser.close()


@pytest.fixture
def open_page(chromium, functional):
    """Open a page; collect JavaScript errors; the test asserts there were none."""
    contexts = []

    def opener(url, width=1280, height=900):
        context = chromium.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        page.js_errors = []
        page.on("pageerror", lambda error: page.js_errors.append(str(error)))
        page.on(
            "console",
            lambda msg: msg.type == "error" and page.js_errors.append(msg.text),
        )
        page.goto(url, wait_until="networkidle")
        return page

    yield opener
    for context in contexts:
        context.close()


def screenshot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def submit_login(page, userid, password):
    """On Plone's login page: type ``userid`` and ``password`` and send, as a person does."""
    page.fill("#__ac_name", userid)
    page.fill("#__ac_password", password)
    page.locator("#login-form button[type=submit], #login-form input[type=submit]").first.click()
    page.wait_for_load_state("networkidle")
