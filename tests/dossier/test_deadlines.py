"""Working-time deadlines: cut-off, weekends, holidays, hour-based times, pauses, flags.

Week used throughout (no holidays): Mon 2026-03-09 ... Fri 2026-03-13, Mon 2026-03-16.
"""

from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from dichvucong.dossier.calendar_settings import IDossierCalendarSettings
from dichvucong.dossier.deadlines import TZ
from dichvucong.dossier.deadlines import HolidayLineError
from dichvucong.dossier.deadlines import WorkingCalendar
from dichvucong.dossier.deadlines import deadline_flag
from dichvucong.dossier.deadlines import parse_holidays
from pathlib import Path
from xml.etree import ElementTree
from zope.interface import Invalid
import pytest


HOLIDAYS_2026 = [
    "# 2026, as in the shipped registry default",
    "2026-01-01 New Year",
    "2026-02-14..2026-02-22 Tet",
    "2026-04-26 Hung Kings (Sunday)",
    "2026-04-27 Hung Kings, compensatory day",
    "2026-04-30 Reunification Day",
    "2026-05-01 Labour Day",
    "2026-09-01..2026-09-02 National Day",
]
CALENDAR = WorkingCalendar.from_settings(HOLIDAYS_2026)
HOUR = 3600
REGISTRY_XML = (
    Path(__file__).resolve().parents[2]
    / "src/dichvucong/profiles/default/registry/dossier_calendar.xml"
)


def at(day, hour=0, minute=0, second=0):
    """An aware Vietnam-time datetime from an ISO day."""
    return datetime.combine(date.fromisoformat(day), time(hour, minute, second), TZ)


# Day-based times and the 15:00 cut-off


@pytest.mark.parametrize(
    ("received", "amount", "due"),
    [
        (at("2026-03-10", 14, 59, 59), 1, at("2026-03-10", 17)),
        (at("2026-03-10", 15), 1, at("2026-03-11", 17)),
        (at("2026-03-10", 14, 59), 3, at("2026-03-12", 17)),
        (at("2026-03-10", 15), 3, at("2026-03-13", 17)),
        # Early morning, lunch break: still the same day.
        (at("2026-03-10", 6, 30), 1, at("2026-03-10", 17)),
        (at("2026-03-10", 12, 30), 1, at("2026-03-10", 17)),
    ],
)
def test_cutoff_at_15(received, amount, due):
    assert CALENDAR.due_date(received, amount, "working_days") == due


def test_friday_after_cutoff_counts_from_monday():
    assert CALENDAR.due_date(at("2026-03-13", 15, 30), 1, "working_days") == at("2026-03-16", 17)
    assert CALENDAR.due_date(at("2026-03-13", 15, 30), 3, "working_days") == at("2026-03-18", 17)
    assert CALENDAR.due_date(at("2026-03-13", 10), 3, "working_days") == at("2026-03-17", 17)


@pytest.mark.parametrize("received", [at("2026-03-14", 9), at("2026-03-15", 14), at("2026-03-15")])
def test_weekend_arrival_counts_from_monday(received):
    assert CALENDAR.due_date(received, 1, "working_days") == at("2026-03-16", 17)
    assert CALENDAR.due_date(received, 2, "working_days") == at("2026-03-17", 17)


def test_tet_range_is_skipped():
    # Friday 13 February 2026 is day 1; Tet runs Saturday 14 to Sunday 22 February.
    assert CALENDAR.due_date(at("2026-02-13", 14), 3, "working_days") == at("2026-02-24", 17)
    assert CALENDAR.due_date(at("2026-02-13", 15), 3, "working_days") == at("2026-02-25", 17)
    assert CALENDAR.due_date(at("2026-02-17", 9), 1, "working_days") == at("2026-02-23", 17)


def test_hung_kings_compensatory_monday():
    assert not CALENDAR.is_working_day(date(2026, 4, 27))
    assert CALENDAR.next_working_day(date(2026, 4, 24)) == date(2026, 4, 28)
    # Friday 24 April is day 1, Monday 27 is the compensatory day off.
    assert CALENDAR.due_date(at("2026-04-24", 10), 2, "working_days") == at("2026-04-28", 17)
    assert CALENDAR.due_date(at("2026-04-27", 9), 1, "working_days") == at("2026-04-28", 17)
    # 28, 29 April, then 30 April and 1 May are holidays and 2-3 May a weekend.
    assert CALENDAR.due_date(at("2026-04-28", 9), 3, "working_days") == at("2026-05-04", 17)


