"""@@procedures: the citizens' page to find a procedure (a GET form; no JavaScript needed)."""

from dichvucong import _
from dichvucong.catalogue.search.engine import FACETS
from dichvucong.catalogue.search.listing import FACET_TITLES
from dichvucong.catalogue.search.listing import PAGE_HIDDEN_VALUES
from dichvucong.catalogue.search.listing import Listing
from plone.base.interfaces import IPloneSiteRoot
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


# The agency list can be long (every ward): the page shows the first ones, the rest
# behind a "more" disclosure.
FACET_VISIBLE = 8


class ProceduresView(BrowserView):
    """Search box, facet filters with counts, ranked results, previous/next pages."""

    index = ViewPageTemplateFile("templates/procedures.pt")

    def __call__(self):
        self.listing = Listing(self.context, self.request)
        self.params = self.listing.params
        self.result = self.listing.result
        if self.params.q or self.params.has_filters:
            # Endless combinations of queries and filters: keep them out of search engines.
            self.request.response.setHeader("X-Robots-Tag", "noindex")
        return self.index()

    @property
    def base_url(self):
        return f"{self.context.absolute_url()}/@@{self.__name__}"

    def heading(self):
        if IPloneSiteRoot.providedBy(self.context):
            return self.listing.translate(_("Administrative procedures"))
        return self.context.Title()

    def url(self, params):
        return params.url(self.base_url)

    def items(self):
        return self.listing.items()

    def count_text(self):
        return self.listing.translate(
            _("Procedures found: ${count}", mapping={"count": self.result.total})
        )

    def page_text(self, batch):
        return self.listing.translate(
            _("Page ${page} of ${pages}", mapping={"page": batch["page"], "pages": batch["pages"]})
        )

    def hidden_filters(self):
        """(name, value) of the chosen filters, kept when the search box is submitted."""
        return [
            {"name": facet, "value": value}
            for facet in FACETS
            for value in self.params.selected(facet)
        ]

    def facets(self):
        """Facets with at least one value to offer, each value with its toggle link."""
        out = []
        for facet in FACETS:
            hidden = PAGE_HIDDEN_VALUES.get(facet, set())
            entries = []
            for entry in self.listing.facet(facet):
                if entry["value"] in hidden and not entry["selected"]:
                    continue
                if not entry["count"] and not entry["selected"]:
                    continue
                entry["url"] = self.url(self.params.toggled(facet, entry["value"]))
                entries.append(entry)
            if entries:
                out.append(
                    {
                        "id": facet,
                        "title": self.listing.translate(FACET_TITLES[facet]),
                        "entries": entries[:FACET_VISIBLE],
                        "more": entries[FACET_VISIBLE:],
                        "selected": any(entry["selected"] for entry in entries),
                    }
                )
        return out

    def clear_filters_url(self):
        return self.url(self.params.replace(filters={}, b_start=0))

    def show_all_url(self):
        return self.base_url

    def batch(self):
        info = self.listing.batch()
        info["prev_url"] = (
            self.url(self.params.replace(b_start=info["prev_start"]))
            if info["prev_start"] is not None
            else None
        )
        info["next_url"] = (
            self.url(self.params.replace(b_start=info["next_start"]))
            if info["next_start"] is not None
            else None
        )
        return info
