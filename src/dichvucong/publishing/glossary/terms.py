"""The site's abbreviations as one small cached structure.

Every page view needs the terms (the ``<abbr>`` transform, the header link), so they
are read once and kept per process, keyed on the glossaries that hold them: their
paths and the last commit (``_p_serial``) of each glossary object. A change to a term
marks its glossary changed (``subscribers.py``), so the next commit gives the glossary
a new serial and the next request rebuilds the structure; publishing or retracting a
glossary changes its permissions, which changes its serial too. While the current
transaction has changed a glossary, the terms are read afresh and not shared (the
transaction may still be aborted).

Only glossaries anonymous visitors may view count: an abbreviation shown on a public
page must be explained by a public glossary.
"""

from AccessControl.PermissionRole import rolesForPermissionOn
from dataclasses import dataclass
from dichvucong.base.internals import committed_serial
from dichvucong.base.internals import unrestricted_object
from dichvucong.base.vietnamese import nfc
from dichvucong.base.vietnamese import sort_key
from dichvucong.catalogue.search.interfaces import IAbbreviationSource
from plone import api
from zope.globalrequest import getRequest
from zope.interface import implementer
import re


GLOSSARY_TYPE = "Glossary"
TERM_TYPE = "GlossaryTerm"
# Letters of a word: Unicode letters and digits (Vietnamese included) and combining
# marks, so "CCCD" is not found inside "CCCDs" and "UBND" not inside "UBNDx".
WORD_CHARACTERS = r"\w\u0300-\u036f"

_CACHE = {}  # portal path -> (key, Terms)


@dataclass(frozen=True)
class Term:
    abbreviation: str
    expansion: str
    note: str
    id: str


class Terms:
    """The abbreviations of the public glossaries, in Vietnamese dictionary order.

    ``expansions`` maps each abbreviation to its expansion (the first glossary term in
    dictionary order wins when two terms share an abbreviation); ``pattern`` finds any
    of them as a whole word, case-sensitively; ``glossary_paths`` are the physical
    paths of the glossaries.
    """

    def __init__(self, terms=(), glossary_paths=()):
        ordered = sorted(terms, key=lambda term: (sort_key(term.abbreviation), term.id))
        expansions = {}
        for term in ordered:
            expansions.setdefault(term.abbreviation, term.expansion)
        self.terms = tuple(ordered)
        self.expansions = expansions
        self.glossary_paths = tuple(glossary_paths)
        self.pattern = compile_pattern(expansions)

    def __bool__(self):
        return bool(self.expansions)


def compile_pattern(abbreviations):
    """A regular expression matching any abbreviation as a whole word (longest first)."""
    if not abbreviations:
        return None
    alternatives = "|".join(
        re.escape(abbreviation)
        for abbreviation in sorted(abbreviations, key=lambda a: (-len(a), a))
    )
    return re.compile(rf"(?<![{WORD_CHARACTERS}])(?:{alternatives})(?![{WORD_CHARACTERS}])")


def is_public(obj):
    return "Anonymous" in rolesForPermissionOn("View", obj)


_MEMO = "dichvucong.glossary.public:"


def public_glossaries(portal):
    """The public glossaries, looked up once per request: a page asks for them several
    times (header link, ``<abbr>`` transform, search), and the catalogue indexes every
    procedure's search text with them, so a bulk import would otherwise run one catalog
    query (and flush the indexing queue) per procedure. ``forget_glossaries`` drops the
    memo when a glossary is added, removed or changes state."""
    request = getRequest()
    memo = getattr(request, "other", None)
    key = _MEMO + "/".join(portal.getPhysicalPath())
    if memo is not None and key in memo:
        return memo[key]
    catalog = api.portal.get_tool("portal_catalog")
    glossaries = []
    for brain in catalog.unrestrictedSearchResults(portal_type=GLOSSARY_TYPE, sort_on="path"):
        obj = unrestricted_object(brain)
        if obj is not None and is_public(obj):
            glossaries.append(obj)
    if memo is not None:
        memo[key] = glossaries
    return glossaries


def forget_glossaries(*args):
    memo = getattr(getRequest(), "other", None)
    if memo:
        for key in [key for key in memo if isinstance(key, str) and key.startswith(_MEMO)]:
            del memo[key]


def read_terms(glossaries):
    terms = []
    for glossary in glossaries:
        for obj in glossary.objectValues():
            if getattr(obj, "portal_type", None) != TERM_TYPE:
                continue
            abbreviation = nfc(obj.title or "").strip()
            expansion = nfc(getattr(obj, "expansion", "") or "").strip()
            if abbreviation and expansion:
                terms.append(
                    Term(
                        abbreviation=abbreviation,
                        expansion=expansion,
                        note=nfc(getattr(obj, "note", "") or "").strip(),
                        id=obj.getId(),
                    )
                )
    return Terms(terms, ["/".join(glossary.getPhysicalPath()) for glossary in glossaries])


def _cache_key(glossaries):
    """(path, serial) of each glossary, or None while one is changed in this transaction."""
    key = []
    for glossary in glossaries:
        serial = committed_serial(glossary)
        if serial is None:
            return None
        key.append(("/".join(glossary.getPhysicalPath()), serial))
    return tuple(key)


def site_terms(portal=None):
    """The current site's public abbreviations (cached; see the module docstring)."""
    if portal is None:
        portal = api.portal.get()
    glossaries = public_glossaries(portal)
    key = _cache_key(glossaries)
    if key is None:
        return read_terms(glossaries)
    path = "/".join(portal.getPhysicalPath())
    cached = _CACHE.get(path)
    if cached is not None and cached[0] == key:
        return cached[1]
    terms = read_terms(glossaries)
    _CACHE[path] = (key, terms)
    return terms


def clear_cache():
    _CACHE.clear()


def glossary_abbreviations(portal=None):
    """{abbreviation: expansion} of the public glossary terms (for the procedure search)."""
    try:
        return dict(site_terms(portal).expansions)
    except api.exc.CannotGetPortalError:
        return {}


@implementer(IAbbreviationSource)
class GlossaryAbbreviations:
    """The procedure search's abbreviations from the public glossary (utility "glossary")."""

    def abbreviations(self):
        return glossary_abbreviations()
