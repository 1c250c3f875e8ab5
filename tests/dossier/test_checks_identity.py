"""The personal ID number (12 digits) and the old CMND number (9 digits):
dossier/checks/identity.py."""

from datetime import date
from dichvucong.dossier.checks import identity
from dichvucong.dossier.checks.identity import id_number_problem
from dichvucong.dossier.checks.identity import old_id_number_problem
import pytest


TODAY = date(2026, 12, 2)


def msgid(message):
    """The English msgid of a message (None stays None)."""
    return None if message is None else str(message)


@pytest.mark.parametrize(
    "number, born, sex",
    [
        ("001190012345", date(1990, 5, 1), "Nữ"),  # Hà Nội, a woman of 1990
        ("079085000001", date(1985, 1, 1), "Nam"),  # Hồ Chí Minh, a man of 1985
        ("096200000001", date(2000, 1, 1), "Nam"),  # 2000 is of the 21st century's digits
        ("001199000001", date(1999, 12, 31), "Nữ"),  # the last year of the 1900s digits
        ("001200000001", date(2000, 1, 1), "Nam"),  # the first year of the 2000s digits
        ("001000000001", date(1900, 1, 1), "Nam"),  # 1900
        ("001304000001", date(2004, 2, 29), "Nữ"),  # a leap day
        ("001326000001", date(2026, 12, 2), "Nữ"),  # born today
        ("001190012345", None, None),  # nothing to compare with
        (" 001190012345 ", None, None),  # spaces around are ignored
        ("001190012345", date(1990, 5, 1), "khác"),  # a sex value the ID does not code
    ],
)
def test_good_numbers(number, born, sex):
    assert id_number_problem(number, birth_date=born, sex=sex, today=TODAY) is None


@pytest.mark.parametrize(
    "number",
    ["", "12345", "0011900123456", "00119001234", "00119001234a", "001 190 012 345", None, 1234],
)
def test_twelve_digits(number):
    assert id_number_problem(number, today=TODAY) == identity.TWELVE


@pytest.mark.parametrize("code", ["000", "003", "097", "099", "100", "999"])
def test_unknown_province(code):
    message = id_number_problem(f"{code}190012345", today=TODAY)
    assert msgid(message).startswith("The first 3 digits")
    assert message.mapping == {"code": code}


def test_every_province_code_of_the_circular():
    """The 63 codes, from 001 Hà Nội to 096 Cà Mau."""
    assert len(identity.PROVINCES) == 63
    assert min(identity.PROVINCES) == "001" and max(identity.PROVINCES) == "096"
    for code in identity.PROVINCES:
        assert id_number_problem(f"{code}190012345", today=TODAY) is None


@pytest.mark.parametrize(
    "number, year",
    [("001227000001", 2027), ("001350000001", 2050), ("001400000001", 2100)],
)
def test_birth_year_still_to_come(number, year):
    message = id_number_problem(number, today=TODAY)
    assert "a year still to come" in msgid(message)
    assert message.mapping == {"year": year}


@pytest.mark.parametrize(
    "number, born, century, first, last",
    [
        ("001005000001", date(2005, 5, 5), 20, 1900, 1999),  # the brief's example
        ("001199000001", date(2099, 1, 1), 20, 1900, 1999),
        ("001200000001", date(1999, 12, 31), 21, 2000, 2099),  # 1999/2000 boundary
        ("001100000001", date(2000, 1, 1), 20, 1900, 1999),
        ("001099000001", date(2000, 1, 1), 20, 1900, 1999),
    ],
)
def test_century_disagrees_with_the_birth_date(number, born, century, first, last):
    message = id_number_problem(number, birth_date=born, today=TODAY)
    assert "was born between" in msgid(message)
    assert message.mapping == {"century": century, "first": first, "last": last, "year": born.year}


@pytest.mark.parametrize(
    "number, born, id_year",
    [("001191000001", date(1990, 1, 1), 1991), ("001203000001", date(2004, 2, 29), 2003)],
)
def test_year_digits_disagree_with_the_birth_date(number, born, id_year):
    message = id_number_problem(number, birth_date=born, today=TODAY)
    assert "was born in ${id_year}, but" in msgid(message)
    assert message.mapping == {"id_year": id_year, "year": born.year}


@pytest.mark.parametrize(
    "number, sex, woman",
    [
        ("001090000001", "Nữ", False),  # digit 0: a man of the 1900s
        ("001190000001", "Nam", True),  # digit 1: a woman of the 1900s
        ("001210000001", "Nữ", False),  # digit 2: a man of the 2000s
        ("001310000001", "Nam", True),  # digit 3: a woman of the 2000s
    ],
)
def test_sex_digit_disagrees_with_the_sex(number, sex, woman):
    message = id_number_problem(number, sex=sex, today=TODAY)
    assert ("that of a woman" if woman else "that of a man") in msgid(message)
    assert message.mapping == {"sex": sex}


def test_sex_written_decomposed_is_the_same_value():
    """Nữ typed with combining marks (some keyboards) is still Nữ."""
    decomposed = "Nu\u031b\u0303"
    assert decomposed != "Nữ"
    assert id_number_problem("001190000001", sex=decomposed, today=TODAY) is None
    assert id_number_problem("001090000001", sex=decomposed, today=TODAY) is not None


@pytest.mark.parametrize("number", ["012345678", "123456789", " 012345678 "])
def test_old_id_number_good(number):
    assert old_id_number_problem(number) is None


@pytest.mark.parametrize("number", ["", "12345678", "0123456789", "01234567a", "001190012345"])
def test_old_id_number_bad(number):
    assert old_id_number_problem(number) == identity.NINE
