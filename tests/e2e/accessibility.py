"""The accessibility gate of the browser journeys: axe-core on every page they open.

Every browser context made through the ``chromium`` fixture is watched. Each document
a page loads is checked with axe-core (the pinned copy that the ``axe-playwright-python``
package ships) against WCAG 2.0, 2.1 and 2.2 A and AA, at 360 px and at 1280 px wide:
when the journey arrives on it (``goto``, ``reload``, ``go_back``, ``go_forward``,
``wait_for_load_state``, ``wait_for_url``), before ``set_content`` replaces it, and at
the end of the test for the page still open. A document left before it could be
checked (a click that navigates, then another one without waiting for the load) is
reported too, so a journey written later is covered without calling anything.

Violations do not stop the journey: the test fails at its end with every one of them.
"""

from axe_playwright_python.base import AXE_FILE_PATH
from dataclasses import dataclass
from dataclasses import field
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
import contextlib
import functools
import re


AXE_SOURCE = AXE_FILE_PATH.read_text(encoding="utf-8")
AXE_VERSION = re.search(r"axe v([\d.]+)", AXE_SOURCE[:200]).group(1)
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
WIDTHS = (360, 1280)
NODES_SHOWN = 3

# Narrow exclusions for false positives we cannot fix: {(rule id, CSS selector): why}.
# Keep it empty; every entry must name one rule and one selector and say why.
EXCLUSIONS = {}

# Page methods after which the journey is on a loaded document (checked then).
ARRIVALS = ("wait_for_load_state", "wait_for_url", "goto", "reload", "go_back", "go_forward")
# Page methods that replace the document: the current one is checked first.
DEPARTURES = ("goto", "reload", "go_back", "go_forward", "set_content")

RUN_AXE = """async ([tags, exclusions]) => {
    const results = await axe.run(document, {
        runOnly: {type: "tag", values: tags},
        resultTypes: ["violations"],
    });
    // A node is dropped only for the one rule its exclusion names.
    return results.violations.map(violation => ({
        ...violation,
        nodes: violation.nodes.filter(node => !exclusions.some(
            ([rule, selector]) => rule === violation.id
                && document.querySelector(node.target[0])?.matches(selector)
        )),
    })).filter(violation => violation.nodes.length);
}"""

# Pages of a context made with java_script_enabled=False still run what Playwright
# evaluates, but timers never fire there, and axe waits on setTimeout: run them as
# microtasks in such pages (their own scripts do not run anyway).
TIMERS_AS_MICROTASKS = """() => {
    window.setTimeout = (callback, delay, ...args) => {
        Promise.resolve().then(() => callback(...args));
        return 0;
    };
    window.clearTimeout = () => {};
}"""

# Bootstrap asks for smooth scrolling; axe scrolls while it measures, and the journey
# must find the page where it left it, not in the middle of a scroll animation.
HOLD_SCROLLING = """() => {
    const style = document.documentElement.style;
    const state = [window.scrollX, window.scrollY, style.getPropertyValue("scroll-behavior"),
                   style.getPropertyPriority("scroll-behavior")];
    style.setProperty("scroll-behavior", "auto", "important");
    return state;
}"""
RELEASE_SCROLLING = """([x, y, value, priority]) => {
    window.scrollTo({left: x, top: y, behavior: "instant"});
    const style = document.documentElement.style;
    if (value) style.setProperty("scroll-behavior", value, priority);
    else style.removeProperty("scroll-behavior");
}"""

SETTLE = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


@dataclass
class Finding:
    url: str
    width: int
    violations: list = field(default_factory=list)

    def describe(self):
        lines = [f"{self.url} at {self.width} px:"]
        for violation in self.violations:
            lines.append(
                f"  {violation['id']} ({violation['impact']}): {violation['help']}"
                f"\n    {violation['helpUrl'].split('?')[0]}"
            )
            for node in violation["nodes"][:NODES_SHOWN]:
                html = " ".join(node["html"].split())
                html = html if len(html) <= 240 else html[:240] + "..."
                summary = " ".join(node.get("failureSummary", "").split())
                lines.append(f"    - {' > '.join(map(str, node['target']))}")
                lines.append(f"      {html}")
                if summary:
                    lines.append(f"      {summary}")
            hidden = len(violation["nodes"]) - NODES_SHOWN
            if hidden > 0:
                lines.append(f"    ... and {hidden} more element(s)")
        return "\n".join(lines)


def describe(findings, missed=()):
    """The failure message: every violation, page by page and width by width."""
    count = sum(len(finding.violations) for finding in findings)
    parts = []
    if count:
        parts.append(
            f"axe-core {AXE_VERSION} found {count} accessibility violation(s) "
            f"(WCAG 2.0/2.1/2.2 A and AA):"
        )
        parts += [finding.describe() for finding in findings if finding.violations]
    if missed:
        parts.append(
            "These pages were left before the accessibility gate could check them; "
            "wait for each page to load (page.wait_for_load_state()) before the next "
            "navigation:\n" + "\n".join(f"  {url}" for url in missed)
        )
    return "\n\n".join(parts)


