"""``@@outreach-kits`` on a section (``tin-tuc``): the kits below it, by audience.

The filter is plain links (``?audience=elderly``): no JavaScript, bookmarkable, and
a kiosk can open one audience directly. A kit for several audiences is listed under
each of them.
"""

from dichvucong import _
from dichvucong.publishing.outreach.vocabularies import AUDIENCES
from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate


class OutreachKitsView(BrowserView):
    def __call__(self):
        value = self.request.form.get("audience")
        known = {token for token, _title in AUDIENCES}
        self.selected = value if isinstance(value, str) and value in known else None
        return self.index()

    @property
    def base_url(self):
        return f"{self.context.absolute_url()}/@@outreach-kits"

    def filters(self):
        """The filter links: everything, then one per audience."""
        links = [
            {
                "title": translate(_("All audiences"), context=self.request),
                "url": self.base_url,
                "current": self.selected is None,
            }
        ]
        for token, title in AUDIENCES:
            links.append(
                {
                    "title": translate(title, context=self.request),
                    "url": f"{self.base_url}?audience={token}",
                    "current": token == self.selected,
                }
            )
        return links

    def groups(self):
        query = {
            "portal_type": "OutreachKit",
            "path": "/".join(self.context.getPhysicalPath()),
            "sort_on": "sortable_title",
        }
        if self.selected:
            query["audience"] = self.selected
        brains = list(api.content.find(**query))
        groups = []
        for token, title in AUDIENCES:
            if self.selected and token != self.selected:
                continue
            kits = [self.kit(brain) for brain in brains if token in (brain.audience or ())]
            if kits:
                groups.append(
                    {"token": token, "title": translate(title, context=self.request), "kits": kits}
                )
        return groups

    def kit(self, brain):
        count = len(
            api.content.find(
                path={"query": brain.getPath(), "depth": 1}, portal_type=["File", "Image"]
            )
        )
        return {
            "title": brain.Title,
            "description": brain.Description,
            "url": brain.getURL(),
            "count": count,
        }

    def news_url(self):
        return f"{self.context.absolute_url()}/@@news-by-date"
