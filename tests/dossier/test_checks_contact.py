"""Phone numbers and email addresses: dossier/checks/contact.py."""

from dichvucong.dossier.checks import contact
from dichvucong.dossier.checks.contact import email_problem
from dichvucong.dossier.checks.contact import normalize_phone
from dichvucong.dossier.checks.contact import phone_problem
import pytest


@pytest.mark.parametrize(
    "given, dialled",
    [
        ("0912345678", "0912345678"),  # Viettel, Vinaphone, Mobifone... 09x
        ("0352345678", "0352345678"),  # 03x (old 016x)
        ("0562345678", "0562345678"),  # 05x
        ("0702345678", "0702345678"),  # 07x
        ("0812345678", "0812345678"),  # 08x
        ("0912 345 678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("0912-345-678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("+84 0912 345 678", "0912345678"),  # the 0 kept after +84
        ("84912345678", "0912345678"),
        ("0084912345678", "0912345678"),
        ("024 3823 4567", "02438234567"),  # a Hà Nội landline
        ("(024) 3823 4567", "02438234567"),
        ("+84 24 3823 4567", "02438234567"),
    ],
)
def test_good_phones(given, dialled):
    assert phone_problem(given) is None
    assert normalize_phone(given) == dialled


@pytest.mark.parametrize(
    "given",
    [
        "call me",
        "gọi số bàn",
        "091234567",  # a digit short
        "09123456789",  # a digit too many
        "0123456789",  # 01x mobiles were renumbered in 2018
        "01234567890",
        "0412345678",  # no 04x mobiles
        "024 3823 456",  # a landline a digit short
        "+85 912 345 678",  # not Vietnam
        "+84 12 345 678",
        "1900 1234",  # a hotline, not a person's phone
        "0912345678x",
    ],
)
def test_bad_phones(given):
    assert phone_problem(given) == contact.PHONE


@pytest.mark.parametrize("given", ["a@b.vn", "nguyen.van.a@example.org", " a+b@mail.gov.vn "])
def test_good_emails(given):
    assert email_problem(given) is None


@pytest.mark.parametrize("given", ["a", "a@b", "a@b.", "a b@c.vn", "<a>@b.vn", "@b.vn", "a@@b.vn"])
def test_bad_emails(given):
    assert email_problem(given) == contact.EMAIL_MESSAGE
