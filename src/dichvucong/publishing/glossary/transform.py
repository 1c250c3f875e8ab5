"""Mark abbreviations on every page: the first occurrence of each glossary term in the
page's main content becomes ``<abbr title="expansion">CCCD</abbr>``.

A plone.transformchain step, after the theme (plone.app.theming, order 8850) and before
CSRF protection (plone.protect, 9000), so it sees the final page: Mosaic tiles, rich
text, procedure fields and views alike (plone.outputfilters would reach rich text
only). It reuses the lxml tree the theme already parsed.

Only text inside the main content (``#content-core``, or ``#content`` where a view or a
Mosaic layout has no ``#content-core``) is touched, never attributes, and never text
inside links, headings, forms, scripts, styles, code, existing ``<abbr>`` or an element
marked ``data-dvc-glossary="off"``. Matching is case-sensitive and by whole words
(Vietnamese letters count as letters). Each abbreviation is expanded once per page; one
the author already wrapped in ``<abbr>`` is not repeated.
"""

from dichvucong.interfaces import IDichvucongLayer
from dichvucong.publishing.glossary.terms import site_terms
from lxml import etree
from lxml import html
from plone.transformchain.interfaces import ITransform
from repoze.xmliter.serializer import XMLSerializer
from repoze.xmliter.utils import getHTMLSerializer
from ZODB.POSException import ConflictError
from zope.component import adapter
from zope.interface import Interface
from zope.interface import implementer
import logging


logger = logging.getLogger(__name__)

OPT_OUT = "data-dvc-glossary"
SKIPPED = frozenset(
    (
        *("a", "abbr", "acronym", "dfn", "code", "kbd", "pre", "samp"),
        *("h1", "h2", "h3", "h4", "h5", "h6"),
        *("form", "button", "input", "label", "option", "select", "textarea"),
        *("script", "style", "template", "noscript", "head", "title"),
        *("audio", "video", "canvas", "embed", "iframe", "map", "math", "object", "svg"),
    )
)
CONTENT_ROOTS = ('//*[@id="content-core"]', '//*[@id="content"]')


def content_roots(root):
    for xpath in CONTENT_ROOTS:
        found = root.xpath(xpath)
        if found:
            return found
    return []


def _skipped(element):
    tag = element.tag
    if not isinstance(tag, str):  # comments, processing instructions
        return True
    return etree.QName(tag).localname.lower() in SKIPPED or element.get(OPT_OUT) == "off"


class _Marker:
    def __init__(self, terms, seen):
        self.pattern = terms.pattern
        self.expansions = terms.expansions
        self.seen = seen
        self.count = 0

    def split(self, parent, text):
        """(text before, [abbr elements, each with the text after it]) or None."""
        if not text:
            return None
        head = None
        marks = []
        position = 0
        for match in self.pattern.finditer(text):
            word = match.group(0)
            if word in self.seen:
                continue
            self.seen.add(word)
            # Focusable: a tap or the Tab key shows the expansion (glossary.css), where
            # a title tooltip never appears (touch screens, keyboards).
            abbr = parent.makeelement(
                "abbr", {"title": self.expansions[word], "class": "dvc-abbr", "tabindex": "0"}
            )
            abbr.text = word
            if marks:
                marks[-1].tail = text[position : match.start()]
            else:
                head = text[: match.start()]
            marks.append(abbr)
            position = match.end()
        if not marks:
            return None
        marks[-1].tail = text[position:]
        self.count += len(marks)
        return head, marks

    def mark(self, element):
        if _skipped(element):
            return
        found = self.split(element, element.text)
        if found:
            element.text, marks = found
            for offset, abbr in enumerate(marks):
                element.insert(offset, abbr)
        for child in list(element):
            if not _skipped(child):
                self.mark(child)
            found = self.split(element, child.tail)
            if found:
                child.tail, marks = found
                index = element.index(child)
                for offset, abbr in enumerate(marks, 1):
                    element.insert(index + offset, abbr)


def mark_abbreviations(roots, terms):
    """Wrap the first occurrence of each term under ``roots``; returns how many."""
    if not terms or terms.pattern is None:
        return 0
    seen = set()
    for root in roots:
        for existing in root.iter("abbr"):
            seen.add((existing.text_content() or "").strip())
    marker = _Marker(terms, seen)
    for root in roots:
        marker.mark(root)
    return marker.count


@implementer(ITransform)
@adapter(Interface, IDichvucongLayer)
class GlossaryTransform:
    order = 8870

    def __init__(self, published, request):
        self.published = published
        self.request = request

    def transformBytes(self, result, encoding):
        return self.transformIterable([result], encoding)

    def transformUnicode(self, result, encoding):
        return self.transformIterable([result], encoding)

    def transformIterable(self, result, encoding):
        try:
            if not self.applies():
                return None
            terms = site_terms()
            if not terms:
                return None
            serializer = self.parse(result, encoding)
            if serializer is None:
                return None
            count = mark_abbreviations(content_roots(serializer.tree.getroot()), terms)
            if count or result is serializer:
                return serializer
            return None
        except ConflictError:
            raise
        except Exception:
            # Never break a page (or the CSRF step after this one) for an expansion.
            logger.exception("glossary transform failed for %s", self.request.get("URL"))
            return None

    def applies(self):
        request = self.request
        response = request.response
        if request.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
            return False
        if response.getStatus() != 200:
            return False
        content_type = response.getHeader("Content-Type") or ""
        if not content_type.startswith("text/html"):
            return False
        return response.getHeader("Content-Encoding") in (None, "", "identity")

    def parse(self, result, encoding):
        if isinstance(result, XMLSerializer):
            return result
        if isinstance(result, list) and len(result) == 1 and not result[0].strip():
            return None
        try:
            serializer = getHTMLSerializer(result, pretty_print=False, encoding=encoding)
        except (AttributeError, TypeError, etree.ParseError):
            return None
        serializer.serializer = html.tostring
        return serializer
