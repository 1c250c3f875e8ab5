"""Query parameters of the procedure search, shared by the page and the REST service.

q, domain, agency, level, applicant (repeatable: any of the values), online (1 or 0),
b_start, b_size.
"""

from dichvucong.catalogue.search.engine import FACETS
from urllib.parse import urlencode


DEFAULT_SIZE = 20
MAX_SIZE = 100
MAX_QUERY_LENGTH = 200
MAX_VALUES = 50
MAX_VALUE_LENGTH = 200
TRUE = frozenset(("1", "true", "on", "yes"))
FALSE = frozenset(("0", "false", "off", "no"))


def _values(raw):
    if raw is None:
        return ()
    if isinstance(raw, (str, bytes)):
        raw = [raw]
    out = []
    for value in raw:
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if not isinstance(value, str):
            continue
        value = value.strip()[:MAX_VALUE_LENGTH]
        if value and value not in out:
            out.append(value)
    return tuple(out[:MAX_VALUES])


def _int(raw, default):
    if isinstance(raw, (list, tuple)):
        raw = raw[0] if raw else None
    try:
        return int(raw)
    except (TypeError, ValueError):
        return default


class SearchParams:
    """The search a request asks for, and the links to searches next to it."""

    def __init__(self, q="", filters=None, b_start=0, b_size=DEFAULT_SIZE):
        self.q = " ".join((q or "").split())[:MAX_QUERY_LENGTH]
        self.filters = {facet: tuple(values) for facet, values in (filters or {}).items() if values}
        self.b_start = max(0, b_start)
        self.b_size = min(max(1, b_size), MAX_SIZE)

    @classmethod
    def from_form(cls, form):
        q = _values(form.get("q"))
        filters = {facet: _values(form.get(facet)) for facet in FACETS if facet != "online"}
        online = [v.lower() for v in _values(form.get("online"))]
        if online and online[0] in TRUE:
            filters["online"] = ("1",)
        elif online and online[0] in FALSE:
            filters["online"] = ("0",)
        return cls(
            q=q[0] if q else "",
            filters=filters,
            b_start=_int(form.get("b_start"), 0),
            b_size=_int(form.get("b_size"), DEFAULT_SIZE),
        )

    def selected(self, facet):
        return self.filters.get(facet, ())

    def is_selected(self, facet, value):
        return value in self.filters.get(facet, ())

    @property
    def has_filters(self):
        return bool(self.filters)

    def replace(self, **changes):
        values = {
            "q": self.q,
            "filters": self.filters,
            "b_start": self.b_start,
            "b_size": self.b_size,
        }
        values.update(changes)
        return SearchParams(**values)

    def toggled(self, facet, value):
        """The same search with a facet value added or removed, from the first page."""
        selected = list(self.selected(facet))
        if value in selected:
            selected.remove(value)
        elif facet == "online":
            selected = [value]
        else:
            selected.append(value)
        filters = dict(self.filters)
        filters[facet] = tuple(selected)
        return self.replace(filters=filters, b_start=0)

    def items(self):
        """(name, value) pairs for a query string, in a stable order."""
        pairs = []
        if self.q:
            pairs.append(("q", self.q))
        for facet in FACETS:
            pairs.extend((facet, value) for value in self.selected(facet))
        if self.b_start:
            pairs.append(("b_start", str(self.b_start)))
        if self.b_size != DEFAULT_SIZE:
            pairs.append(("b_size", str(self.b_size)))
        return pairs

    def query_string(self):
        return urlencode(self.items())

    def url(self, base):
        query = self.query_string()
        return f"{base}?{query}" if query else base
