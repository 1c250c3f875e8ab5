"""Gzip for the portal's text responses: a WSGI filter in front of Zope.

Plone answers pages through ``response.setBody`` but serves its bundles, theme CSS
and our static files as file iterators, which Zope's own ``enableHTTPCompression``
never sees; so compression sits in the WSGI pipeline, where every response passes:
``[filter:gzip] use = egg:dichvucong#gzip_text`` in ``zope.ini`` (instance/templates/) and
the ``pipeline`` of the functional test layer (``dichvucong.testing``).

Only text types are compressed (HTML, CSS, JavaScript, JSON, XML, SVG), streamed chunk
by chunk (nothing is buffered: a large export goes out as it is produced), and only
for clients that accept gzip. Images, fonts (woff2 is compressed already), PDFs and
other files pass untouched, as does a response that already has a
``Content-Encoding``. Every compressible response says ``Vary: Accept-Encoding`` so a
cache in front (Varnish, a browser) keeps the two versions apart, and a strong ETag
becomes weak on the compressed version (its bytes differ from the plain one's).
"""

import zlib


COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/x-javascript",
    "application/json",
    "application/ld+json",
    "application/xml",
    "application/xhtml+xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/manifest+json",
    "image/svg+xml",
)
# Below this, the gzip header and trailer cost more than they save.
MINIMUM_SIZE = 512
UNCHANGED_STATUSES = ("204", "304")


def accepts_gzip(header):
    """Whether an Accept-Encoding header allows gzip (``gzip;q=0`` refuses it)."""
    for part in (header or "").lower().split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip() not in ("gzip", "*"):
            continue
        quality = params.strip()
        if quality.startswith("q="):
            try:
                return float(quality[2:]) > 0
            except ValueError:
                return False
        return True
    return False


def header(headers, name):
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


def without(headers, name):
    return [(key, value) for key, value in headers if key.lower() != name]


def compressible(status, headers):
    """Whether a response's status and headers allow compressing its body."""
    if status.split(" ", 1)[0] in UNCHANGED_STATUSES or header(headers, "content-encoding"):
        return False
    content_type = (header(headers, "content-type") or "").lower()
    if not content_type.startswith(COMPRESSIBLE):
        return False
    length = header(headers, "content-length")
    return length is None or not length.isdigit() or int(length) >= MINIMUM_SIZE


def with_vary(headers):
    vary = header(headers, "vary")
    if vary is None:
        return [*headers, ("Vary", "Accept-Encoding")]
    if "accept-encoding" in vary.lower() or vary.strip() == "*":
        return headers
    return [*without(headers, "vary"), ("Vary", f"{vary}, Accept-Encoding")]


def gzipped_headers(headers):
    headers = without(headers, "content-length")
    etag = header(headers, "etag")
    if etag and not etag.startswith("W/"):
        headers = [*without(headers, "etag"), ("ETag", f"W/{etag}")]
    return [*headers, ("Content-Encoding", "gzip")]


class GzipResponse:
    """One response: decides at ``start_response`` and compresses what follows."""

    def __init__(self, start_response, accepts, level):
        self.start_response = start_response
        self.accepts = accepts
        self.level = level
        self.compressor = None
        self.started = False

    def begin(self, status, headers, exc_info=None):
        self.started = True
        if compressible(status, headers):
            headers = with_vary(headers)
            if self.accepts:
                headers = gzipped_headers(headers)
                # wbits 16 + MAX_WBITS: a gzip stream (header, deflate, CRC trailer).
                self.compressor = zlib.compressobj(self.level, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        write = self.start_response(status, headers, exc_info)
        if self.compressor is None:
            return write
        return lambda data: write(self.compressor.compress(data))

    def body(self, chunks):
        try:
            for chunk in chunks:
                if self.compressor is None:
                    yield chunk
                    continue
                data = self.compressor.compress(chunk)
                if data:
                    yield data
            if self.compressor is not None:
                yield self.compressor.flush()
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()


class GzipMiddleware:
    def __init__(self, app, level=6):
        self.app = app
        self.level = int(level)

    def __call__(self, environ, start_response):
        accepts = environ.get("REQUEST_METHOD") != "HEAD" and accepts_gzip(
            environ.get("HTTP_ACCEPT_ENCODING")
        )
        response = GzipResponse(start_response, accepts, self.level)
        chunks = self.app(environ, response.begin)
        if not accepts or (response.started and response.compressor is None):
            # Nothing to compress: the server may still send a file wrapper as it is.
            return chunks
        return response.body(chunks)


def filter_app_factory(app, global_conf=None, level=6):
    """PasteDeploy's ``egg:dichvucong#gzip_text`` (``paste.filter_app_factory``; not ``gzip``,
    which Paste has already)."""
    return GzipMiddleware(app, level=level)
