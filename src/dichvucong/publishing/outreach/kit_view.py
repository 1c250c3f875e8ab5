"""The page of an outreach kit: its files grouped by kind, with format and size.

Readers on mobile data see "PDF, 1,2 MB" before they download; images offer their
social media variants. Only items the reader may view are listed (the catalog
query is permission-checked).
"""

from dichvucong import _
from dichvucong.publishing.outreach.kinds import KINDS
from dichvucong.publishing.outreach.kinds import content_type
from dichvucong.publishing.outreach.kinds import format_name
from dichvucong.publishing.outreach.kinds import format_size
from dichvucong.publishing.outreach.kinds import kind_of
from dichvucong.publishing.outreach.social import social_variants
from dichvucong.publishing.outreach.vocabularies import audience_titles
from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate


FILE_FIELDS = {"File": "file", "Image": "image"}


def language(request):
    return (api.portal.get_current_language() or "vi").split("-")[0]


def describe(obj, request):
    """One downloadable item of a kit (or None when it holds no file)."""
    fieldname = FILE_FIELDS.get(obj.portal_type)
    blob = getattr(obj, fieldname, None) if fieldname else None
    if blob is None:
        return None
    filename = getattr(blob, "filename", None) or obj.getId()
    mimetype = content_type(getattr(blob, "contentType", ""), filename)
    fmt = format_name(mimetype, filename)
    size = format_size(blob.getSize(), language(request))
    url = obj.absolute_url()
    is_image = obj.portal_type == "Image"
    details = _("${format}, ${size}", mapping={"format": fmt, "size": size}) if fmt else size
    return {
        "title": obj.Title() or filename,
        "description": obj.Description(),
        "url": url,
        "download": f"{url}/@@download/{fieldname}",
        "kind": kind_of(mimetype),
        "format": fmt,
        "size": size,
        "details": translate(details, context=request),
        "is_image": is_image,
        "preview": f"{url}/@@images/image/preview" if is_image else None,
        "variants": social_variants(obj, request) if is_image else [],
    }


class OutreachKitView(BrowserView):
    """``@@outreach_kit_view``, the default view of an OutreachKit."""

    def audiences(self):
        return audience_titles(self.context.audience, self.request)

    def groups(self):
        """[{"kind", "title", "items"}] in the order of KINDS, empty groups left out."""
        brains = api.content.find(
            context=self.context,
            depth=1,
            portal_type=list(FILE_FIELDS),
            sort_on="getObjPositionInParent",
        )
        by_kind = {}
        for brain in brains:
            item = describe(brain.getObject(), self.request)
            if item is not None:
                by_kind.setdefault(item["kind"], []).append(item)
        return [
            {"kind": kind, "title": title, "files": by_kind[kind]}
            for kind, title in KINDS
            if kind in by_kind
        ]