def test_thirty_working_days_across_tet():
    # 2-6, 9-13 Feb, Tet, 23-27 Feb, 2-6, 9-13, 16-20 Mar: 30 working days.
    assert CALENDAR.due_date(at("2026-02-02", 9), 30, "working_days") == at("2026-03-20", 17)


def test_unknown_time_gives_no_due_date():
    assert CALENDAR.due_date(at("2026-03-10", 9), None, "working_days") is None
    assert CALENDAR.due_date(at("2026-03-10", 9), 0, "working_hours") is None


def test_bad_amount_or_unit_is_refused():
    with pytest.raises(ValueError, match="unknown time unit"):
        CALENDAR.due_date(at("2026-03-10", 9), 1, "weeks")
    with pytest.raises(ValueError, match="negative"):
        CALENDAR.due_date(at("2026-03-10", 9), -1, "working_days")


def test_half_working_day_is_half_the_office_hours():
    assert CALENDAR.due_date(at("2026-03-10", 9), 0.5, "working_days") == at("2026-03-10", 14)
    assert CALENDAR.due_date(at("2026-03-10", 9), 1.5, "working_days") == at("2026-03-11", 12)


def test_calendar_days():
    assert CALENDAR.due_date(at("2026-03-10", 16), 5, "days") == at("2026-03-15", 17)
    assert CALENDAR.due_date(at("2026-02-13", 9), 2, "days") == at("2026-02-15", 17)


# Hour-based times


def test_eight_working_hours_from_thursday_afternoon():
    # 16:00-17:00 Thursday, 08:00-12:00 and 13:00-16:00 Friday.
    assert CALENDAR.due_date(at("2026-03-12", 16), 8, "working_hours") == at("2026-03-13", 16)
    assert CALENDAR.acknowledgement_due(at("2026-03-12", 16)) == at("2026-03-13", 16)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (at("2026-03-10", 7), at("2026-03-10", 10)),
        (at("2026-03-10", 12, 30), at("2026-03-10", 15)),
        (at("2026-03-10", 11), at("2026-03-10", 14)),
        (at("2026-03-10", 18), at("2026-03-11", 10)),
        (at("2026-03-14", 9), at("2026-03-16", 10)),
        (at("2026-02-13", 16), at("2026-02-23", 9)),
    ],
)
def test_two_working_hours_count_only_office_hours(received, due):
    assert CALENDAR.due_date(received, 2, "working_hours") == due


def test_adding_time_at_closing_continues_next_working_day():
    assert CALENDAR.add_working_seconds(at("2026-03-13", 17), HOUR) == at("2026-03-16", 9)
    assert CALENDAR.add_working_seconds(at("2026-03-10", 17), 8 * HOUR) == at("2026-03-11", 17)
    # A full interval ends at its close, not at the next opening.
    assert CALENDAR.add_working_seconds(at("2026-03-10", 8), 4 * HOUR) == at("2026-03-10", 12)
    assert CALENDAR.add_working_seconds(at("2026-03-10", 17), 0) == at("2026-03-10", 17)
    with pytest.raises(ValueError):
        CALENDAR.add_working_seconds(at("2026-03-10", 17), -1)


def test_working_seconds_between():
    assert CALENDAR.working_seconds_between(at("2026-03-10", 8), at("2026-03-10", 17)) == 8 * HOUR
    assert CALENDAR.working_seconds_between(at("2026-03-13", 15), at("2026-03-16", 10)) == 4 * HOUR
    assert CALENDAR.working_seconds_between(at("2026-03-16", 10), at("2026-03-13", 15)) == -4 * HOUR
    assert CALENDAR.working_seconds_between(at("2026-03-10", 12), at("2026-03-10", 13)) == 0
    assert CALENDAR.working_seconds_between(at("2026-02-13", 8), at("2026-02-24", 8)) == 16 * HOUR


# Supplement pause


