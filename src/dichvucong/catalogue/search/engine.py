"""The procedure search: ranked, accent- and typo-tolerant, with facet counts.

Two parts:

- ``CatalogueIndex``: pure Python over plain records (no Zope). An inverted index of
  canonical words (folded, i and y as one letter where Vietnamese spells a syllable
  either way, abbreviations written out) to record positions, the sorted vocabulary
  for prefix matching while typing, and single-deletion variants of the vocabulary for
  one-typo matching. Records are kept in browse order (popularity, then Vietnamese
  dictionary order), so a record's position is also its tie-breaker.
- the site part: ``catalogue_index`` builds the index from catalog metadata of every
  Procedure (unrestricted) and caches it per process, keyed on the portal path, the
  catalog's change counter (and the counter's last commit) and the abbreviations;
  ``viewable`` asks the catalog once which of those procedures the current user may
  see (roles, local roles, publication dates), cached per index and per set of roles.

Ranking (higher tier first; ties by popularity, then dictionary order):

7. the query names a procedure code ("1.001193");
5. the words form a phrase of the title (the whole title scores higher);
4. every word is in the title;
3. every word is in the title, the keywords, the description or the code;
2. every word is found, some only with one typo;
1. only when nothing matches every word: the procedures matching the most words (at
   least half of them when some do), rarer words weighing more.

Words unknown to the whole catalogue are left out of the query (so a stray word does
not empty the result), as long as one word is known.
"""

from AccessControl.SecurityManagement import getSecurityManager
from bisect import bisect_left
from dataclasses import dataclass
from dataclasses import field
from dichvucong.base.internals import catalog_generation
from dichvucong.base.vietnamese import DEFAULT_ABBREVIATIONS
from dichvucong.base.vietnamese import fold
from dichvucong.base.vietnamese import sort_key
from dichvucong.base.vietnamese import words
from dichvucong.catalogue.search.interfaces import IAbbreviationSource
from plone.registry.interfaces import IRegistry
from zope.component import getUtilitiesFor
from zope.component import queryUtility
import math
import threading
import time


FACETS = ("domain", "agency", "level", "applicant", "online")

EXACT, PREFIX, FUZZY = 3, 2, 1
CODE_SCORE = 700
TIER = 100
MIN_FUZZY_LENGTH = 3
VOWELS = frozenset("aeiouy")
CODE_PUNCTUATION = ".,;:()[]\"'"


# ---------------------------------------------------------------------------
# Words


def canonical(word):
    """A folded word with i and y as one letter where both spellings are in use.

    A final y after a consonant (folded: ky/ki, ly/li, my/mi), after "qu" (quy/qui) or
    alone ("y te") becomes i. Other y stay: "tay" and "tai", "thuy" and "thui" differ.
    """
    if (
        word.endswith("y")
        and word.isalpha()
        and (len(word) == 1 or word[-2] not in VOWELS or word[-3:] == "quy")
    ):
        return word[:-1] + "i"
    return word


def compile_abbreviations(mapping):
    """{folded abbreviation: canonical words of its expansion} of single-word keys."""
    compiled = {}
    for short, long in (mapping or {}).items():
        keys = words(short)
        expansion = tuple(canonical(word) for word in words(long))
        if len(keys) == 1 and expansion:
            compiled[keys[0]] = expansion
    return compiled


def parse_abbreviations(lines):
    """{abbreviation: expansion} from ``ABBR=expansion`` lines; other lines are skipped."""
    mapping = {}
    for line in lines or ():
        short, sep, long = (line or "").partition("=")
        if sep and short.strip() and long.strip():
            mapping[short.strip()] = long.strip()
    return mapping


def tokens(text, expansions):
    """Canonical words of a text, abbreviations written out."""
    out = []
    for word in words(text):
        expansion = expansions.get(word)
        if expansion:
            out.extend(expansion)
        else:
            out.append(canonical(word))
    return out


