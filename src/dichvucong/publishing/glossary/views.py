"""The glossary page, the page of one term, and the header link to the glossary."""

from AccessControl import getSecurityManager
from dichvucong.base.vietnamese import ALPHABET
from dichvucong.base.vietnamese import nfc
from dichvucong.base.vietnamese import sort_key
from dichvucong.publishing.glossary.terms import TERM_TYPE
from dichvucong.publishing.glossary.terms import site_terms
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.memoize.view import memoize
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


OTHER = "#"


def initial(abbreviation):
    """The heading letter of a term in the Vietnamese alphabet (D and DD apart)."""
    first = nfc(abbreviation)[:1].lower()
    if first in ALPHABET:
        return first.upper()
    return OTHER


def anchor(term_id):
    return f"term-{term_id}"


class GlossaryView(BrowserView):
    """Every term the reader may see, in Vietnamese dictionary order, grouped by letter;
    each term has an anchor (``#term-<id>``) for links from other pages."""

    @memoize
    def terms(self):
        security = getSecurityManager()
        items = []
        for obj in self.context.contentValues({"portal_type": TERM_TYPE}):
            abbreviation = nfc(obj.title or "").strip()
            if not abbreviation:
                continue
            items.append(
                {
                    "abbreviation": abbreviation,
                    "expansion": obj.expansion or "",
                    "note": obj.note or "",
                    "anchor": anchor(obj.getId()),
                    "edit_url": (
                        f"{obj.absolute_url()}/edit"
                        if security.checkPermission("Modify portal content", obj)
                        else None
                    ),
                }
            )
        items.sort(key=lambda item: (sort_key(item["abbreviation"]), item["anchor"]))
        return items

    @memoize
    def groups(self):
        groups = []
        for item in self.terms():
            letter = initial(item["abbreviation"])
            if not groups or groups[-1]["letter"] != letter:
                groups.append(
                    {"letter": letter, "anchor": f"letter-{len(groups) + 1}", "terms": []}
                )
            groups[-1]["terms"].append(item)
        return groups

    def add_url(self):
        if api.user.has_permission("dichvucong: Add GlossaryTerm", obj=self.context):
            return f"{self.context.absolute_url()}/++add++{TERM_TYPE}"
        return None


class GlossaryTermView(BrowserView):
    """One term: the abbreviation, what it stands for, and the way back to the list."""

    def glossary_url(self):
        return f"{self.context.__parent__.absolute_url()}#{anchor(self.context.getId())}"


class GlossaryLinkViewlet(ViewletBase):
    """A link to the glossary beside the text-size control (as on the seed portal)."""

    index = ViewPageTemplateFile("templates/glossary_link.pt")

    def update(self):
        super().update()
        paths = site_terms().glossary_paths
        self.glossary_url = self.request.physicalPathToURL(paths[0]) if paths else None

    def available(self):
        return bool(self.glossary_url)

    def render(self):
        if not self.available():
            return ""
        return self.index()
