"""What the page and the REST service show of a search: items, facets with titles, pages."""

from dichvucong import _
from dichvucong.base.vietnamese import sort_key
from dichvucong.catalogue.search.engine import FACETS
from dichvucong.catalogue.search.engine import search_procedures
from dichvucong.catalogue.search.params import SearchParams
from dichvucong.catalogue.vocabularies import APPLICANT_TYPES
from dichvucong.catalogue.vocabularies import LEVELS
from plone import api
from zope.i18n import translate


ONLINE = (
    ("1", _("Can be submitted online")),
    ("0", _("Cannot be submitted online")),
)
FACET_TITLES = {
    "domain": _("Domain"),
    "agency": _("Agency"),
    "level": _("Online service level"),
    "applicant": _("Who may apply"),
    "online": _("Online submission"),
}
# Facets with a fixed list of values keep its order; the others go by count, then name.
FIXED_ORDER = {"level": LEVELS, "applicant": APPLICANT_TYPES, "online": ONLINE}
# The page lists the facet values only for "can be submitted online" (one checkbox).
PAGE_HIDDEN_VALUES = {"online": {"0"}}


class Listing:
    """A search run for a request: the params, the result and how to present them."""

    def __init__(self, context, request, params=None):
        self.context = context
        self.request = request
        self.params = params or SearchParams.from_form(request.form)
        self.portal = api.portal.get()
        self.index, self.result = search_procedures(
            self.portal,
            self.params.q,
            self.params.filters,
            self.params.b_start,
            self.params.b_size,
        )

    def translate(self, msgid):
        return translate(msgid, context=self.request)

    # -- items ---------------------------------------------------------------

    def level_title(self, value):
        return self.translate(dict(LEVELS)[value]) if value in dict(LEVELS) else value

    def domain_title(self, value):
        return self.index.domain_titles.get(value, value) if value else ""

    def item(self, hit):
        record = hit.record
        return {
            "url": self.request.physicalPathToURL(record.path),
            "uid": record.uid,
            "title": record.title,
            "description": record.description,
            "code": record.code,
            "level": record.level,
            "level_title": self.level_title(record.level),
            "domain": record.domain,
            "domain_title": self.domain_title(record.domain),
            "has_online_form": record.online,
            "score": hit.score,
        }

    def items(self):
        return [self.item(hit) for hit in self.result.hits]

    # -- facets --------------------------------------------------------------

    def value_title(self, facet, value):
        if facet == "domain":
            return self.domain_title(value)
        if facet == "agency":
            return self.index.agency_titles.get(value, value)
        titles = dict(FIXED_ORDER[facet])
        return self.translate(titles[value]) if value in titles else value

    def facet(self, facet):
        """[{value, title, count, selected}] of a facet; chosen values stay listed."""
        counts = dict(self.result.facets.get(facet, {}))
        for value in self.params.selected(facet):
            counts.setdefault(value, 0)
        entries = [
            {
                "value": value,
                "title": self.value_title(facet, value),
                "count": count,
                "selected": self.params.is_selected(facet, value),
            }
            for value, count in counts.items()
        ]
        if facet in FIXED_ORDER:
            order = {value: rank for rank, (value, _title) in enumerate(FIXED_ORDER[facet])}
            entries.sort(key=lambda e: (order.get(e["value"], len(order)), e["value"]))
        else:
            entries.sort(key=lambda e: (-e["count"], sort_key(e["title"]), e["value"]))
        return entries

    def facets(self):
        return {facet: self.facet(facet) for facet in FACETS}

    # -- pages ---------------------------------------------------------------

    def batch(self):
        """Numbers of the current page: first and last item shown, page and pages."""
        total = self.result.total
        size = self.params.b_size
        start = self.params.b_start
        pages = max(1, -(-total // size))
        page = min(start // size + 1, pages)
        return {
            "total": total,
            "first": start + 1 if total and start < total else 0,
            "last": min(start + size, total),
            "page": page,
            "pages": pages,
            "prev_start": max(0, start - size) if start > 0 else None,
            "next_start": start + size if start + size < total else None,
            "last_start": (pages - 1) * size,
        }
