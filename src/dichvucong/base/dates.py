"""Dates and times as people read them, in the portal's time zone.

One time-zone policy: the portal's zone is the registry record ``plone.portal_timezone``
(Asia/Ho_Chi_Minh when there is no site, e.g. in scripts). A naive datetime in our data
means portal time; an aware one is converted. Whatever is stored on persistent objects
keeps a fixed UTC offset (``storable``): the ZODB cannot pickle ``ZoneInfo``.

One way to show them: Plone's localized formats (``date_format_short``,
``date_format_long`` and ``time_format`` of the ``plonelocales`` domain, through
``ulocalized_time``) in the request's negotiated language, or in ``target_language``
where a text has a fixed language (slips, messages to the applicant). Vietnamese:
02/12/2026, 02/12/2026 10:05, 10:05; English: Dec 02, 2026, Dec 02, 2026 10:05 AM.

Machine formats (``isoformat`` for ``<time datetime>``) use the same zone.
"""

from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from datetime import timezone
from DateTime.interfaces import IDateTime
from dichvucong.base.language import current_language
from functools import lru_cache
from plone.base.i18nl10n import ulocalized_time
from plone.registry.interfaces import IRegistry
from zoneinfo import ZoneInfo
from zoneinfo import ZoneInfoNotFoundError
from zope.component import queryUtility
from zope.globalrequest import getRequest
from zope.interface import implementer
import re


TIMEZONE_RECORD = "plone.portal_timezone"
DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
# Vietnam's UTC+7 as a fixed offset, under the name the stored dossier times carry.
# Vietnam has had no daylight saving time since 1975.
ICT = timezone(timedelta(hours=7), "ICT")

SHORT, LONG, TIME = "date_format_short", "date_format_long", "time_format"
# Plone's Vietnamese formats (plone.app.locales), for when there is no site to ask
# (scripts, pure-Python tests): ulocalized_time needs the site's registry.
FALLBACK_FORMATS = {
    SHORT: "${d}/${m}/${Y}",
    LONG: "${d}/${m}/${Y} ${H}:${M}",
    TIME: "${H}:${M}",
}

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


# The time zone


@lru_cache(maxsize=16)
def _zone(name):
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIMEZONE)


def portal_timezone():
    """The portal's time zone (``plone.portal_timezone``) as a tzinfo; Asia/Ho_Chi_Minh
    without a site, or when the record is empty or names no known zone."""
    registry = queryUtility(IRegistry)
    name = registry.get(TIMEZONE_RECORD) if registry is not None else None
    return _zone(name or DEFAULT_TIMEZONE)


def portal_time(value):
    """A datetime or Zope DateTime as an aware datetime in the portal's zone (a naive
    datetime is portal time already); anything else (a date, None) as it is."""
    if IDateTime.providedBy(value):
        value = value.asdatetime()
    if isinstance(value, datetime):
        zone = portal_timezone()
        return value.replace(tzinfo=zone) if value.tzinfo is None else value.astimezone(zone)
    return value


def portal_now():
    """Now, in the portal's zone."""
    return datetime.now(portal_timezone())


@lru_cache(maxsize=32)
def fixed_zone(offset):
    """A tzinfo for a UTC offset that the ZODB can pickle (ICT for UTC+7)."""
    return ICT if offset == ICT.utcoffset(None) else timezone(offset)


def storable(moment):
    """An aware datetime with a fixed-offset tzinfo: the same instant and wall-clock
    time, safe to store on a persistent object. None and naive values as they are."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.replace(tzinfo=fixed_zone(moment.utcoffset()))


# Showing dates and times


@implementer(IDateTime)
class _WallClock:
    """The one part of a Zope DateTime that ``ulocalized_time`` formats with
    (``strftime``), over a value already in the portal's zone: ``DateTime.strftime``
    itself would show the time in the server's zone."""

    def __init__(self, value):
        self.value = value

    def strftime(self, format):
        return self.value.strftime(format)


class _NoRequest:
    """A context for ``ulocalized_time`` outside a request: it looks one up on it."""

    REQUEST = None


def _parse(text):
    """An ISO 8601 date or date and time in ``text``; None when it is something else."""
    text = text.strip()
    try:
        if ISO_DATE.match(text):
            return date.fromisoformat(text)
        if ISO_DATETIME.match(text):
            return datetime.fromisoformat(text)
    except ValueError:
        return None
    return None


def _localized(value, msgid, request, target_language):
    if request is None:
        request = getRequest()
    language = target_language or current_language(request)
    # An explicit format wins over the registry and the translations in ulocalized_time.
    pattern = FALLBACK_FORMATS[msgid] if queryUtility(IRegistry) is None else None
    return ulocalized_time(
        _WallClock(value),
        long_format=pattern or msgid == LONG,
        time_only=msgid == TIME,
        context=request if request is not None else _NoRequest(),
        request=request,
        target_language=language,
    )


def _show(value, msgid, request, target_language):
    """``value`` (date, time, datetime, Zope DateTime, ISO text) in the format ``msgid``;
    "" for None or empty text, text that is not ISO as written."""
    if value is None:
        return ""
    if isinstance(value, str):
        if not value.strip():
            return ""
        parsed = _parse(value)
        if parsed is None:
            return value
        value = parsed
    value = portal_time(value)
    if msgid == LONG and not isinstance(value, datetime):
        msgid = SHORT  # a day has no time of day
    return _localized(value, msgid, request, target_language)


def format_date(value, request=None, target_language=None):
    """The day of ``value``: 02/12/2026 (vi), Dec 02, 2026 (en)."""
    return _show(value, SHORT, request, target_language)


def format_datetime(value, request=None, target_language=None):
    """Day and time of ``value``: 02/12/2026 10:05 (vi), Dec 02, 2026 10:05 AM (en); a
    date without time of day as ``format_date``."""
    return _show(value, LONG, request, target_language)


def format_time(value, request=None, target_language=None):
    """The time of day of ``value`` (a time or a datetime): 10:05 (vi), 10:05 AM (en)."""
    return _show(value, TIME, request, target_language)


def isoformat(value, timespec="auto"):
    """ISO 8601 in the portal's zone, for machines (``<time datetime>``); None for None."""
    value = portal_time(value)
    if value is None:
        return None
    if isinstance(value, datetime | time):
        return value.isoformat(timespec=timespec)
    return value.isoformat()
