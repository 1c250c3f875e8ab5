"""Dates and times as people read them: the portal's time zone, Plone's formats in the
page's language (vi, en), and what stays storable."""

from DateTime import DateTime
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from datetime import timezone
from dichvucong.base.dates import ICT
from dichvucong.base.dates import format_date
from dichvucong.base.dates import format_datetime
from dichvucong.base.dates import format_time
from dichvucong.base.dates import isoformat
from dichvucong.base.dates import portal_time
from dichvucong.base.dates import portal_timezone
from dichvucong.base.dates import storable
from plone import api
from plone.registry.record import Record
from tests.base.conftest import in_language
from zodbpickle.pickle import PicklingError
from zoneinfo import ZoneInfo
import pytest
import transaction
import ZODB


# 02/12/2026 10:05 in Hanoi.
MOMENT = datetime(2026, 12, 2, 3, 5, tzinfo=UTC)
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


# Without a site (scripts, pure-Python tests): Hanoi time, Plone's Vietnamese formats


def test_no_site_means_hanoi_time_and_vietnamese_formats():
    assert portal_timezone().key == "Asia/Ho_Chi_Minh"
    assert format_date(MOMENT) == "02/12/2026"
    assert format_datetime(MOMENT) == "02/12/2026 10:05"
    assert format_time(MOMENT) == "10:05"


def test_nothing_to_show():
    for show in (format_date, format_datetime, format_time):
        assert show(None) == ""
        assert show("") == ""
        assert show("   ") == ""


def test_naive_datetimes_are_portal_time_aware_ones_are_converted():
    assert format_datetime(datetime(2026, 12, 2, 10, 5)) == "02/12/2026 10:05"
    assert format_datetime(datetime(2026, 12, 2, 12, 5, tzinfo=ZoneInfo("Asia/Tokyo"))) == (
        "02/12/2026 10:05"
    )
    # Late evening in UTC is already the next day in Hanoi.
    assert format_date(datetime(2026, 12, 1, 20, 0, tzinfo=UTC)) == "02/12/2026"


def test_dates_times_and_zope_datetimes():
    assert format_date(date(2026, 12, 2)) == "02/12/2026"
    # A day has no time of day: shown as a date.
    assert format_datetime(date(2026, 12, 2)) == "02/12/2026"
    assert format_time(time(9, 5)) == "09:05"
    assert format_datetime(DateTime("2026/12/02 03:05:00 UTC")) == "02/12/2026 10:05"
    assert format_date(DateTime("2026/12/01 23:00:00 GMT+7")) == "01/12/2026"


def test_iso_text_is_shown_other_text_as_written():
    assert format_date("2026-12-02") == "02/12/2026"
    assert format_date(" 2026-12-02 ") == "02/12/2026"
    assert format_datetime("2026-12-02T03:05:00+00:00") == "02/12/2026 10:05"
    assert format_datetime("2026-12-02T10:05") == "02/12/2026 10:05"
    # Editors' text (catalogue data) is kept as they wrote it.
    assert format_date("Quý IV/2026") == "Quý IV/2026"
    assert format_date("2026-13-45") == "2026-13-45"
    assert format_date("02/12/2026") == "02/12/2026"


def test_target_language_without_a_site_keeps_the_vietnamese_formats():
    # No site: no registry and no plonelocales catalogue to ask.
    assert format_datetime(MOMENT, target_language="en") == "02/12/2026 10:05"


def test_isoformat_in_portal_time():
    assert isoformat(MOMENT) == "2026-12-02T10:05:00+07:00"
    assert isoformat(MOMENT, "minutes") == "2026-12-02T10:05+07:00"
    assert isoformat(datetime(2026, 12, 2, 10, 5)) == "2026-12-02T10:05:00+07:00"
    assert isoformat(date(2026, 12, 2)) == "2026-12-02"
    assert isoformat(None) is None


