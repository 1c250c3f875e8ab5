"""Settings of the home page tiles and the reader tools (registry, ``registry/home.xml``;
a city profile fills the city-specific values)."""

from dichvucong import _
from zope import schema
from zope.interface import Interface


class IHomeSettings(Interface):
    """What the home page tiles show and where they link to."""

    front_page = schema.ASCIILine(
        title=_("Home page"),
        description=_(
            "Id of the page (inside the site root) that a city profile makes the "
            "site's front page when the site has none."
        ),
        required=False,
        default="",
    )

    essential_keyword = schema.TextLine(
        title=_("Keyword of the essential services"),
        description=_(
            "Procedures carrying this keyword are shown as the essential services "
            "on the home page (accents and case do not matter)."
        ),
        required=False,
        default="",
    )
    popular_count = schema.Int(
        title=_("Most-used procedures shown"),
        required=True,
        default=8,
        min=1,
        max=30,
    )
    latest_count = schema.Int(
        title=_("Latest guides and news shown"),
        required=True,
        default=4,
        min=1,
        max=20,
    )


class IReaderToolsSettings(Interface):
    """Print and share links under the title of content pages."""

    portal_types = schema.List(
        title=_("Content types with print and share links"),
        value_type=schema.ASCIILine(),
        required=False,
        default=["Guide", "Campaign", "News Item", "Event", "Procedure"],
    )
    zalo_share_url = schema.ASCIILine(
        title=_("Zalo share address"),
        description=_("The page address, URL-encoded, is added at the end. Empty: no Zalo link."),
        required=False,
        default="https://sp.zalo.me/share_to?url=",
    )
