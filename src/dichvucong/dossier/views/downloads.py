"""Downloads of a dossier: its files (@@dossier-file/<name>) and its slips
(@@dossier-slip/<kind>). Every download is written in the dossier's history."""

from dichvucong.dossier import audit
from dichvucong.dossier.slips.render import render_slip
from dichvucong.dossier.views.common import ascii_filename
from dichvucong.dossier.views.common import no_store
from dichvucong.dossier.views.slip_data import applicable_slips
from dichvucong.dossier.views.slip_data import slip_data
from plone.namedfile.utils import stream_data
from Products.Five.browser import BrowserView
from urllib.parse import quote
from zExceptions import NotFound
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


def content_disposition(filename, disposition="attachment"):
    """``attachment; filename="plain"; filename*=UTF-8''encoded`` (RFC 6266 / RFC 5987)."""
    fallback = ascii_filename(filename)
    encoded = quote(filename or fallback, safe="")
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{encoded}"


def set_download_headers(response, content_type, size, filename):
    response.setHeader("Content-Type", content_type or "application/octet-stream")
    if size is not None:
        response.setHeader("Content-Length", str(size))
    response.setHeader("Content-Disposition", content_disposition(filename))
    response.setHeader("X-Content-Type-Options", "nosniff")
    no_store(response)


@implementer(IPublishTraverse)
class _Traversable(BrowserView):
    """A view that takes one more path segment (``.../@@view/<name>``)."""

    name = None

    def publishTraverse(self, request, name):
        if self.name is None:
            self.name = name
            return self
        raise NotFound(self, name, request)


class FileDownload(_Traversable):
    """@@dossier-file/<name>: one attachment of the dossier, as a download."""

    def __call__(self):
        files = self.context.files
        attachment = files.get(self.name) if self.name else None
        if attachment is None:
            raise NotFound(self, self.name or "", self.request)
        audit.record(self.context, "downloaded", public=True, file=attachment.name)
        blob = attachment.file
        set_download_headers(self.request.response, blob.contentType, blob.getSize(), blob.filename)
        return stream_data(blob)


class SlipDownload(_Traversable):
    """@@dossier-slip/<kind>: the PDF slip (receipt, supplement, refusal, apology)."""

    def __call__(self):
        kind = self.name
        if not kind or kind not in applicable_slips(self.context):
            raise NotFound(self, kind or "", self.request)
        pdf = render_slip(kind, slip_data(self.context, kind))
        audit.record(self.context, "downloaded", public=True, slip=kind)
        set_download_headers(
            self.request.response, "application/pdf", len(pdf), f"{self.context.code}-{kind}.pdf"
        )
        return pdf
