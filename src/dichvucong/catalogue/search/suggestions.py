"""On Plone's site-wide search page, the procedures our search finds for the same words.

Plone's full-text index folds accents but knows no typos, i/y variants or partly typed
words; the catalogue search does. Its best matches are offered above the site-wide
results, so a query with a typo still leads a citizen to the right procedure.
"""

from dichvucong.catalogue.search.listing import Listing
from dichvucong.catalogue.search.params import SearchParams
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


SUGGESTIONS = 3


class ProcedureSuggestionsViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/suggestions.pt")

    def update(self):
        super().update()
        text = self.request.form.get("SearchableText", "")
        self.items = []
        if isinstance(text, str) and text.strip():
            params = SearchParams(q=text, b_size=SUGGESTIONS)
            self.items = Listing(self.context, self.request, params).items()
            self.more_url = SearchParams(q=text).url(
                f"{self.portal_state.portal_url()}/@@procedures"
            )

    def render(self):
        return self.index() if self.items else ""
