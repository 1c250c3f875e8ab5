"""The gzip filter in front of Zope (egg:dichvucong#gzip_text): text compressed for
clients that accept it, everything else untouched, caches told to vary."""

from dichvucong.base.compression import accepts_gzip
from dichvucong.base.compression import filter_app_factory
from paste.deploy import loadfilter
import gzip
import pytest


BODY = b"<html>" + "Thủ tục hành chính ".encode() * 200 + b"</html>"


def app_serving(content_type, body=BODY, headers=()):
    def app(environ, start_response):
        start_response(
            "200 OK",
            [("Content-Type", content_type), ("Content-Length", str(len(body))), *headers],
        )
        return [body[:100], body[100:]]

    return app


def call(app, accept="gzip, deflate", method="GET"):
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = status, dict(headers)

    environ = {"REQUEST_METHOD": method, "HTTP_ACCEPT_ENCODING": accept}
    body = b"".join(filter_app_factory(app)(environ, start_response))
    return seen["headers"], body


@pytest.mark.parametrize(
    "content_type",
    ["text/html; charset=utf-8", "text/css", "application/javascript", "application/json"],
)
def test_text_is_compressed(content_type):
    headers, body = call(app_serving(content_type))
    assert headers["Content-Encoding"] == "gzip"
    assert "Content-Length" not in headers
    assert headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(body) == BODY
    assert len(body) < len(BODY) / 5


@pytest.mark.parametrize("content_type", ["image/png", "font/woff2", "application/pdf"])
def test_other_files_pass_untouched(content_type):
    headers, body = call(app_serving(content_type))
    assert "Content-Encoding" not in headers
    assert body == BODY


def test_clients_without_gzip_get_plain_text_and_caches_vary():
    for accept in ("", "identity", "gzip;q=0, deflate"):
        headers, body = call(app_serving("text/html"), accept=accept)
        assert "Content-Encoding" not in headers
        assert headers["Vary"] == "Accept-Encoding"
        assert body == BODY


def test_already_encoded_and_tiny_responses_are_left_alone():
    headers, body = call(app_serving("text/css", headers=[("Content-Encoding", "br")]))
    assert headers["Content-Encoding"] == "br" and body == BODY
    headers, body = call(app_serving("text/css", body=b"a{}"))
    assert "Content-Encoding" not in headers and body == b"a{}"


def test_strong_etag_becomes_weak_and_vary_is_merged():
    app = app_serving("text/html", headers=[("ETag", '"abc"'), ("Vary", "Cookie")])
    headers, _ = call(app)
    assert headers["ETag"] == 'W/"abc"'
    assert headers["Vary"] == "Cookie, Accept-Encoding"


def test_accept_encoding_qualities():
    assert accepts_gzip("gzip, deflate, br")
    assert accepts_gzip("*")
    assert accepts_gzip("deflate, gzip;q=0.5")
    assert not accepts_gzip("gzip;q=0")
    assert not accepts_gzip("deflate")
    assert not accepts_gzip(None)


def test_the_pipeline_finds_the_filter_by_its_name():
    """zope.ini says `use = egg:dichvucong#gzip_text`."""
    wrapped = loadfilter("egg:dichvucong#gzip_text")(app_serving("text/html"))
    environ = {"REQUEST_METHOD": "GET", "HTTP_ACCEPT_ENCODING": "gzip"}
    body = b"".join(wrapped(environ, lambda status, headers, exc_info=None: None))
    assert gzip.decompress(body) == BODY