def test_pause_of_two_working_days_shifts_due_by_two_working_days():
    due = CALENDAR.due_date(at("2026-03-09", 9), 3, "working_days")
    assert due == at("2026-03-11", 17)
    assert CALENDAR.extend_for_pause(due, at("2026-03-09", 8), at("2026-03-11", 8)) == at(
        "2026-03-13", 17
    )
    # Across a weekend the shift stays two working days.
    assert CALENDAR.extend_for_pause(due, at("2026-03-12", 8), at("2026-03-16", 8)) == at(
        "2026-03-13", 17
    )
    assert CALENDAR.extend_for_pause(
        at("2026-03-13", 17), at("2026-03-09", 8), at("2026-03-11", 8)
    ) == at("2026-03-17", 17)


def test_pause_over_weekend_shifts_only_its_working_hours():
    # Friday 15:00 to Monday 10:00: two hours on Friday, two on Monday.
    due = at("2026-03-17", 17)
    paused = CALENDAR.extend_for_pause(due, at("2026-03-13", 15), at("2026-03-16", 10))
    assert paused == at("2026-03-18", 12)


def test_pause_edge_cases():
    assert CALENDAR.extend_for_pause(None, at("2026-03-13", 15), at("2026-03-16", 10)) is None
    due = at("2026-03-17", 17)
    assert CALENDAR.extend_for_pause(due, at("2026-03-14", 9), at("2026-03-15", 9)) == due
    with pytest.raises(ValueError, match="ends before"):
        CALENDAR.extend_for_pause(due, at("2026-03-16", 10), at("2026-03-13", 15))


# Flags


@pytest.mark.parametrize(
    ("now", "flag"),
    [
        (at("2026-03-11", 17, 0, 1), "overdue"),
        (at("2026-03-12", 8), "overdue"),
        (at("2026-03-11", 17), "due_soon"),
        (at("2026-03-11", 9), "due_soon"),
        (at("2026-03-10", 17), "due_soon"),  # exactly 8 working hours left
        (at("2026-03-10", 16), "on_time"),
        (at("2026-03-09", 9), "on_time"),
    ],
)
def test_deadline_flags(now, flag):
    due = at("2026-03-11", 17)
    assert CALENDAR.deadline_flag(due, now) == flag
    assert deadline_flag(due, now, calendar=CALENDAR) == flag


def test_deadline_flag_counts_working_hours_only():
    # Friday 16:00 before a Monday 17:00 due: 1 + 8 working hours left.
    assert CALENDAR.deadline_flag(at("2026-03-16", 17), at("2026-03-13", 16)) == "on_time"
    assert CALENDAR.deadline_flag(at("2026-03-16", 17), at("2026-03-13", 16), 9) == "due_soon"
    # Before Tet: the holiday week does not count as time left.
    assert CALENDAR.deadline_flag(at("2026-02-23", 17), at("2026-02-13", 16)) == "on_time"
    assert CALENDAR.deadline_flag(at("2026-02-23", 12), at("2026-02-13", 16)) == "due_soon"
    assert deadline_flag(None, at("2026-03-10", 9)) is None


# Time zones


def test_naive_input_is_vietnam_time_and_results_are_aware():
    due = CALENDAR.due_date(datetime(2026, 3, 10, 14, 59), 1, "working_days")
    assert due == at("2026-03-10", 17)
    assert due.tzinfo is TZ
    # 07:59 UTC is 14:59 in Hanoi, 08:00 UTC is 15:00.
    utc = datetime(2026, 3, 10, 7, 59, tzinfo=UTC)
    assert CALENDAR.due_date(utc, 1, "working_days") == at("2026-03-10", 17)
    assert CALENDAR.due_date(utc.replace(minute=0, hour=8), 1) == at("2026-03-11", 17)
    assert CALENDAR.add_working_seconds(datetime(2026, 3, 10, 9), HOUR).tzinfo is TZ


# Settings


def test_configurable_office_hours_weekdays_and_cutoff():
    calendar = WorkingCalendar.from_settings(
        weekdays=[0, 1, 2, 3, 4, 5],
        office_hours=["07:30-11:30", "13:30-16:30"],
        cutoff="16:00",
    )
    assert calendar.seconds_per_day == 7 * HOUR
    assert calendar.due_date(at("2026-03-13", 15, 30), 1) == at("2026-03-13", 16, 30)
    assert calendar.due_date(at("2026-03-13", 16), 2) == at("2026-03-16", 16, 30)
    assert calendar.next_working_day(date(2026, 3, 13)) == date(2026, 3, 14)
    assert calendar.add_working_seconds(at("2026-03-14", 16), HOUR) == at("2026-03-16", 8)


