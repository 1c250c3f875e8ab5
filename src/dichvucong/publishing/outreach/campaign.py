"""Campaign: a landing page for an outreach campaign (e.g. "use online services").

A folder: the campaign's guides, news, events and downloadable kits live inside it,
so the landing page can list them and their workflow follows the campaign's. The
page itself is a Mosaic layout (``campaign-landing.html``) made of the hero and
contents tiles of this area.

The call to action is a label plus either an internal relation (a procedure or an
online form, which survives renames) or a link; the relation wins when both are set.
"""

from dichvucong import _
from dichvucong.base.links import safe_url
from plone import api
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import Invalid
from zope.interface import implementer
from zope.interface import invariant


class InvalidLink(schema.ValidationError):
    __doc__ = _("Give a web address starting with https:// or a path on this site starting with /.")


def _valid_link(value):
    """A web address or a path on this site (``/dich-vu-cong-truc-tuyen``)."""
    if value and safe_url(value) is None:
        raise InvalidLink(value)
    return True


class ICampaign(model.Schema):
    model.fieldset(
        "campaign",
        label=_("Campaign"),
        fields=[
            "campaign_start",
            "campaign_end",
            "cta_label",
            "cta_target",
            "cta_url",
        ],
    )

    # Not "start"/"end": those are the catalog's event indexes, and a campaign
    # is not an event (it must not appear in the event listings).
    campaign_start = schema.Date(
        title=_("Campaign starts"),
        required=False,
    )
    campaign_end = schema.Date(
        title=_("Campaign ends"),
        required=False,
    )
    cta_label = schema.TextLine(
        title=_("Call to action: button label"),
        description=_("A short verb phrase, e.g. “Register a birth online”."),
        required=False,
    )
    directives.widget(
        "cta_target",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["Procedure", "EasyForm", "Guide", "Document"]},
    )
    cta_target = RelationChoice(
        title=_("Call to action: page on this site"),
        description=_("A procedure or an online form. Used instead of the link below."),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
    )
    cta_url = schema.TextLine(
        title=_("Call to action: link"),
        description=_("A web address (https://...) or a path on this site (/...)."),
        required=False,
        constraint=_valid_link,
    )

    @invariant
    def dates_in_order(data):
        start, end = data.campaign_start, data.campaign_end
        if start and end and end < start:
            raise Invalid(_("The campaign ends before it starts."))

    @invariant
    def button_has_a_target(data):
        if data.cta_label and not (data.cta_target or data.cta_url):
            raise Invalid(_("The call-to-action button needs a page or a link."))


@implementer(ICampaign)
class Campaign(Container):
    """An outreach campaign's landing page and folder."""


def call_to_action(campaign):
    """{"label", "url"} of the campaign's button, or None when it has no target.

    An internal target is used only while it exists and the reader may see it; a
    path on this site is made absolute against the portal (the site may not sit at
    the server root).
    """
    url = None
    relation = getattr(campaign, "cta_target", None)
    if relation is not None and not relation.isBroken():
        target = relation.to_object
        if target is not None and api.user.has_permission("View", obj=target):
            url = target.absolute_url()
    if url is None:
        url = safe_url(getattr(campaign, "cta_url", None))
        if url and url.startswith("/"):
            url = api.portal.get().absolute_url() + url
    if not url:
        return None
    label = getattr(campaign, "cta_label", None) or _("Use the online service")
    return {"label": label, "url": url}
