"""The page of an agency: how to reach it, its units and the procedures it handles."""

from datetime import date
from dichvucong import _
from dichvucong.base.dates import format_date
from dichvucong.base.links import tel_href
from dichvucong.base.vietnamese import sort_key
from dichvucong.catalogue.views.procedure import term_title
from dichvucong.catalogue.views.procedure import vocabulary
from plone import api
from Products.Five.browser import BrowserView


class AgencyView(BrowserView):
    """@@agency_view, the default view of an Agency."""

    def kind(self):
        return term_title(vocabulary("dichvucong.AgencyKinds", self.context), self.context.kind)

    def tel_href(self, phone):
        return tel_href(phone)

    def valid_until(self):
        """ "Valid until DATE" when the unit has an end date (dissolved or to be)."""
        if not self.context.valid_to:
            return None
        return _(
            "Valid until ${date}",
            mapping={"date": format_date(self.context.valid_to, self.request)},
        )

    def dissolved(self):
        valid_to = self.context.valid_to
        return bool(valid_to and valid_to < date.today())

    def children(self):
        brains = api.content.find(
            context=self.context, portal_type="Agency", depth=1, sort_on="sortable_title"
        )
        return self._links(brains)

    def procedures(self):
        code = self.context.code
        if not code:
            return []
        brains = api.content.find(portal_type="Procedure", procedure_agencies=code)
        return self._links(brains)

    def _links(self, brains):
        links = [
            {"title": brain.Title, "url": brain.getURL(), "code": brain.catalogue_code}
            for brain in brains
        ]
        return sorted(links, key=lambda link: sort_key(link["title"]))
