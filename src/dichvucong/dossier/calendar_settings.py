"""Registry settings of the working calendar that dossier deadlines count in.

Records ``dichvucong.calendar.*`` (profiles/default/registry/dossier_calendar.xml ships the
public holidays, with Vietnamese labels, as the default of ``holidays``).
"""

from dichvucong import _
from dichvucong.dossier.deadlines import MAX_HOLIDAY_RANGE_DAYS
from dichvucong.dossier.deadlines import HolidayLineError
from dichvucong.dossier.deadlines import WorkingCalendar
from dichvucong.dossier.deadlines import parse_holidays
from dichvucong.dossier.deadlines import parse_office_hours
from dichvucong.dossier.deadlines import parse_time
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid


HOLIDAY_ERRORS = {
    "format": _(
        "Line ${number} is not a holiday: ${line}. Write YYYY-MM-DD label, or "
        "YYYY-MM-DD..YYYY-MM-DD label for a range."
    ),
    "date": _("Line ${number} has a date that does not exist: ${line}."),
    "order": _("Line ${number} is a range that ends before it starts: ${line}."),
    "length": _("Line ${number} is a range longer than ${days} days: ${line}."),
}


def valid_holidays(lines):
    """Form check: every line reads, else say which one, in the editor's language."""
    try:
        parse_holidays(lines)
    except HolidayLineError as error:
        mapping = {"number": error.number, "line": error.line, "days": MAX_HOLIDAY_RANGE_DAYS}
        raise Invalid(_(HOLIDAY_ERRORS[error.kind], mapping=mapping)) from None
    return True


def valid_weekdays(numbers):
    if not all(0 <= number <= 6 for number in numbers):
        raise Invalid(_("Write working weekdays as numbers from 0 (Monday) to 6 (Sunday)."))
    return True


def valid_office_hours(lines):
    try:
        WorkingCalendar(office_hours=parse_office_hours(lines))
    except ValueError:
        raise Invalid(
            _("Write office hours like 08:00-12:00, one interval per line, without overlaps.")
        ) from None
    return True


def valid_cutoff(text):
    try:
        parse_time(text)
    except ValueError:
        raise Invalid(_("Write the cut-off time like 15:00.")) from None
    return True


class IDossierCalendarSettings(Interface):
    """Office hours, working weekdays, cut-off and public holidays of the one-stop shop."""

    holidays = schema.List(
        title=_("Public holidays"),
        description=_(
            "One per line: YYYY-MM-DD label, or YYYY-MM-DD..YYYY-MM-DD label for a range "
            "(both days included). Lines starting with # are notes. Check the Prime "
            "Minister's notice every year."
        ),
        value_type=schema.TextLine(),
        required=False,
        default=[],
        constraint=valid_holidays,
    )
    working_weekdays = schema.List(
        title=_("Working weekdays"),
        description=_("One number per line: 0 = Monday, 1 = Tuesday, ... 6 = Sunday."),
        value_type=schema.Int(min=0, max=6),
        required=True,
        min_length=1,
        default=[0, 1, 2, 3, 4],
        constraint=valid_weekdays,
    )
    office_hours = schema.List(
        title=_("Office hours"),
        description=_(
            "One interval per line, like 08:00-12:00. Day-based deadlines fall at the end "
            "of the last interval."
        ),
        value_type=schema.TextLine(),
        required=True,
        min_length=1,
        default=["08:00-12:00", "13:00-17:00"],
        constraint=valid_office_hours,
    )
    cutoff = schema.TextLine(
        title=_("Cut-off time"),
        description=_(
            "Dossiers received at or after this time (like 15:00) count from the next working day."
        ),
        required=True,
        default="15:00",
        constraint=valid_cutoff,
    )