def deletions(word):
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def within_one_edit(a, b):
    """True when a and b differ by at most one insertion, deletion, substitution or
    swap of two neighbouring letters."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    return a[i:] == b[i + 1 :]


def _phrase(positions):
    """Whether positions[k] holds start + k for some start (a contiguous phrase)."""
    if not positions:
        return False
    rest = positions[1:]
    return any(all(start + k in later for k, later in enumerate(rest, 1)) for start in positions[0])


def _is_code_like(text):
    return any(ch.isdigit() for ch in text)


def _title_matches(matches, title):
    """(title positions of exact or prefix matches, title positions of any match, the
    best quality in the title) of one term."""
    good = set()
    anywhere = set()
    best = 0
    for j, word in enumerate(title):
        quality = matches.get(word)
        if quality:
            anywhere.add(j)
            if quality >= PREFIX:
                good.add(j)
            if quality > best:
                best = quality
    return good, anywhere, best


def _best_quality(matches, record_words):
    """The best quality of one term among a set of words (looping over the smaller)."""
    if len(matches) <= len(record_words):
        return max((q for w, q in matches.items() if w in record_words), default=0)
    return max((matches[w] for w in record_words if w in matches), default=0)


def _title_score(title_positions, exact_title, prefixes):
    """Tiers 5 and 4: every term in the title, as a phrase or not."""
    if _phrase(title_positions):
        return 5 * TIER + (40 if exact_title else 20) - 5 * min(prefixes, 4)
    return 4 * TIER + 20 - 5 * min(prefixes, 4)


def _anywhere_score(record, terms, in_title):
    """Tier 3: every term found without a typo; a phrase of a keyword weighs more."""
    bonus = 5 * min(in_title, 10)
    for phrase in record.keyword_phrases:
        positions = [{j for j, w in enumerate(phrase) if w in t.matches} for t in terms]
        if _phrase(positions):
            bonus += 40
            break
    return 3 * TIER + min(bonus, 90)


def _typo_score(best, any_positions):
    """Tier 2: every term found, some only with a typo."""
    fuzzy = sum(1 for quality in best if quality == FUZZY)
    bonus = 5 * min(sum(1 for positions in any_positions if positions), 10)
    if all(any_positions) and _phrase(any_positions):
        bonus += 40
    return 2 * TIER + 20 + min(bonus, 70) - 5 * min(fuzzy, 4)


def _common_records(terms):
    """Positions of the records every term matches (smallest sets first)."""
    ordered = sorted(terms, key=lambda t: len(t.records))
    candidates = set(ordered[0].records)
    for term in ordered[1:]:
        candidates &= term.records
        if not candidates:
            break
    return candidates


def _failed_facets(record, checks):
    """(how many of the facet filters the record fails, counting up to two; the last
    facet it fails)."""
    failed = None
    failures = 0
    for facet, selected in checks:
        if selected and selected.isdisjoint(record.facet_values(facet)):
            failures += 1
            failed = facet
            if failures > 1:
                break
    return failures, failed


# ---------------------------------------------------------------------------
# Records and results


@dataclass(slots=True, eq=False)
class Record:
    """One procedure as the search sees it (from catalog metadata)."""

    rid: object
    uid: str
    path: str
    title: str
    description: str = ""
    code: str = ""
    level: str = ""
    domain: str = ""
    agencies: tuple = ()
    applicants: tuple = ()
    online: bool = False
    popularity: int = 0
    keywords: tuple = ()
    title_words: tuple = ()
    other_words: frozenset = frozenset()
    keyword_phrases: tuple = ()

    def facet_values(self, facet):
        if facet == "domain":
            return (self.domain,) if self.domain else ()
        if facet == "agency":
            return self.agencies
        if facet == "level":
            return (self.level,) if self.level else ()
        if facet == "applicant":
            return self.applicants
        return ("1",) if self.online else ("0",)


@dataclass(slots=True)
class Hit:
    record: Record
    score: int


@dataclass(slots=True)
class SearchResult:
    total: int
    hits: list
    facets: dict  # facet -> {value: count}
    b_start: int = 0
    b_size: int = 20
    partial: bool = False  # no procedure matched every word: the closest ones
    query_words: tuple = ()


@dataclass(slots=True)
class Term:
    word: str
    matches: dict  # vocabulary word -> EXACT / PREFIX / FUZZY
    records: set = field(default_factory=set)


# ---------------------------------------------------------------------------
# The index


def _clean(value, default=""):
    """Catalog metadata may be Missing.Value or None for records indexed long ago."""
    if value is None or not value:
        return default
    return value


class CatalogueIndex:
    """In-memory search index over procedure records (plain mappings or Records)."""

    def __init__(self, entries, abbreviations=None, domain_titles=None, agency_titles=None):
        if abbreviations is None:
            abbreviations = DEFAULT_ABBREVIATIONS
        self.abbreviations = dict(abbreviations)
        self.expansions = compile_abbreviations(self.abbreviations)
        self.domain_titles = dict(domain_titles or {})
        self.agency_titles = dict(agency_titles or {})
        self.key = None
        self.viewable_cache = {}

        records = [self._record(entry) for entry in entries]
        records.sort(key=lambda r: (-r.popularity, sort_key(r.title), r.code, r.path))
        self.records = records
        self.by_rid = {record.rid: position for position, record in enumerate(records)}
        self.everything = frozenset(range(len(records)))

        postings = {}
        codes = {}
        for position, record in enumerate(records):
            for word in set(record.title_words) | record.other_words:
                postings.setdefault(word, set()).add(position)
            if record.code:
                codes.setdefault(fold(record.code).strip(), []).append(position)
        self.postings = postings
        self.codes = codes
        self.vocabulary = sorted(postings)
        variants = {}
        for word in self.vocabulary:
            if word.isalpha() and len(word) >= MIN_FUZZY_LENGTH - 1:
                for variant in deletions(word):
                    variants.setdefault(variant, set()).add(word)
        self.variants = variants

    def _record(self, entry):
        if isinstance(entry, Record):
            record = entry
        else:
            record = Record(
                rid=entry["rid"],
                uid=_clean(entry.get("uid")),
                path=_clean(entry.get("path")),
                title=_clean(entry.get("title")),
                description=_clean(entry.get("description")),
                code=_clean(entry.get("code")),
                level=_clean(entry.get("level")),
                domain=_clean(entry.get("domain")),
                agencies=tuple(_clean(entry.get("agencies"), ())),
                applicants=tuple(_clean(entry.get("applicants"), ())),
                online=bool(_clean(entry.get("online"), False)),
                popularity=int(_clean(entry.get("popularity"), 0)),
                keywords=tuple(_clean(entry.get("keywords"), ())),
            )
        expansions = self.expansions
        record.title_words = tuple(tokens(record.title, expansions))
        record.keyword_phrases = tuple(
            tuple(tokens(keyword, expansions)) for keyword in record.keywords
        )
        other = set(tokens(record.description, expansions))
        other.update(tokens(record.code, expansions))
        for phrase in record.keyword_phrases:
            other.update(phrase)
        record.other_words = frozenset(other)
        return record

    # -- query words ---------------------------------------------------------

    def _prefixed(self, prefix):
        vocabulary = self.vocabulary
        start = bisect_left(vocabulary, prefix)
        end = bisect_left(vocabulary, prefix + "\uffff", start)
        return vocabulary[start:end]

    def _near(self, word):
        """Vocabulary words one typo away."""
        postings = self.postings
        variants = self.variants
        found = set(variants.get(word, ()))
        for variant in deletions(word):
            if variant in postings and variant.isalpha():
                found.add(variant)
            found.update(variants.get(variant, ()))
        found.discard(word)
        return [candidate for candidate in found if within_one_edit(word, candidate)]

    def terms(self, text):
        """The query's terms, each with the vocabulary words it matches and how well."""
        folded = words(text)
        postings = self.postings
        terms = []
        last = len(folded) - 1
        for i, word in enumerate(folded):
            expansion = self.expansions.get(word)
            if expansion:
                terms.extend(Term(w, {w: EXACT} if w in postings else {}) for w in expansion)
                continue
            word_c = canonical(word)
            matches = {}
            if word_c in postings:
                matches[word_c] = EXACT
            if i == last:
                for candidate in (*self._prefixed(word_c), *self._prefixed(word)):
                    matches.setdefault(candidate, PREFIX)
            if not matches and len(word_c) >= MIN_FUZZY_LENGTH and word_c.isalpha():
                for candidate in self._near(word_c):
                    matches[candidate] = FUZZY
            terms.append(Term(word_c, matches))
        return terms

    def code_hits(self, text):
        hits = set()
        for chunk in fold(text).split():
            chunk = chunk.strip(CODE_PUNCTUATION)
            if chunk and _is_code_like(chunk):
                hits.update(self.codes.get(chunk, ()))
        return hits

    # -- scoring -------------------------------------------------------------

    def _rank(self, record, terms):
        """The score of a record that matches every term somewhere."""
        title = record.title_words
        other = record.other_words
        title_positions = []  # per term: positions of exact/prefix matches in the title
        any_positions = []  # per term: positions of any match in the title
        best = []  # per term: best quality anywhere
        in_title = 0
        prefixes = 0
        for term in terms:
            good, anywhere, title_quality = _title_matches(term.matches, title)
            quality = title_quality
            if quality < EXACT:
                quality = max(quality, _best_quality(term.matches, other))
            title_positions.append(good)
            any_positions.append(anywhere)
            best.append(quality)
            if good:
                in_title += 1
                if title_quality == PREFIX:
                    prefixes += 1
        n = len(terms)
        if in_title == n:
            return _title_score(title_positions, len(title) == n and prefixes == 0, prefixes)
        if min(best) >= PREFIX:
            return _anywhere_score(record, terms, in_title)
        return _typo_score(best, any_positions)

    def _closest(self, terms):
        """Records matching at least half of the terms (or, when none does, as many as
        the best record), scored by the rarity of the words they match (a typo counts
        half)."""
        postings = self.postings
        total = len(self.records) or 1
        counts = {}
        weights = {}
        whole = 0.0
        for term in terms:
            weight = math.log(1 + total / len(term.records))
            whole += weight
            good = set().union(
                *(postings[w] for w, quality in term.matches.items() if quality >= PREFIX)
            )
            for position in term.records:
                counts[position] = counts.get(position, 0) + 1
                share = weight if position in good else weight / 2
                weights[position] = weights.get(position, 0.0) + share
        # At least half of the words, or as many as the best record has.
        need = min(max(1, math.ceil(len(terms) / 2)), max(counts.values(), default=1))
        return {
            position: TIER + min(99, round(99 * weights[position] / whole))
            for position, count in counts.items()
            if count >= need
        }

    def score(self, text, visible=None):
        """{position: score} of the records matching the query text, among the visible
        ones; and whether the result is a partial (closest) match.

        Words that match no visible record are left out, as are unknown words: what a
        user may not see never changes what they get.
        """
        terms = self._visible_terms(text, visible)
        scores = {}
        partial = False
        if terms:
            candidates = _common_records(terms)
            if candidates:
                records = self.records
                for position in candidates:
                    scores[position] = self._rank(records[position], terms)
            else:
                partial = True
                scores = self._closest(terms)
        for position in self.code_hits(text):
            if visible is None or position in visible:
                scores[position] = CODE_SCORE
        return scores, partial

    def _visible_terms(self, text, visible):
        """The query's terms that match a visible record, each with those records."""
        postings = self.postings
        terms = []
        for term in self.terms(text):
            if term.matches:
                term.records = set().union(*(postings[w] for w in term.matches))
                if visible is not None:
                    term.records &= visible
                if term.records:
                    terms.append(term)
        return terms

    # -- search --------------------------------------------------------------

    def search(self, text="", filters=None, visible=None, b_start=0, b_size=20):
        """Ranked, filtered, batched search with facet counts.

        filters: {facet: values}; a record passes a facet when it has one of the values
        (or the facet is not filtered). Each facet's counts apply the other facets'
        filters, so choosing a value keeps its siblings' counts meaningful.
        visible: the record positions the user may see (None: all).
        """
        text = (text or "").strip()
        active = {f: frozenset(v) for f, v in (filters or {}).items() if f in FACETS and v}
        partial = False
        if text:
            scores, partial = self.score(text, visible)
            pool = scores.keys()
        else:
            scores = None
            pool = self.everything if visible is None else visible

        results, counts = self._filter(pool, active)
        records = self.records
        if scores is None:
            results.sort()
        else:
            results.sort(key=lambda position: (-scores[position], position))
        b_start = max(0, int(b_start or 0))
        b_size = max(1, int(b_size or 20))
        hits = [
            Hit(records[position], scores[position] if scores else 0)
            for position in results[b_start : b_start + b_size]
        ]
        return SearchResult(
            total=len(results),
            hits=hits,
            facets=counts,
            b_start=b_start,
            b_size=b_size,
            partial=partial and bool(results),
            query_words=tuple(words(text)),
        )

    def _filter(self, pool, active):
        """(the positions that pass every active filter, facet counts). A record that
        fails one facet only still counts in that facet, so its siblings stay
        meaningful."""
        counts = {facet: {} for facet in FACETS}
        results = []
        records = self.records
        checks = [(facet, active.get(facet)) for facet in FACETS]
        for position in pool:
            record = records[position]
            failures, failed = _failed_facets(record, checks)
            if failures == 0:
                results.append(position)
                for facet in FACETS:
                    bucket = counts[facet]
                    for value in record.facet_values(facet):
                        bucket[value] = bucket.get(value, 0) + 1
            elif failures == 1:
                bucket = counts[failed]
                for value in record.facet_values(failed):
                    bucket[value] = bucket.get(value, 0) + 1
        return results, counts


