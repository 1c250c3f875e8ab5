"""Working-time deadlines of dossiers under the one-stop rules (Decree 45/2020).

Processing times count working time only: office hours on working weekdays, minus public
holidays. A dossier received after the afternoon cut-off (15:00) starts counting on the next
working day; the clock stops while the citizen supplies missing documents. Everything here is
pure Python so it can be tested without a site; ``calendar_from_registry`` reads the editable
settings of a site.

Office hours are wall-clock times in the portal's time zone (``base.dates``); the deadlines
returned carry its fixed UTC offset (``storable``), as dossiers store them.
"""

from dataclasses import dataclass
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from dichvucong.base.dates import ICT
from dichvucong.base.dates import portal_time
from dichvucong.base.dates import portal_timezone
from dichvucong.base.dates import storable
from functools import lru_cache
from plone import api
import math
import re


# What dossiers store: Vietnam time, UTC+7 all year, as a fixed offset (the ZODB cannot
# pickle ZoneInfo). Deadlines of a portal in Vietnam carry this very tzinfo.
TZ = ICT
UNITS = ("working_days", "working_hours", "days")
# Online dossiers are acknowledged within 8 working hours.
ACKNOWLEDGEMENT_HOURS = 8
# Range entries longer than this are almost surely typos (a wrong year or month).
MAX_HOLIDAY_RANGE_DAYS = 31
REGISTRY_PREFIX = "dichvucong.calendar"

DEFAULT_WEEKDAYS = (0, 1, 2, 3, 4)
DEFAULT_OFFICE_HOURS = ("08:00-12:00", "13:00-17:00")
DEFAULT_CUTOFF = "15:00"

_HOLIDAY_LINE = re.compile(r"(\d{4}-\d\d-\d\d)(?:\.\.(\d{4}-\d\d-\d\d))?(?:\s+(.*))?")
_TIME = re.compile(r"(\d{1,2}):(\d\d)")


HOLIDAY_LINE_REASONS = {
    "format": "expected 'YYYY-MM-DD label' or 'YYYY-MM-DD..YYYY-MM-DD label'",
    "date": "no such date",
    "order": "the range ends before it starts",
    "length": f"a range longer than {MAX_HOLIDAY_RANGE_DAYS} days",
}


class HolidayLineError(ValueError):
    """A holiday line that cannot be read; keeps the line so a form can say which one."""

    def __init__(self, number, line, kind):
        self.number, self.line, self.kind = number, line, kind
        super().__init__(f"Holiday line {number} {line!r}: {HOLIDAY_LINE_REASONS[kind]}")


