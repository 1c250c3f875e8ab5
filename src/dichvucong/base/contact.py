"""The service centre's contact details: registry records ``dichvucong.contact.*``
(editable in the registry control panel), which a city profile fills. The theme shows
them in the header and footer, the home page in its help tile."""

from dichvucong import _
from plone.registry.interfaces import IRegistry
from zope import schema
from zope.component import getUtility
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


def contact_settings():
    """The records as an object with one attribute per field of the interface."""
    registry = getUtility(IRegistry)
    return registry.forInterface(IPortalContactSettings, prefix="dichvucong.contact", check=False)
