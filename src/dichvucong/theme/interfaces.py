"""Settings the theme reads from the registry; a city profile fills them."""

from dichvucong import _
from zope import schema
from zope.interface import Interface


class IPortalContactSettings(Interface):
    """Who runs the portal and how to reach them (shown in the footer)."""

    tagline = schema.TextLine(
        title=_("Tagline under the site name"),
        required=False,
        default="",
    )
    centre_name = schema.TextLine(
        title=_("Name of the service centre"),
        required=False,
        default="",
    )
    address = schema.TextLine(
        title=_("Address"),
        required=False,
        default="",
    )
    phone = schema.TextLine(
        title=_("Phone"),
        required=False,
        default="",
    )
    email = schema.TextLine(
        title=_("Email"),
        required=False,
        default="",
    )
    opening_hours = schema.TextLine(
        title=_("Opening hours"),
        required=False,
        default="",
    )
    website = schema.TextLine(
        title=_("Website"),
        required=False,
        default="",
    )