# ---------------------------------------------------------------------------
# The site: an index per portal, rebuilt when the catalog changes


_CACHE = {}  # portal path -> {key: CatalogueIndex}, the last two generations
_LOCK = threading.Lock()
VIEWABLE_CACHE_SIZE = 256


def clear_cache():
    with _LOCK:
        _CACHE.clear()


def _metadata(brain, name, default=""):
    value = getattr(brain, name, default)
    return default if value is None or not value else value


def catalog_entries(catalog):
    """Plain records of every Procedure in the catalog (whoever may see them)."""
    for brain in catalog.unrestrictedSearchResults(portal_type="Procedure"):
        yield {
            "rid": brain.getRID(),
            "uid": _metadata(brain, "UID"),
            "path": brain.getPath(),
            "title": _metadata(brain, "Title"),
            "description": _metadata(brain, "Description"),
            "code": _metadata(brain, "catalogue_code"),
            "level": _metadata(brain, "procedure_level"),
            "domain": _metadata(brain, "procedure_domain"),
            "agencies": _metadata(brain, "procedure_agencies", ()),
            "applicants": _metadata(brain, "procedure_applicants", ()),
            "online": _metadata(brain, "has_online_form", False),
            "popularity": _metadata(brain, "popularity", 0),
            "keywords": _metadata(brain, "procedure_keywords", ()),
        }


