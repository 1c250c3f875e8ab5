"""Which Mosaic content layout a guide shows.

plone.app.blocks looks a page's layout up in this order: the layout chosen for the
item (``contentLayout``, set by the Mosaic "Layout" menu or the import step), a
custom layout edited in Mosaic, then the registry's default for the content type
(``plone.app.blocks.default_layout.Guide``). A single default per type does not
fit guides: a video guide needs the video layout. So between the item's own choice
and the type default comes the layout of the guide's kind.
"""

from dichvucong.publishing.guides.content import IGuideLayout
from plone.app.blocks.layoutbehavior import ILayoutAware
from plone.app.blocks.layoutbehavior import LayoutAwareBehavior
from zope.component import adapter
from zope.interface import implementer


RESOURCE = "++contentlayout++dichvucong"
KIND_LAYOUTS = {
    "steps": f"{RESOURCE}/guide-steps.html",
    "video": f"{RESOURCE}/guide-video.html",
    "faq": f"{RESOURCE}/guide-faq.html",
}


@implementer(ILayoutAware)
@adapter(IGuideLayout)
class GuideLayout(LayoutAwareBehavior):
    """The layout behaviour of guides: the kind's layout unless one was chosen."""

    def content_layout_path(self):
        if self.contentLayout:
            return self.contentLayout
        kind = getattr(self.context, "guide_kind", None)
        return KIND_LAYOUTS.get(kind) or super().content_layout_path()