def axe_violations(page, scripts=True):
    """axe-core's WCAG A/AA violations on the page as it is now, at its current width."""
    for frame in page.frames:
        if not frame.evaluate("typeof window.axe === 'object'"):
            if not scripts:
                frame.evaluate(TIMERS_AS_MICROTASKS)
            frame.evaluate(AXE_SOURCE)
    return page.evaluate(RUN_AXE, [TAGS, [list(key) for key in EXCLUSIONS]])


def check_page(page, scripts=True):
    """Findings for the page's document at every width of WIDTHS; the viewport and the
    scroll position are put back as they were."""
    viewport = page.viewport_size or {"width": 1280, "height": 900}
    state = page.evaluate(HOLD_SCROLLING)
    widths = sorted(WIDTHS, key=lambda width: width != viewport["width"])
    findings = []
    try:
        for width in widths:
            if (page.viewport_size or {}).get("width") != width:
                page.set_viewport_size({"width": width, "height": viewport["height"]})
                if scripts:
                    page.evaluate(SETTLE)
            findings.append(Finding(page.url, width, axe_violations(page, scripts)))
    finally:
        if page.viewport_size != viewport:
            page.set_viewport_size(viewport)
        page.evaluate(RELEASE_SCROLLING, state)
        if scripts:
            page.evaluate(SETTLE)
    return findings


class Gate:
    """Watches the pages of the current test and collects what axe-core finds."""

    def __init__(self):
        self.start()

    def start(self):
        self.pages = []
        self.findings = []
        self.missed = []
        self.running = True

    def watch_context(self, context, scripts=True):
        context.on("page", lambda page: self.watch_page(page, scripts))
        new_page, close = context.new_page, context.close

        @functools.wraps(new_page)
        def new_watched_page(*args, **kwargs):
            return self.watch_page(new_page(*args, **kwargs), scripts)

        @functools.wraps(close)
        def close_after_check(*args, **kwargs):
            for page in context.pages:
                self.check(page)
            return close(*args, **kwargs)

        context.new_page = new_watched_page
        context.close = close_after_check
        return context

    def watch_page(self, page, scripts=True):
        if getattr(page, "dvc_gate", None) is self:
            return page
        page.dvc_gate = self
        page.dvc_scripts = scripts
        page.dvc_wait_for_load_state = page.wait_for_load_state
        page.dvc_document = [None, 0]  # the current document: its URL and its number
        page.dvc_checked = None  # the number of the document checked last
        self.pages.append(page)

        def on_document(page):
            url, number = page.dvc_document
            if url not in (None, "about:blank") and page.dvc_checked != number:
                self.missed.append(url)
            page.dvc_document = [page.url, number + 1]

        page.on("domcontentloaded", on_document)
        for name in set(ARRIVALS + DEPARTURES):
            setattr(page, name, self.wrap(page, name))
        return page

    def wrap(self, page, name):
        method = getattr(page, name)

        @functools.wraps(method)
        def navigation(*args, **kwargs):
            if name in DEPARTURES:
                self.check(page)
            result = method(*args, **kwargs)
            if name in ARRIVALS:
                self.check(page)
            return result

        return navigation

    def check(self, page):
        """Check the page's current document, once."""
        url, number = page.dvc_document
        if page.is_closed() or url in (None, "about:blank") or page.dvc_checked == number:
            return
        page.dvc_checked = number
        if page.dvc_scripts:
            # Let the page's scripts finish setting it up (menus, widgets) first.
            with contextlib.suppress(PlaywrightTimeoutError):
                page.dvc_wait_for_load_state("networkidle", timeout=5_000)
        findings = check_page(page, scripts=page.dvc_scripts)
        self.findings += findings
        if not self.running and any(finding.violations for finding in findings):
            raise AssertionError(describe(findings))

    def finish(self):
        """Check what is still open; the failure message, or '' when all is well."""
        for page in self.pages:
            self.check(page)
        self.running = False
        return describe(self.findings, self.missed)


class GatedBrowser:
    """The Playwright browser, whose every new context is watched by the gate."""

    def __init__(self, browser, gate):
        self.browser = browser
        self.gate = gate

    def new_context(self, **options):
        context = self.browser.new_context(**options)
        return self.gate.watch_context(
            context, scripts=options.get("java_script_enabled", True) is not False
        )

    def new_page(self, **options):
        return self.new_context(**options).new_page()

    def __getattr__(self, name):
        return getattr(self.browser, name)
