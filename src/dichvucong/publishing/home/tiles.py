"""Tiles of the home page (Mosaic, plone.tiles): search, essential services, most-used
procedures, latest guides, latest news, help contact.

Transient tiles without settings: an editor places them with the Mosaic editor (they
are in its Insert menu) and they read the site, not the page they sit on. A tile with
nothing to show renders nothing. Every value is escaped by the page templates.
"""

from AccessControl import getSecurityManager
from dichvucong.base.contact import contact_settings
from dichvucong.base.dates import format_date
from dichvucong.base.dates import isoformat
from dichvucong.base.sections import section
from dichvucong.base.sections import section_paths
from dichvucong.publishing.home.sources import essential_procedures
from dichvucong.publishing.home.sources import home_settings
from dichvucong.publishing.home.sources import latest_published
from dichvucong.publishing.home.sources import popular_procedures
from plone import api
from plone.dexterity.content import FLOOR_DATE
from plone.memoize.view import memoize
from plone.tiles import Tile


def viewable_section(role):
    """The section with this role (the city's site data says which) if the reader may
    view it; None when the city has no such section."""
    if role not in section_paths():
        return None
    obj = section(role)
    if obj is None or not getSecurityManager().checkPermission("View", obj):
        return None
    return obj


class HomeTile(Tile):
    """Common helpers: the settings and element ids unique to this tile."""

    @property
    def settings(self):
        return home_settings()

    def html_id(self, name):
        return f"dvc-{name}-{self.id or 'tile'}"

    def procedure_items(self, records):
        to_url = self.request.physicalPathToURL
        return [
            {
                "title": record.title,
                "url": to_url(record.path),
                "code": record.code,
                "online": record.online,
            }
            for record in records
        ]


class SearchTile(HomeTile):
    """A large search box posting to the procedure search page (``@@procedures``)."""

    def search_url(self):
        folder = viewable_section("procedures")
        base = folder.absolute_url() if folder is not None else api.portal.get().absolute_url()
        return f"{base}/@@procedures"


class EssentialServicesTile(HomeTile):
    """The essential services as large buttons, each opening its procedure page."""

    @memoize
    def services(self):
        keyword = self.settings.essential_keyword
        return self.procedure_items(essential_procedures(api.portal.get(), keyword))


class PopularProceduresTile(HomeTile):
    """The most-used procedures (by their popularity), most used first."""

    @memoize
    def procedures(self):
        limit = self.settings.popular_count or 8
        return self.procedure_items(popular_procedures(api.portal.get(), limit))

    def all_url(self):
        folder = viewable_section("procedures")
        return folder.absolute_url() if folder is not None else None


class LatestTile(HomeTile):
    """The newest published items of one type, newest first."""

    portal_type = None
    section_role = None

    @memoize
    def items(self):
        limit = self.settings.latest_count or 4
        items = []
        for brain in latest_published(self.portal_type, limit):
            effective = brain.effective
            if effective is not None and effective.lessThanEqualTo(FLOOR_DATE):
                effective = None  # published without a publishing date
            items.append(
                {
                    "title": brain.Title,
                    "description": brain.Description,
                    "url": brain.getURL(),
                    "date": format_date(effective, self.request),
                    "iso_date": isoformat(effective) or "",
                }
            )
        return items

    def all_url(self):
        folder = viewable_section(self.section_role)
        return folder.absolute_url() if folder is not None else None


class LatestGuidesTile(LatestTile):
    portal_type = "Guide"
    section_role = "guides"


class LatestNewsTile(LatestTile):
    portal_type = "News Item"
    section_role = "news"


class ContactTile(HomeTile):
    """How to get help: the service centre's contact details (the footer's registry
    records, ``dichvucong.contact.*``) and the help and feedback page."""

    def contact(self):
        return contact_settings()

    def phone_href(self):
        phone = self.contact().phone or ""
        digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
        return f"tel:{digits}" if digits else None

    def help_url(self):
        page = viewable_section("questions")
        return page.absolute_url() if page is not None else None
