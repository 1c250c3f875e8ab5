"""Links and paragraphs built from editors' data."""

from dichvucong.base.links import safe_url
from dichvucong.base.links import tel_href
from dichvucong.base.text import paragraphs


def test_safe_url_keeps_web_addresses_and_site_paths():
    assert safe_url(" https://dichvucong.gov.vn/a?b=1 ") == "https://dichvucong.gov.vn/a?b=1"
    assert safe_url("http://example.org") == "http://example.org"
    assert safe_url("/thu-tuc-hanh-chinh") == "/thu-tuc-hanh-chinh"


def test_safe_url_refuses_other_schemes_and_tricks():
    for url in (
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,x",
        "//evil.example/",
        "https:///no-host",
        "/\\evil.example",
        "java\nscript:alert(1)",
        "",
        None,
    ):
        assert safe_url(url) is None, url


def test_tel_href_takes_the_first_number():
    assert tel_href("024 3.123 4567") == "tel:02431234567"
    assert tel_href("+84 24 3123 4567; 0912 345 678") == "tel:+842431234567"
    assert tel_href("12") is None
    assert tel_href("") is None
    assert tel_href(None) is None


def test_paragraphs_are_the_non_empty_lines():
    assert paragraphs(" Một \n\n  Hai  \n") == ["Một", "Hai"]
    assert paragraphs(None) == []
