"""Numbers as people read them, in the page's language (vi 1.500.000 / 0,5; en
1,500,000 / 0.5)."""

from dichvucong.base.numbers import format_number
from tests.base.conftest import in_language


def test_numbers_in_both_languages():
    assert format_number(1500000, "vi") == "1.500.000"
    assert format_number(0.5, "vi") == "0,5"
    assert format_number(1500000.0, "vi") == "1.500.000"
    assert format_number(1500000, "en") == "1,500,000"
    assert format_number(0.5, "en") == "0.5"
    assert format_number(2.345, "en-us") == "2.35"
    # A language without its own separators is written as Vietnamese is.
    assert format_number(1500000, "fr") == "1.500.000"


def test_numbers_follow_the_page(integration, request_):
    request = in_language(integration["portal"], request_, "en")
    assert format_number(1500000.5, request=request) == "1,500,000.5"
    # The request is found when not passed (zope.globalrequest).
    assert format_number(0.25) == "0.25"
    request = in_language(integration["portal"], request_, "vi")
    assert format_number(1500000.5, request=request) == "1.500.000,5"


def test_numbers_without_a_site_or_language_are_vietnamese():
    assert format_number(1234.5) == "1.234,5"