def _titles(catalog, portal_type):
    titles = {}
    for brain in catalog.unrestrictedSearchResults(portal_type=portal_type):
        code = _metadata(brain, "catalogue_code")
        if code and code not in titles:
            titles[code] = _metadata(brain, "Title", code)
    return titles


def build_index(catalog, abbreviations=None):
    return CatalogueIndex(
        catalog_entries(catalog),
        abbreviations=abbreviations,
        domain_titles=_titles(catalog, "Domain"),
        agency_titles=_titles(catalog, "Agency"),
    )


def registry_abbreviations():
    """The editable abbreviations (registry record ``dichvucong.abbreviations``) and the
    abbreviations of the other sources (IAbbreviationSource utilities: the public
    glossary); the registry wins where both name an abbreviation."""
    registry = queryUtility(IRegistry)
    lines = registry.get("dichvucong.abbreviations") if registry is not None else None
    mapping = dict(DEFAULT_ABBREVIATIONS) if lines is None else parse_abbreviations(lines)
    known = {fold(short) for short in mapping}
    more = {}
    for _name, source in sorted(getUtilitiesFor(IAbbreviationSource)):
        more.update(source.abbreviations())
    for short, long in more.items():
        if fold(short) not in known:
            mapping[short] = long
    return mapping


def catalogue_index(portal, catalog=None, abbreviations=None):
    """The search index of a portal, from the process cache when the catalog has not
    changed since it was built."""
    if catalog is None:
        catalog = portal.portal_catalog
    if abbreviations is None:
        abbreviations = registry_abbreviations()
    path = "/".join(portal.getPhysicalPath())
    generation = catalog_generation(catalog)
    if generation is None:
        return build_index(catalog, abbreviations)
    key = (path, generation, tuple(sorted(abbreviations.items())))
    index = _CACHE.get(path, {}).get(key)
    if index is not None:
        return index
    with _LOCK:
        index = _CACHE.get(path, {}).get(key)
        if index is None:
            index = build_index(catalog, abbreviations)
            index.key = key
            generations = _CACHE.setdefault(path, {})
            generations[key] = index
            while len(generations) > 2:
                del generations[next(iter(generations))]
    return index


def viewable(index, catalog):
    """Positions of the index's records the current user may see.

    One catalog query for Procedure with the user's roles, groups and local roles
    (allowedRolesAndUsers) and, for users who may not see inactive content, the
    publication dates; cached on the index per set of roles and, for publication
    dates, per minute.
    """
    user = getSecurityManager().getUser()
    roles = tuple(sorted(catalog._listAllowedRolesAndUsers(user)))
    inactive = bool(catalog.allow_inactive({}))
    key = (roles, inactive, None if inactive else int(time.time() // 60))
    cache = index.viewable_cache
    found = cache.get(key)
    if found is None:
        by_rid = index.by_rid
        found = frozenset(
            by_rid[rid]
            for rid in (brain.getRID() for brain in catalog.searchResults(portal_type="Procedure"))
            if rid in by_rid
        )
        if len(cache) >= VIEWABLE_CACHE_SIZE:
            cache.clear()
        cache[key] = found
    return found


def search_procedures(portal, text="", filters=None, b_start=0, b_size=20):
    """Search the portal's procedures as the current user may see them."""
    catalog = portal.portal_catalog
    index = catalogue_index(portal, catalog)
    visible = viewable(index, catalog)
    return index, index.search(text, filters, visible, b_start, b_size)