def test_portal_time():
    assert portal_time(MOMENT) == MOMENT
    assert portal_time(MOMENT).tzinfo is portal_timezone()
    assert portal_time(datetime(2026, 12, 2, 10, 5)) == MOMENT
    assert portal_time(DateTime("2026/12/02 03:05:00 UTC")) == MOMENT
    assert portal_time(date(2026, 12, 2)) == date(2026, 12, 2)
    assert portal_time(None) is None


def test_storable_has_a_fixed_offset():
    """What persistent objects keep: a datetime.timezone offset, never a ZoneInfo."""
    moment = datetime(2026, 12, 2, 10, 5, tzinfo=HANOI)
    stored = storable(moment)
    assert stored == moment
    assert stored.tzinfo is ICT
    assert f"{stored:%H:%M}" == "10:05"
    tokyo = storable(datetime(2026, 12, 2, 12, 5, tzinfo=ZoneInfo("Asia/Tokyo")))
    assert tokyo.tzinfo == timezone(timedelta(hours=9))
    assert tokyo == MOMENT
    assert storable(None) is None
    assert storable(datetime(2026, 12, 2)) == datetime(2026, 12, 2)


def test_storable_datetimes_go_into_the_zodb():
    db = ZODB.DB(None)
    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    try:
        connection.root()["when"] = datetime(2026, 12, 2, 10, 5, tzinfo=HANOI)
        with pytest.raises(PicklingError):
            manager.commit()  # why we store fixed offsets
        manager.abort()
        connection.root()["when"] = storable(datetime(2026, 12, 2, 10, 5, tzinfo=HANOI))
        manager.commit()
        assert connection.root()["when"] == MOMENT
    finally:
        manager.abort()
        connection.close()
        db.close()


# In a site: the registry's time zone, the page's language


def test_vietnamese_page(integration, request_):
    request = in_language(integration["portal"], request_, "vi")
    assert format_date(MOMENT, request) == "02/12/2026"
    assert format_datetime(MOMENT, request) == "02/12/2026 10:05"
    assert format_time(MOMENT, request) == "10:05"
    assert format_date("2026-12-02", request) == "02/12/2026"


def test_english_page(integration, request_):
    request = in_language(integration["portal"], request_, "en")
    assert format_date(MOMENT, request) == "Dec 02, 2026"
    assert format_datetime(MOMENT, request) == "Dec 02, 2026 10:05 AM"
    assert format_time(MOMENT, request) == "10:05 AM"
    assert format_datetime(datetime(2026, 12, 2, 15, 30), request) == "Dec 02, 2026 03:30 PM"
    # The request is found when not passed (zope.globalrequest).
    assert format_date(MOMENT) == "Dec 02, 2026"
    # Editors' text stays as written in any language.
    assert format_date("Quý IV/2026", request) == "Quý IV/2026"


def test_target_language_wins_over_the_page(integration, request_):
    """Slips and messages to the applicant are Vietnamese whatever the page's language."""
    request = in_language(integration["portal"], request_, "en")
    assert format_datetime(MOMENT, request, target_language="vi") == "02/12/2026 10:05"


def test_site_time_zone_from_the_registry(integration, request_):
    request = in_language(integration["portal"], request_, "vi")
    assert api.portal.get_registry_record("plone.portal_timezone") == "Asia/Ho_Chi_Minh"
    api.portal.set_registry_record("plone.portal_timezone", "Asia/Tokyo")
    assert portal_timezone().key == "Asia/Tokyo"
    assert format_datetime(MOMENT, request) == "02/12/2026 12:05"
    assert format_datetime(datetime(2026, 12, 2, 12, 5), request) == "02/12/2026 12:05"
    assert isoformat(MOMENT) == "2026-12-02T12:05:00+09:00"
    assert storable(portal_time(MOMENT)).utcoffset() == timedelta(hours=9)


def test_unknown_time_zone_falls_back_to_hanoi(integration):
    records = api.portal.get_tool("portal_registry").records
    field = records["plone.portal_timezone"].field
    # Not one of the field's choices: as an old or hand-edited database could hold.
    records["plone.portal_timezone"] = Record(field, "Mars/Olympus_Mons", _validate=False)
    assert portal_timezone().key == "Asia/Ho_Chi_Minh"
