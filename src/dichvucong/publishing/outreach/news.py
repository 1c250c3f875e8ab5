"""``@@news-by-date`` on the news section: news and events between two dates.

News items are dated by their publication (effective) date, events by their start.
The two catalog queries are merged newest first and batched. The catalog applies
the reader's permissions and the publication/expiry dates, so drafts and
scheduled items never show to anonymous readers.

Dates come from native date inputs (``YYYY-MM-DD``); browsers without them send
what people type, so ``dd/mm/yyyy`` is accepted too. Errors are shown next to the
field, in words (no page error, no empty list that looks like "nothing happened").
"""

from DateTime import DateTime
from datetime import UTC
from datetime import date
from datetime import datetime
from dichvucong import _
from dichvucong.base.dates import format_date
from dichvucong.base.dates import format_time
from dichvucong.base.dates import portal_time
from dichvucong.base.dates import portal_timezone
from heapq import merge
from plone import api
from plone.batching import Batch
from Products.Five.browser import BrowserView
from zope.i18n import translate
import re


PAGE_SIZE = 20
CAMPAIGNS_LIMIT = 4
FORM_KEYS = ["date_from", "date_to"]
ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
YEARS = (1971, 2400)
NO_DATE_YEAR = 1970  # a news item without effective date indexes at 1969-12-31

KIND_LABELS = {"News Item": _("News"), "Event": _("Event")}


def parse_date(text):
    """A date from ``2025-03-25`` or ``25/03/2025``; ValueError otherwise."""
    text = (text or "").strip()
    match = ISO.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        match = DMY.match(text)
        if not match:
            raise ValueError(text)
        day, month, year = (int(part) for part in match.groups())
    if not YEARS[0] <= year <= YEARS[1]:
        raise ValueError(text)  # beyond what the catalog's date indexes hold
    return date(year, month, day)


def day_start(value):
    return DateTime(value.year, value.month, value.day, 0, 0, 0, portal_timezone().key)


def day_end(value):
    return DateTime(value.year, value.month, value.day, 23, 59, 59, portal_timezone().key)


def as_datetime(value):
    """An aware datetime from the catalog's dates: news carry DateTime (effective),
    events a datetime (start); missing values sort last."""
    if isinstance(value, DateTime):
        return value.asdatetime()
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime(1, 1, 1, tzinfo=UTC)


class Page(list):
    """A list whose ``actual_result_count`` tells plone.batching the full length."""


class NewsByDateView(BrowserView):
    page_size = PAGE_SIZE

    def __call__(self):
        form = self.request.form
        self.values = {key: _text(form.get(key)) for key in FORM_KEYS}
        self.errors = {}
        self.range_error = None
        self.date_from = self._field(
            "date_from", _("Enter the start date as day/month/year, for example 25/03/2025.")
        )
        self.date_to = self._field(
            "date_to", _("Enter the end date as day/month/year, for example 25/03/2025.")
        )
        if self.date_from and self.date_to and self.date_from > self.date_to:
            self.range_error = _("The start date is after the end date. Please correct the dates.")
        self.filtered = bool(self.date_from or self.date_to)
        if self.has_errors:
            self.batch = Batch(Page([]), self.page_size, start=0)
        else:
            self.batch = self._batch()
        return self.index()

    def _field(self, key, message):
        if not self.values[key]:
            return None
        try:
            return parse_date(self.values[key])
        except ValueError:
            self.errors[key] = message
            return None

    @property
    def has_errors(self):
        return bool(self.errors or self.range_error)

    def error_summary(self):
        messages = [self.errors[key] for key in FORM_KEYS if key in self.errors]
        if self.range_error:
            messages.append(self.range_error)
        return messages

    def fields(self):
        labels = {"date_from": _("From date"), "date_to": _("To date")}
        return [
            {"key": key, "label": translate(labels[key], context=self.request)} for key in FORM_KEYS
        ]

    def input_value(self, key):
        """The value for the date input: ISO when it parsed, else what was typed."""
        parsed = getattr(self, key)
        return parsed.isoformat() if parsed else self.values[key]

    # Results

    def _range(self):
        if not self.filtered:
            return None
        # From 1971: news without a publication date index at the 1970 floor.
        low = day_start(self.date_from) if self.date_from else DateTime("1971-01-01")
        high = day_end(self.date_to) if self.date_to else DateTime("2499-12-31")
        return {"query": (low, high), "range": "min:max"}

    def _batch(self):
        try:
            start = max(int(self.request.form.get("b_start", 0)), 0)
        except (TypeError, ValueError):
            start = 0
        path = "/".join(self.context.getPhysicalPath())
        when = self._range()
        news_query = {"portal_type": "News Item", "path": path, "sort_on": "effective"}
        event_query = {"portal_type": "Event", "path": path, "sort_on": "start"}
        if when:
            news_query["effective"] = when
            event_query["start"] = when
        catalog = api.portal.get_tool("portal_catalog")
        news = catalog(sort_order="descending", **news_query)
        events = catalog(sort_order="descending", **event_query)
        total = len(news) + len(events)
        merged = merge(
            ((as_datetime(brain.effective), brain) for brain in news),
            ((as_datetime(brain.start), brain) for brain in events),
            key=lambda pair: pair[0],
            reverse=True,
        )
        rows = []
        for position, (when_, brain) in enumerate(merged):
            if position >= start + self.page_size:
                break
            if position >= start:
                rows.append(self._row(brain, when_))
        page = Page(rows)
        page.actual_result_count = total
        return Batch(page, self.page_size, start=start)

    def _row(self, brain, when):
        if when.year <= NO_DATE_YEAR:
            when = as_datetime(brain.created)  # never dated: the best we know
        moment = portal_time(when)
        is_event = brain.portal_type == "Event"
        return {
            "title": brain.Title,
            "description": brain.Description,
            "url": brain.getURL(),
            "kind": translate(KIND_LABELS[brain.portal_type], context=self.request),
            "is_event": is_event,
            "date": format_date(moment, self.request),
            "time": format_time(moment, self.request) if is_event else None,
            # Portal wall-clock time without offset, as the page has always given it.
            "iso": moment.replace(tzinfo=None).isoformat(timespec="minutes"),
        }

    def rows(self):
        return list(self.batch)

    def batch_keys(self):
        return FORM_KEYS

    def summary(self):
        if not self.filtered:
            return None
        if self.date_from and self.date_to:
            return _(
                "From ${start} to ${end}",
                mapping={
                    "start": format_date(self.date_from, self.request),
                    "end": format_date(self.date_to, self.request),
                },
            )
        if self.date_from:
            return _("From ${start}", mapping={"start": format_date(self.date_from, self.request)})
        return _("Until ${end}", mapping={"end": format_date(self.date_to, self.request)})

    def campaigns(self):
        """The latest campaigns of the section: the news page is also their way in."""
        brains = api.content.find(
            context=self.context,
            portal_type="Campaign",
            sort_on="effective",
            sort_order="descending",
            sort_limit=CAMPAIGNS_LIMIT,
        )[:CAMPAIGNS_LIMIT]
        return [
            {"title": brain.Title, "description": brain.Description, "url": brain.getURL()}
            for brain in brains
        ]

    def kits_url(self):
        return f"{self.context.absolute_url()}/@@outreach-kits"


def _text(value):
    if isinstance(value, list):
        value = value[0] if value else ""
    return value.strip()[:40] if isinstance(value, str) else ""
