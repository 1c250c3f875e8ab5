"""Behaviors publishing gives to content types: who the content is for, and the guides
that explain a procedure.

Schema-only behaviors (no factory): Dexterity stores their fields as attributes on
the object, under the same names the types' own schemas used before, so content
made before they existed reads the same.
"""

from dichvucong import _
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class IAudience(model.Schema):
    """``dichvucong.audience``: the audiences of a guide or a campaign (optional)."""

    # On a campaign the field heads the campaign's own tab (campaign.py), as it did
    # before it was a behavior; on other types there is no such field to move to.
    directives.order_before(audience="campaign_start")
    audience = schema.Set(
        title=_("Audience"),
        description=_("Who the content is for."),
        value_type=schema.Choice(vocabulary="dichvucong.Audiences"),
        required=False,
        default=set(),
    )


@provider(IFormFieldProvider)
class IRequiredAudience(IAudience):
    """``dichvucong.audience_required``: the same field, at least one audience.

    For outreach kits: the kits listing groups kits by audience, so a kit without
    one would be listed nowhere.
    """

    audience = schema.Set(
        title=_("Audience"),
        description=_("Who the material is for; the kits listing is grouped by it."),
        value_type=schema.Choice(vocabulary="dichvucong.Audiences"),
        required=True,
        min_length=1,
    )


@provider(IFormFieldProvider)
class IRelatedGuides(model.Schema):
    """``dichvucong.related_guides``: guides (or other pages) an editor links to a
    procedure, shown first under "Related guides" on its page."""

    model.fieldset("links", label=_("Links"), fields=["guides"])
    # Where the field stood in the procedure's form: after the online form.
    directives.order_after(guides="online_form")
    guides = RelationList(
        title=_("Guides"),
        value_type=RelationChoice(vocabulary="plone.app.vocabularies.Catalog"),
        required=False,
        default=[],
    )