def test_defaults_are_eight_hours_monday_to_friday():
    calendar = WorkingCalendar()
    assert calendar.seconds_per_day == 8 * HOUR
    assert calendar.cutoff == time(15)
    assert calendar.is_working_day(date(2026, 2, 16))  # no holidays without a list
    assert not calendar.is_working_day(date(2026, 3, 14))
    assert calendar == WorkingCalendar.from_settings()


@pytest.mark.parametrize(
    "settings",
    [
        {"office_hours": ["08:00-12:00", "11:00-17:00"]},
        {"office_hours": ["12:00-08:00"]},
        {"office_hours": ["8h-12h"]},
        {"office_hours": []},
        {"weekdays": []},
        {"weekdays": [7]},
        {"cutoff": "25:00"},
    ],
)
def test_bad_settings_are_refused(settings):
    with pytest.raises(ValueError):
        WorkingCalendar.from_settings(**settings)


# Holiday lines


def test_parse_holidays_with_range_comments_and_blank_lines():
    holidays = parse_holidays(
        [
            "# 2026",
            "",
            "  2026-01-01 New Year  ",
            "2026-09-01..2026-09-02 National Day",
            "2026-04-27",
            "   # indented note",
        ]
    )
    assert holidays == {
        date(2026, 1, 1): "New Year",
        date(2026, 9, 1): "National Day",
        date(2026, 9, 2): "National Day",
        date(2026, 4, 27): "",
    }
    assert len(parse_holidays(HOLIDAYS_2026)) == 16  # Tet is 9 days
    assert parse_holidays([]) == {} == parse_holidays(None)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("1/9/2026 National Day", "format"),
        ("2026-9-2 National Day", "format"),
        ("2026-09-01.. 2026-09-02 National Day", "format"),
        ("2026-02-30 No such day", "date"),
        ("2026-02-22..2026-02-14 Tet", "order"),
        ("2026-02-14..2027-02-22 Tet", "length"),
    ],
)
def test_malformed_holiday_line_names_the_line(line, kind):
    with pytest.raises(ValueError, match=f"line 3 '{line}'") as raised:
        parse_holidays(["# 2026", "2026-01-01 New Year", line])
    assert isinstance(raised.value, HolidayLineError)
    assert (raised.value.number, raised.value.line, raised.value.kind) == (3, line, kind)


def test_shipped_holidays_parse():
    tree = ElementTree.parse(REGISTRY_XML)  # noqa: S314 (our own file)
    values = tree.find(".//value[@key='holidays']")
    holidays = parse_holidays(element.text for element in values.iter("element"))
    assert len(holidays) == 16 + 14  # Tet 2026 is 9 days, Tet 2027 7
    assert {date(2026, 2, 14), date(2026, 2, 22), date(2027, 2, 5), date(2027, 2, 11)} <= set(
        holidays
    )
    assert date(2026, 4, 27) in holidays
    assert date(2027, 4, 16) in holidays
    assert date(2027, 9, 3) in holidays


# Control panel checks (the settings' field constraints)


def test_settings_refuse_an_unreadable_holiday_line_naming_it():
    field = IDossierCalendarSettings["holidays"]
    field.validate(["# 2026", "2026-01-01 New Year"])
    with pytest.raises(Invalid) as raised:
        field.validate(["# 2026", "2026/09/02 National Day"])
    message = raised.value.args[0]
    assert message.domain == "dichvucong"
    assert message.startswith("Line ${number} is not a holiday: ${line}.")
    assert message.mapping == {"number": 2, "line": "2026/09/02 National Day", "days": 31}


@pytest.mark.parametrize(
    ("name", "good", "bad"),
    [
        ("working_weekdays", [0, 1, 2, 3, 4, 5], [0, 7]),
        ("office_hours", ["07:30-11:30", "13:30-17:00"], ["08:00-12:00", "11:00-17:00"]),
        ("cutoff", "16:00", "3pm"),
    ],
)
def test_settings_refuse_unreadable_values(name, good, bad):
    field = IDossierCalendarSettings[name]
    field.validate(good)
    field.validate(field.default)
    with pytest.raises(Invalid):
        field.validate(bad)
