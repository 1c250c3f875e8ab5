"""Reading rendered pages in the publishing tests."""

from lxml import html


def page(browser):
    """The test browser's current page, parsed."""
    return html.fromstring(browser.contents)


def text(element):
    """An element's text with whitespace collapsed, as a reader sees it."""
    return " ".join(element.text_content().split())