def parse_holidays(lines):
    """{date: label} from lines ``YYYY-MM-DD label`` or ``YYYY-MM-DD..YYYY-MM-DD label``.

    Blank lines and lines starting with ``#`` are skipped, so editors can group years and note
    the official notice they followed.
    """
    holidays = {}
    for number, raw in enumerate(lines or (), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _HOLIDAY_LINE.fullmatch(line)
        if match is None:
            raise HolidayLineError(number, line, "format")
        try:
            first = date.fromisoformat(match[1])
            last = date.fromisoformat(match[2]) if match[2] else first
        except ValueError:
            raise HolidayLineError(number, line, "date") from None
        if last < first:
            raise HolidayLineError(number, line, "order")
        if (last - first).days >= MAX_HOLIDAY_RANGE_DAYS:
            raise HolidayLineError(number, line, "length")
        label = (match[3] or "").strip()
        for offset in range((last - first).days + 1):
            holidays[first + timedelta(days=offset)] = label
    return holidays


def parse_time(text):
    """``"15:00"`` -> time(15, 0); a clear ValueError otherwise."""
    match = _TIME.fullmatch(str(text).strip())
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValueError(f"{text!r} is not a time of day like 15:00")
    return time(int(match[1]), int(match[2]))


def parse_office_hours(lines):
    """(start, end) pairs from lines like ``"08:00-12:00"``; blank lines are skipped."""
    intervals = []
    for line in lines:
        if not str(line).strip():
            continue
        start, dash, end = str(line).partition("-")
        if not dash:
            raise ValueError(f"{line!r} is not office hours like 08:00-12:00")
        intervals.append((parse_time(start), parse_time(end)))
    return tuple(intervals)


def as_local(moment):
    """The moment in the portal's time zone; naive datetimes are taken as portal time."""
    return portal_time(moment)


def _as_date(day):
    return as_local(day).date() if isinstance(day, datetime) else day


@dataclass(frozen=True)
class WorkingCalendar:
    """Working days and office hours of the one-stop shop.

    ``holidays`` is a set of dates (the keys of ``parse_holidays``), ``weekdays`` the working
    weekdays (0 = Monday), ``office_hours`` ordered (start, end) times, ``cutoff`` the time of
    day from which a dossier counts from the next working day.
    """

    holidays: frozenset = frozenset()
    weekdays: frozenset = frozenset(DEFAULT_WEEKDAYS)
    office_hours: tuple = ((time(8), time(12)), (time(13), time(17)))
    cutoff: time = time(15)

    def __post_init__(self):
        # Normalise, so a list or dict argument still gives a hashable, immutable calendar.
        object.__setattr__(self, "holidays", frozenset(self.holidays))
        object.__setattr__(self, "weekdays", frozenset(self.weekdays))
        object.__setattr__(self, "office_hours", tuple(sorted(map(tuple, self.office_hours))))
        if not self.weekdays or not self.weekdays <= set(range(7)):
            raise ValueError("working weekdays must be a non-empty choice of 0 (Monday) to 6")
        if not self.office_hours:
            raise ValueError("office hours are empty")
        previous_end = time.min
        for start, end in self.office_hours:
            if not previous_end <= start < end:
                raise ValueError("office hours must be increasing, non-overlapping intervals")
            previous_end = end

    @classmethod
    def from_settings(
        cls,
        holidays=(),
        weekdays=DEFAULT_WEEKDAYS,
        office_hours=DEFAULT_OFFICE_HOURS,
        cutoff=DEFAULT_CUTOFF,
    ):
        """A calendar from the text settings an editor keeps (see ``calendar_settings``)."""
        return cls(
            holidays=parse_holidays(holidays),
            weekdays=weekdays,
            office_hours=parse_office_hours(office_hours),
            cutoff=parse_time(cutoff),
        )

    # Days

    def is_working_day(self, day):
        day = _as_date(day)
        return day.weekday() in self.weekdays and day not in self.holidays

    def next_working_day(self, day):
        """The first working day strictly after ``day``."""
        day = _as_date(day) + timedelta(days=1)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def closing(self, day):
        """End of office hours on ``day``: the moment a day-based deadline falls."""
        return storable(datetime.combine(day, self.office_hours[-1][1], portal_timezone()))

    def _intervals(self, day, zone):
        for start, end in self.office_hours:
            yield datetime.combine(day, start, zone), datetime.combine(day, end, zone)

    # Deadlines

    def due_date(self, received, amount, unit="working_days"):
        """When a dossier received at ``received`` is due; None while the time is unknown.

        ``amount`` and ``unit`` come from a procedure's channel (``time``, ``time_unit``).
        A fraction of a working day counts as that share of a day's office hours.
        """
        if not amount:
            return None
        if amount < 0:
            raise ValueError(f"negative processing time {amount!r}")
        received = as_local(received)
        if unit == "working_hours":
            return self.add_working_seconds(received, amount * 3600)
        if unit == "days":
            return self.closing(received.date() + timedelta(days=math.ceil(amount)))
        if unit != "working_days":
            raise ValueError(f"unknown time unit {unit!r}, expected one of {UNITS}")
        whole, fraction = divmod(amount, 1)
        due = received
        if whole:
            day = received.date()
            if not (self.is_working_day(day) and received.time() < self.cutoff):
                day = self.next_working_day(day)
            for _ in range(int(whole) - 1):
                day = self.next_working_day(day)
            due = self.closing(day)
        if fraction:
            due = self.add_working_seconds(due, fraction * self.seconds_per_day)
        return due

    def acknowledgement_due(self, received):
        """By when an online dossier must be acknowledged (accepted or returned)."""
        return self.add_working_seconds(received, ACKNOWLEDGEMENT_HOURS * 3600)

    def online_due_date(self, received, amount, unit="working_days"):
        """When the result of an online dossier is due; None while the time is unknown.

        Processing time runs from the moment the agency accepts the dossier as complete,
        and an online dossier is accepted at the latest when its acknowledgement is due
        (8 working hours after it arrives). So the time counts from that moment: the
        result date promised at submission is never before the agency must have checked
        the dossier (a same-day procedure submitted at 09:00 is due the next working day
        at 17:00, not at 17:00 today while the check may run until tomorrow 09:00).
        """
        if not amount:
            return None
        return self.due_date(self.acknowledgement_due(received), amount, unit)

    @property
    def seconds_per_day(self):
        """Working seconds in a full working day (8 hours by default)."""
        return sum(
            (datetime.combine(date.min, end) - datetime.combine(date.min, start)).total_seconds()
            for start, end in self.office_hours
        )

    # Working time

    def add_working_seconds(self, moment, seconds):
        """``moment`` plus ``seconds`` of office time; a full interval ends at its close.

        Steps a day at a time, so long spans stay cheap.
        """
        if seconds < 0:
            raise ValueError("cannot add negative working time")
        moment = as_local(moment)
        if not seconds:
            return storable(moment)
        remaining = timedelta(seconds=seconds)
        day = moment.date()
        while True:
            if self.is_working_day(day):
                for start, end in self._intervals(day, moment.tzinfo):
                    start = max(start, moment)
                    if start >= end:
                        continue
                    if remaining <= end - start:
                        return storable(start + remaining)
                    remaining -= end - start
            day += timedelta(days=1)

    def working_seconds_between(self, start, end):
        """Office time from ``start`` to ``end`` in seconds (negative if ``end`` is earlier)."""
        start, end = as_local(start), as_local(end)
        if end < start:
            return -self.working_seconds_between(end, start)
        total = timedelta()
        day = start.date()
        while day <= end.date():
            if self.is_working_day(day):
                for opens, closes in self._intervals(day, start.tzinfo):
                    overlap = min(closes, end) - max(opens, start)
                    if overlap > timedelta():
                        total += overlap
            day += timedelta(days=1)
        return total.total_seconds()

    def extend_for_pause(self, due, paused_from, paused_to):
        """``due`` pushed by the office time the dossier waited for the citizen's supplement."""
        if due is None:
            return None
        paused = self.working_seconds_between(paused_from, paused_to)
        if paused < 0:
            raise ValueError("the pause ends before it starts")
        return self.add_working_seconds(due, paused)

    def deadline_flag(self, due, now, soon_hours=8):
        """One of "overdue", "due_soon" (``soon_hours`` office hours or less left), "on_time".

        None when the due date is unknown.
        """
        if due is None:
            return None
        due, now = as_local(due), as_local(now)
        if now > due:
            return "overdue"
        if self.working_seconds_between(now, due) <= soon_hours * 3600:
            return "due_soon"
        return "on_time"


def deadline_flag(due, now, soon_hours=8, calendar=None):
    """Flag of a deadline; pass the site's calendar, else holidays are not known."""
    return (calendar or WorkingCalendar()).deadline_flag(due, now, soon_hours)


@lru_cache(maxsize=8)
def _calendar(holidays, weekdays, office_hours, cutoff):
    return WorkingCalendar.from_settings(holidays, weekdays, office_hours, cutoff)


def calendar_from_registry():
    """The site's calendar from the ``dichvucong.calendar.*`` records (control panel).

    Missing records fall back to the defaults, with no holidays. Parsing is cached on the
    records' values, so worklists can call this for every row.
    """

    def record(name, default):
        value = api.portal.get_registry_record(f"{REGISTRY_PREFIX}.{name}", default=None)
        return default if value is None else value

    return _calendar(
        tuple(record("holidays", ())),
        tuple(record("working_weekdays", DEFAULT_WEEKDAYS)),
        tuple(record("office_hours", DEFAULT_OFFICE_HOURS)),
        record("cutoff", DEFAULT_CUTOFF),
    )
