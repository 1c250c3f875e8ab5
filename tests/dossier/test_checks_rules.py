"""The checks chosen by field name (dossier/checks/rules.py): which rule a field gets,
and the cross-field checks between the fields of one person."""

from datetime import date
from datetime import datetime
from dichvucong.dossier.checks import contact
from dichvucong.dossier.checks import identity
from dichvucong.dossier.checks import life_events
from dichvucong.dossier.checks import vehicles
from dichvucong.dossier.checks.rules import check
import pytest


TODAY = date(2026, 12, 2)

# A dossier every rule accepts: a death and a marriage, a vehicle, the applicant.
GOOD = {
    "applicant_name": "Nguyễn Thị Hồng Nhung",
    "applicant_id_number": "001190012345",
    "applicant_phone": "0912 345 678",
    "applicant_email": "nhung@example.org",
    "deceased_name": "Nguyễn Văn Cụ",
    "deceased_birth_date": date(1950, 3, 4),
    "deceased_sex": "Nam",
    "deceased_id_number": "001050012345",
    "deceased_old_id_number": "012345678",
    "deceased_death_date": date(2026, 11, 20),
    "husband_birth_date": date(1995, 5, 5),
    "wife_birth_date": date(1998, 6, 6),
    "vehicle_plate": "29-B1 123.45",
    "vehicle_engine_number": "JF39E1234567",
    "vehicle_frame_number": "RLHJC4500KY123456",
    "contact_phone": "+84 24 3823 4567",
    "note": "Anything at all: 12345, call me",
}


def test_good_answers_pass():
    assert check(GOOD, today=TODAY) == {}


def test_empty_answers_are_not_checked():
    """A required answer left empty is the form's business (its own message)."""
    empty = dict.fromkeys(GOOD, "") | {"deceased_birth_date": None}
    assert check(empty, today=TODAY) == {}


@pytest.mark.parametrize(
    "name, value, message",
    [
        ("applicant_id_number", "12345", identity.TWELVE),
        ("id_number", "12345", identity.TWELVE),  # a bare field name, no person
        ("deceased_old_id_number", "12345", identity.NINE),
        ("old_id_number", "12345", identity.NINE),
        ("applicant_phone", "call me", contact.PHONE),
        ("contact_phone", "0123456789", contact.PHONE),
        ("applicant_email", "nhung@", contact.EMAIL_MESSAGE),
        ("vehicle_plate", "ABC-123", vehicles.PLATE_MESSAGE),
        ("plate", "ABC-123", vehicles.PLATE_MESSAGE),
        ("vehicle_engine_number", "12", vehicles.ENGINE_MESSAGE),
        ("vehicle_frame_number", "12", vehicles.FRAME_MESSAGE),
        ("child_birth_date", date(2027, 1, 1), life_events.IN_THE_FUTURE),
        ("mother_birth_date", date(1899, 1, 1), life_events.BEFORE_1900),
        ("deceased_death_date", date(2026, 12, 3), life_events.IN_THE_FUTURE),
    ],
)
def test_each_field_gets_the_rule_its_name_says(name, value, message):
    assert check({**GOOD, name: value}, today=TODAY) == {name: message}


@pytest.mark.parametrize("name", ["note", "deceased_name", "applicant_name", "phone_kind"])
def test_other_fields_get_no_rule(name):
    assert check({**GOOD, name: "12"}, today=TODAY) == {}


def test_id_number_against_the_same_persons_birth_date():
    errors = check({**GOOD, "deceased_birth_date": date(2005, 1, 1)}, today=TODAY)
    assert set(errors) == {"deceased_id_number"}
    assert errors["deceased_id_number"].mapping["century"] == 20
    # Another person's birth date is not compared with it.
    assert check({**GOOD, "husband_birth_date": date(1950, 3, 4)}, today=TODAY) == {}


def test_id_number_against_the_same_persons_sex():
    errors = check({**GOOD, "deceased_sex": "Nữ"}, today=TODAY)
    assert set(errors) == {"deceased_id_number"}
    assert "that of a man" in str(errors["deceased_id_number"])


def test_a_spouses_id_number_against_the_side_of_the_marriage():
    """The marriage form asks no sex: Bên nữ (wife_) and Bên nam (husband_) say it."""
    spouses = {"wife_birth_date": date(1998, 6, 6), "husband_birth_date": date(1995, 5, 5)}
    good = {**spouses, "wife_id_number": "001198012345", "husband_id_number": "001095012345"}
    assert check(good, today=TODAY) == {}
    swapped = {**spouses, "wife_id_number": "001098012345", "husband_id_number": "001195012345"}
    assert set(check(swapped, today=TODAY)) == {"wife_id_number", "husband_id_number"}


def test_id_number_with_no_birth_date_or_sex_in_the_form():
    """The applicant's birth date is not asked (the State knows it): the digits alone."""
    assert check({"applicant_id_number": "001190012345"}, today=TODAY) == {}
    errors = check({"applicant_id_number": "001290012345"}, today=TODAY)  # born 2090
    assert "a year still to come" in str(errors["applicant_id_number"])


def test_death_against_the_same_persons_birth():
    errors = check({**GOOD, "deceased_death_date": date(1949, 1, 1)}, today=TODAY)
    assert errors == {"deceased_death_date": errors["deceased_death_date"]}
    assert errors["deceased_death_date"].mapping == {"birth": "04/03/1950"}


def test_datetimes_count_as_their_day():
    errors = check({**GOOD, "deceased_death_date": datetime(1949, 1, 1, 8)}, today=TODAY)
    assert set(errors) == {"deceased_death_date"}


def test_marriage_ages_when_both_spouses_are_in_the_form():
    young = {**GOOD, "husband_birth_date": date(2007, 1, 1), "wife_birth_date": date(2009, 1, 1)}
    errors = check(young, today=TODAY)
    assert set(errors) == {"husband_birth_date", "wife_birth_date"}
    assert errors["husband_birth_date"].mapping == {"day": "01/01/2027"}
    assert errors["wife_birth_date"].mapping == {"day": "01/01/2027"}
    # Only one spouse's birth date in a form: no marriage.
    alone = {"husband_birth_date": date(2007, 1, 1)}
    assert check(alone, today=TODAY) == {}


def test_a_future_spouse_birth_date_says_future():
    errors = check({**GOOD, "wife_birth_date": date(2027, 1, 1)}, today=TODAY)
    assert errors == {"wife_birth_date": life_events.IN_THE_FUTURE}


def test_values_of_other_types_are_left_to_the_form():
    """A date field holding text (REST without a form) is not a rule's business."""
    assert check({"child_birth_date": "2027-01-01", "applicant_phone": 912345678}) == {}
