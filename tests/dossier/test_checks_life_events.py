"""Births, deaths and the ages to marry: dossier/checks/life_events.py."""

from datetime import date
from dichvucong.dossier.checks import life_events
from dichvucong.dossier.checks.life_events import birth_date_problem
from dichvucong.dossier.checks.life_events import death_date_problem
from dichvucong.dossier.checks.life_events import husband_age_problem
from dichvucong.dossier.checks.life_events import wife_age_problem
import pytest


TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    "born, expected",
    [
        (date(1990, 5, 1), None),
        (TODAY, None),  # born today
        (date(1900, 1, 1), None),
        (date(2024, 2, 29), None),  # a leap day
        (date(2026, 12, 3), life_events.IN_THE_FUTURE),  # tomorrow
        (date(2030, 1, 1), life_events.IN_THE_FUTURE),
        (date(1899, 12, 31), life_events.BEFORE_1900),
        (date(1000, 1, 1), life_events.BEFORE_1900),
    ],
)
def test_birth_dates(born, expected):
    assert birth_date_problem(born, TODAY) == expected


@pytest.mark.parametrize(
    "died, born",
    [
        (date(2026, 11, 20), date(1950, 3, 4)),
        (TODAY, date(1950, 3, 4)),  # died today
        (date(2026, 11, 20), date(2026, 11, 20)),  # born and died the same day
        (date(2026, 11, 20), None),  # no birth date to compare with
    ],
)
def test_good_death_dates(died, born):
    assert death_date_problem(died, TODAY, born=born) is None


def test_death_in_the_future():
    assert death_date_problem(date(2026, 12, 3), TODAY) == life_events.IN_THE_FUTURE


@pytest.mark.parametrize(
    "died, born", [(date(1949, 12, 31), date(1950, 3, 4)), (date(2024, 2, 28), date(2024, 2, 29))]
)
def test_death_before_birth(died, born):
    message = death_date_problem(died, TODAY, born=born)
    assert str(message) == str(life_events.DEATH_BEFORE_BIRTH)
    assert message.mapping == {"birth": born.strftime("%d/%m/%Y")}


@pytest.mark.parametrize(
    "born, today, of_age_on",
    [
        (date(2006, 12, 2), TODAY, None),  # 20 today
        (date(2006, 12, 3), TODAY, "03/12/2026"),  # 20 tomorrow
        (date(1990, 1, 1), TODAY, None),
        (date(2010, 1, 1), TODAY, "01/01/2030"),
        # Born on a leap day: 20 on 1 March of a common year, not on 28 February.
        (date(2004, 2, 29), date(2024, 2, 28), "29/02/2024"),
        (date(2004, 2, 29), date(2024, 2, 29), None),
        (date(2008, 2, 29), date(2028, 2, 29), None),
        (date(2005, 2, 28), date(2025, 2, 28), None),
        (date(2004, 2, 29), date(2023, 3, 1), "29/02/2024"),
    ],
)
def test_husband_age(born, today, of_age_on):
    message = husband_age_problem(born, today)
    if of_age_on is None:
        assert message is None
    else:
        assert str(message) == str(life_events.HUSBAND_TOO_YOUNG)
        assert message.mapping == {"day": of_age_on}


@pytest.mark.parametrize(
    "born, today, of_age_on",
    [
        (date(2008, 12, 2), TODAY, None),  # 18 today
        (date(2008, 12, 3), TODAY, "03/12/2026"),
        (date(2008, 2, 29), date(2026, 2, 28), "01/03/2026"),  # leap day, common year
        (date(2008, 2, 29), date(2026, 3, 1), None),
        (date(2007, 6, 1), TODAY, None),  # old enough for a wife, not for a husband
    ],
)
def test_wife_age(born, today, of_age_on):
    message = wife_age_problem(born, today)
    if of_age_on is None:
        assert message is None
    else:
        assert str(message) == str(life_events.WIFE_TOO_YOUNG)
        assert message.mapping == {"day": of_age_on}


def test_a_husband_of_a_wifes_age_is_too_young():
    assert husband_age_problem(date(2007, 6, 1), TODAY) is not None


def test_a_future_birth_date_is_not_an_age_problem():
    """Its own message (birth_date_problem) says what is wrong."""
    assert wife_age_problem(date(2027, 1, 1), TODAY) is None
