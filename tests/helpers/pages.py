"""Reading rendered pages as a reader does: the parsed page, an element's text, and the
words a page shows in a language."""

from dichvucong import _
from lxml import html
from zope.i18n import translate


def page(browser):
    """The test browser's current page, parsed."""
    return html.fromstring(browser.contents)


def parse(markup):
    """HTML a view returned (or any markup), parsed."""
    return html.fromstring(markup)


def text(element):
    """An element's text with whitespace collapsed, as a reader sees it."""
    return " ".join(element.text_content().split())


def translated(msgid, language, **mapping):
    """What a page in ``language`` shows for one of our messages: its translation once
    the catalogue has it, the English msgid until then."""
    message = _(msgid, mapping=mapping) if mapping else msgid
    return translate(message, domain="dichvucong", target_language=language)


def vi(msgid, **mapping):
    """What the (default) Vietnamese page shows for ``msgid``."""
    return translated(msgid, "vi", **mapping)


def en(msgid, **mapping):
    """What the English page shows for ``msgid``."""
    return translated(msgid, "en", **mapping)


def field_errors(browser):
    """{field name: message} a service form shows next to its fields."""
    shown = {}
    for element in page(browser).cssselect(".invalid-feedback[id$='-error']"):
        name = element.get("id")[len("form-widgets-") : -len("-error")]
        shown[name] = text(element)
    return shown
