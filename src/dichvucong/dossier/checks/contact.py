"""Phone numbers and email addresses.

Vietnamese numbers since the 2018 renumbering: mobiles have 10 digits, 03x, 05x,
07x, 08x, 09x; landlines 11 digits, 02x (area code) and the subscriber's number.
The citizen may write +84 (or 84) for the leading 0, and spaces, dots, hyphens or
brackets between the digits.
"""

from dichvucong import _
import re


SEPARATORS = re.compile(r"[\s.\-()]")
INTERNATIONAL = re.compile(r"^(\+|00)?84(0?)(?=\d{9,10}$)")
MOBILE = re.compile(r"^0[35789]\d{8}$")
LANDLINE = re.compile(r"^02\d{9}$")
EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>.]+$")

PHONE = _("Please enter a Vietnamese phone number such as 0912345678.")
EMAIL_MESSAGE = _("Please enter a valid email address.")


def normalize_phone(value):
    """The number as it is dialled in Vietnam (0912345678), without separators; the
    text as it is, separators removed, when it is no phone number."""
    digits = SEPARATORS.sub("", value or "")
    return INTERNATIONAL.sub("0", digits)


def phone_problem(value):
    number = normalize_phone(value)
    if MOBILE.match(number) or LANDLINE.match(number):
        return None
    return PHONE


def email_problem(value):
    if isinstance(value, str) and EMAIL.match(value.strip()):
        return None
    return EMAIL_MESSAGE
