"""Agency: city departments, service-centre branches, wards and communes (see docs/glossary.md).

Agencies nest (a branch inside the service centre). Units dissolved on 2025-07-01 keep
their history: they stay, with ``valid_to`` set, so old dossiers still name them.
"""

from datetime import date
from dichvucong import _
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import Invalid
from zope.interface import implementer
from zope.interface import invariant


class IAgency(model.Schema):
    code = schema.ASCIILine(
        title=_("Code"),
        description=_("The agency's code; dossier codes start with it."),
        required=True,
    )
    kind = schema.Choice(
        title=_("Kind of agency"),
        vocabulary="dichvucong.AgencyKinds",
        required=True,
    )
    address = schema.TextLine(title=_("Address"), required=False)
    opening_hours = schema.TextLine(title=_("Opening hours"), required=False)
    phone = schema.TextLine(title=_("Phone"), required=False)
    email = schema.TextLine(title=_("Email"), required=False)
    valid_from = schema.Date(title=_("Valid from"), required=False)
    valid_to = schema.Date(
        title=_("Valid to"),
        description=_("Last day the unit existed; empty while it exists."),
        required=False,
    )

    @invariant
    def valid_interval(data):
        if data.valid_from and data.valid_to and data.valid_to < data.valid_from:
            raise Invalid(_("The end of validity is before its start."))


@implementer(IAgency)
class Agency(Container):
    """An administrative unit that receives or decides dossiers."""

    # No body text of its own: without this, indexers that read ``obj.text`` would
    # acquire the site front page\'s text into this record\'s search text.
    text = None

    def is_current(self, on=None):
        on = on or date.today()
        starts = self.valid_from or date.min
        ends = self.valid_to or date.max
        return starts <= on <= ends
