"""Dates of a life that make sense: births, deaths, the ages to marry.

Ages are counted as the Law on Marriage and Family 2014 counts them (Article 8; joint
circular 01/2016/TTLT-TANDTC-VKSNDTC-BTP, Article 2): a man may marry from his 20th
birthday, a woman from her 18th. Someone born on 29 February has the birthday on
1 March in other years (28 February is still the day before it).
"""

from datetime import date
from datetime import datetime
from dichvucong import _
from zope.i18nmessageid import Message


EARLIEST_BIRTH_YEAR = 1900
HUSBAND_AGE, WIFE_AGE = 20, 18

IN_THE_FUTURE = _("This date is in the future: please check the day, month and year.")
BEFORE_1900 = _("This date of birth is before 1900: please check the year.")
DEATH_BEFORE_BIRTH = _(
    "The date of death is before the date of birth (${birth}): please check both dates."
)
HUSBAND_TOO_YOUNG = _(
    "The husband must be at least 20 years old on the day the dossier is sent (Law on "
    "Marriage and Family, Article 8). With this date of birth he is 20 on ${day}: please "
    "check the date or send the dossier from that day."
)
WIFE_TOO_YOUNG = _(
    "The wife must be at least 18 years old on the day the dossier is sent (Law on "
    "Marriage and Family, Article 8). With this date of birth she is 18 on ${day}: please "
    "check the date or send the dossier from that day."
)


def as_date(value):
    """A date answer as a date (a datetime's date); None for anything else."""
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def dmy(day):
    return day.strftime("%d/%m/%Y")


def birthday(born, age):
    """The day someone born on ``born`` is ``age`` years old (29/02 -> 01/03)."""
    try:
        return born.replace(year=born.year + age)
    except ValueError:  # 29 February, in a year that has none
        return date(born.year + age, 3, 1)


def not_in_the_future(day, today):
    if day is not None and day > today:
        return IN_THE_FUTURE
    return None


def birth_date_problem(born, today):
    """A date of birth: not after today, not before 1900."""
    if born is None:
        return None
    if born > today:
        return IN_THE_FUTURE
    if born.year < EARLIEST_BIRTH_YEAR:
        return BEFORE_1900
    return None


def death_date_problem(died, today, born=None):
    """A date of death: not after today, not before the birth."""
    if died is None:
        return None
    if died > today:
        return IN_THE_FUTURE
    if born is not None and died < born:
        return Message(DEATH_BEFORE_BIRTH, mapping={"birth": dmy(born)})
    return None


def marriage_age_problem(born, age, today, message):
    """``message`` (with the day the age is reached) when someone born on ``born`` is
    younger than ``age`` on ``today``; None otherwise."""
    if born is None or born > today:
        return None  # no date, or a future one (its own message)
    day = birthday(born, age)
    if day > today:
        return Message(message, mapping={"day": dmy(day)})
    return None


def husband_age_problem(born, today):
    return marriage_age_problem(born, HUSBAND_AGE, today, HUSBAND_TOO_YOUNG)


def wife_age_problem(born, today):
    return marriage_age_problem(born, WIFE_AGE, today, WIFE_TOO_YOUNG)
