"""Tiles of the campaign landing layout (``campaign-landing.html``).

Transient tiles (no stored data): they read the campaign itself, so an editor who
changes the lead image, the dates or the button sees the landing page follow, and
the shipped layout works on every campaign without configuring tiles.
"""

from DateTime import DateTime
from dichvucong import _
from dichvucong.base.dates import format_date
from dichvucong.publishing.outreach.campaign import call_to_action
from dichvucong.publishing.outreach.news import NO_DATE_YEAR
from dichvucong.publishing.outreach.news import as_datetime
from dichvucong.publishing.outreach.vocabularies import audience_titles
from plone import api
from plone.tiles import Tile
from zope.i18n import translate


NEWS_LIMIT = 6
EVENTS_LIMIT = 5


def _types(*names):
    """Only the content types that exist on this site (Guide belongs to another area)."""
    types_tool = api.portal.get_tool("portal_types")
    return [name for name in names if types_tool.getTypeInfo(name) is not None]


class CampaignHeroTile(Tile):
    """Lead image, title, description, dates and the call-to-action button."""

    def cta(self):
        return call_to_action(self.context)

    def picture(self):
        if getattr(self.context, "image", None) is None:
            return None
        images = self.context.restrictedTraverse("@@images")
        return images.picture("image", picture_variant="large", alt="", css_class="dvc-hero__image")

    def audiences(self):
        return audience_titles(getattr(self.context, "audience", None), self.request)

    def dates(self):
        start = getattr(self.context, "campaign_start", None)
        end = getattr(self.context, "campaign_end", None)
        if start and end:
            message = _(
                "From ${start} to ${end}",
                mapping={
                    "start": format_date(start, self.request),
                    "end": format_date(end, self.request),
                },
            )
        elif start:
            message = _("From ${start}", mapping={"start": format_date(start, self.request)})
        elif end:
            message = _("Until ${end}", mapping={"end": format_date(end, self.request)})
        else:
            return None
        return translate(message, context=self.request)


class CampaignContentsTile(Tile):
    """What the campaign holds, grouped: guides, upcoming events, news, kits, pages."""

    def _find(self, portal_types, **query):
        if not portal_types:
            return []
        return api.content.find(
            context=self.context,
            portal_type=portal_types,
            **query,
        )

    def _links(self, brains, dated=None):
        links = []
        for brain in brains:
            when = getattr(brain, dated, None) if dated else None
            links.append(
                {
                    "title": brain.Title,
                    "description": brain.Description,
                    "url": brain.getURL(),
                    "date": _date(when),
                }
            )
        return links

    def groups(self):
        now = DateTime()
        groups = [
            (
                "guides",
                _("Guides"),
                self._links(self._find(_types("Guide"), sort_on="getObjPositionInParent")),
            ),
            (
                "events",
                _("Upcoming events"),
                self._links(
                    self._find(
                        _types("Event"),
                        end={"query": now, "range": "min"},
                        sort_on="start",
                        sort_limit=EVENTS_LIMIT,
                    )[:EVENTS_LIMIT],
                    dated="start",
                ),
            ),
            (
                "news",
                _("News"),
                self._links(
                    self._find(
                        _types("News Item"),
                        sort_on="effective",
                        sort_order="descending",
                        sort_limit=NEWS_LIMIT,
                    )[:NEWS_LIMIT],
                    dated="effective",
                ),
            ),
            (
                "kits",
                _("Outreach kits to download"),
                self._links(self._find(_types("OutreachKit"), sort_on="getObjPositionInParent")),
            ),
            (
                "pages",
                _("More information"),
                self._links(
                    self._find(_types("Document"), sort_on="getObjPositionInParent", depth=1)
                ),
            ),
        ]
        return [
            {"id": key, "title": translate(title, context=self.request), "links": items}
            for key, title, items in groups
            if items
        ]

    def news_url(self):
        return f"{self.context.absolute_url()}/@@news-by-date"


def _date(value):
    moment = as_datetime(value)
    if moment.year <= NO_DATE_YEAR:
        return None
    return format_date(moment)
