"""Reader tools under the title of guides, news, events, campaigns and procedures:
print the page, share it (Facebook, Zalo, email) and copy its link.

Plain links only: nothing is loaded from another host, no third-party script runs,
nothing is sent anywhere until the reader follows a link. The shared address is the
page's own URL (never the request's query string). Every URL is percent-encoded into
the share links and escaped by the template.

Without JavaScript the print and copy buttons stay hidden and the page address is
shown in a read-only box (readers use the browser's own print and copy); reader.js
reveals the buttons. The print style sheet (reader.css) applies to pages whose body
has the ``dvc-reader-page`` class (``ReaderPageBodyClass``): the same pages.

Pages drawn by a Mosaic layout (guides, campaigns) have no viewlet managers inside
their content, so there the viewlet shows above the content instead (the
``plone.abovecontent`` registration); elsewhere below the title.
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from dichvucong.publishing.home.interfaces import IReaderToolsSettings
from plone.app.blocks.layoutviews import ContentLayoutView
from plone.app.layout.globals.interfaces import IBodyClassAdapter
from plone.app.layout.viewlets.common import ViewletBase
from plone.registry.interfaces import IRegistry
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import quote
from zope.component import getMultiAdapter
from zope.component import queryUtility
from zope.interface import implementer


FACEBOOK = "https://www.facebook.com/sharer/sharer.php?u="
BODY_CLASS = "dvc-reader-page"


def reader_settings():
    registry = queryUtility(IRegistry)
    if registry is None:
        return None
    return registry.forInterface(
        IReaderToolsSettings, prefix="dichvucong.reader_tools", check=False
    )


def reader_types():
    settings = reader_settings()
    return set((settings.portal_types if settings is not None else None) or ())


def mosaic_layout_of(context, request):
    """True when the published view is the Mosaic layout view of ``context``.

    plone.app.blocks draws the site layout of such a page (with its body classes) in a
    subrequest to ``@@page-site-layout``: there the page's own request is the
    subrequest's ``PARENT_REQUEST``.
    """
    for req in (request, request.get("PARENT_REQUEST")):
        published = req.get("PUBLISHED") if req is not None else None
        if isinstance(published, ContentLayoutView):
            return aq_base(aq_inner(published.context)) is aq_base(aq_inner(context))
    return False


def is_reader_page(context, request):
    """A content page of one of the configured types, shown with its own view."""
    if getattr(context, "portal_type", None) not in reader_types():
        return False
    if mosaic_layout_of(context, request):
        return True
    state = getMultiAdapter((context, request), name="plone_context_state")
    return bool(state.is_view_template())


def encode(value):
    return quote(value or "", safe="")


def share_links(url, title, zalo_prefix=None):
    """{name: href} of the share links of a page (URL and title percent-encoded)."""
    links = {"facebook": FACEBOOK + encode(url)}
    if zalo_prefix:
        links["zalo"] = zalo_prefix + encode(url)
    body = f"{title}\n{url}" if title else url
    links["email"] = f"mailto:?subject={encode(title)}&body={encode(body)}"
    return links


class ReaderToolsViewlet(ViewletBase):
    """Print, share and copy-link tools (one viewlet, two places: see the module doc)."""

    index = ViewPageTemplateFile("templates/readertools.pt")
    in_mosaic_layout = False  # True for the plone.abovecontent registration

    def update(self):
        super().update()
        self.page_url = self.context.absolute_url()
        self.page_title = self.context.Title() or ""
        settings = reader_settings()
        zalo = settings.zalo_share_url if settings is not None else None
        self.links = share_links(self.page_url, self.page_title, zalo)

    def available(self):
        if mosaic_layout_of(self.context, self.request) != self.in_mosaic_layout:
            return False
        return is_reader_page(self.context, self.request)

    def render(self):
        if not self.available():
            return ""
        return self.index()


class ReaderToolsAboveContentViewlet(ReaderToolsViewlet):
    in_mosaic_layout = True


@implementer(IBodyClassAdapter)
class ReaderPageBodyClass:
    """``dvc-reader-page`` on the pages with reader tools: the print style applies there."""

    def __init__(self, context, request):
        self.context = context
        self.request = request

    def get_classes(self, template=None, view=None):
        if is_reader_page(self.context, self.request):
            return [BODY_CLASS]
        return []
