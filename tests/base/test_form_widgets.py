"""The widgets of our forms that carry rules of their own: a day typed as dd/mm/yyyy."""

from datetime import date
from dichvucong.base.forms.widgets import parse_date
import pytest


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("05/01/2031", date(2031, 1, 5)),
        ("5/1/2031", date(2031, 1, 5)),
        (" 15/01/2031 ", date(2031, 1, 15)),
        ("2031-01-15", date(2031, 1, 15)),  # what a date input sends
        ("31/02/2030", None),
        ("15-01-2031", None),
        ("01/15/2031", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(text, day):
    assert parse_date(text) == day
