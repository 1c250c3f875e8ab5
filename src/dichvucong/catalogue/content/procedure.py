"""Procedure: one administrative procedure, after the national procedure record.

Structured parts (channels with time and fees, required documents per case, legal
basis) are tables (procedure_tables.py): edited as tables in the edit form, stored as
lists of plain dicts, and checked against the same JSON schema whether they come from
the form, the REST API or an import.
"""

from dichvucong import _
from dichvucong.catalogue.content.procedure_tables import CHANNELS_SCHEMA
from dichvucong.catalogue.content.procedure_tables import DOCUMENTS_SCHEMA
from dichvucong.catalogue.content.procedure_tables import LEGAL_BASIS_SCHEMA
from dichvucong.catalogue.content.procedure_tables import IChannelRow
from dichvucong.catalogue.content.procedure_tables import IDocumentRow
from dichvucong.catalogue.content.procedure_tables import ILegalBasisRow
from dichvucong.catalogue.stages import DEFAULT_STAGE
from dichvucong.catalogue.stages import record_switch
from dichvucong.catalogue.tables.fields import Table
from dichvucong.catalogue.tables.widget import TableFieldWidget
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import Invalid
from zope.interface import implementer
from zope.interface import invariant


class IProcedure(model.Schema):
    model.fieldset(
        "details",
        label=_("Details"),
        fields=["steps", "channels", "documents", "conditions", "legal_basis", "result"],
    )
    model.fieldset(
        "links",
        label=_("Links"),
        fields=["keywords", "related_procedures", "online_form", "online_stage", "popularity"],
    )

    national_code = schema.ASCIILine(
        title=_("National code"),
        description=_("Code in the national procedure database, e.g. 1.001193."),
        required=False,
    )
    local_code = schema.ASCIILine(
        title=_("Local code"),
        description=_("The city's own code, for procedures without a national code."),
        required=False,
    )
    publishing_decision = schema.TextLine(
        title=_("Publishing decision"),
        description=_("The decision that published the procedure."),
        required=False,
    )
    level = schema.Choice(
        title=_("Online service level"),
        vocabulary="dichvucong.ProcedureLevels",
        required=True,
        default="offline",
    )
    domain = schema.Choice(
        title=_("Domain"),
        vocabulary="dichvucong.Domains",
        required=False,
    )
    applicant_types = schema.Set(
        title=_("Who may apply"),
        value_type=schema.Choice(vocabulary="dichvucong.ApplicantTypes"),
        required=False,
        default=set(),
    )
    implementing_agency = schema.Choice(
        title=_("Implementing agency"),
        description=_("Where the dossier is received."),
        vocabulary="dichvucong.Agencies",
        required=False,
    )
    competent_agency = schema.Choice(
        title=_("Competent agency"),
        description=_("Who decides."),
        vocabulary="dichvucong.Agencies",
        required=False,
    )

    steps = schema.List(
        title=_("Steps"),
        description=_("One step per line, in order."),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )
    directives.widget("channels", TableFieldWidget)
    channels = Table(
        title=_("Channels, processing time and fees"),
        row=IChannelRow,
        json_schema=CHANNELS_SCHEMA,
        required=False,
        default=[],
    )
    directives.widget("documents", TableFieldWidget)
    documents = Table(
        title=_("Documents to bring"),
        row=IDocumentRow,
        json_schema=DOCUMENTS_SCHEMA,
        required=False,
        default=[],
    )
    conditions = schema.Text(title=_("Conditions"), required=False)
    directives.widget("legal_basis", TableFieldWidget)
    legal_basis = Table(
        title=_("Legal basis"),
        row=ILegalBasisRow,
        json_schema=LEGAL_BASIS_SCHEMA,
        required=False,
        default=[],
    )
    result = schema.Text(title=_("Result"), required=False)
    guide_text = RichText(title=_("Notes for citizens"), required=False)

    keywords = schema.List(
        title=_("Keywords"),
        description=_("Other words citizens use for this procedure, one per line."),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )
    related_procedures = RelationList(
        title=_("Related procedures"),
        value_type=RelationChoice(vocabulary="plone.app.vocabularies.Catalog"),
        required=False,
        default=[],
    )
    online_form = RelationChoice(
        title=_("Online form"),
        description=_("The form citizens fill in to submit a dossier online."),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
    )
    # Changed on @@service-stage (which shows the trial checklist), by the catalogue
    # import or REST; not in the edit form: catalogue/stages.py, docs/services.md.
    directives.omitted("online_stage")
    directives.write_permission(online_stage="dichvucong.ChangeServiceStage")
    online_stage = schema.Choice(
        title=_("Online stage"),
        description=_(
            "Draft: nobody submits online yet. Trial: only testers and officials. "
            "Official: everyone."
        ),
        vocabulary="dichvucong.ServiceStages",
        required=False,
        default=DEFAULT_STAGE,
    )
    popularity = schema.Int(
        title=_("Popularity"),
        description=_("Dossiers or visits in the last year; breaks ties in search."),
        required=False,
        default=0,
        min=0,
    )

    @invariant
    def has_a_code(data):
        if not (data.national_code or data.local_code):
            raise Invalid(_("Give the national code or a local code."))


@implementer(IProcedure)
class Procedure(Item):
    """One administrative procedure of the catalogue."""

    # No body text of its own: without this, indexers that read ``obj.text`` would
    # acquire the site front page\'s text into this record\'s search text.
    text = None

    _online_stage = None

    @property
    def online_stage(self):
        """The service's stage (catalogue/stages.py); official when never set."""
        return self._online_stage or DEFAULT_STAGE

    @online_stage.setter
    def online_stage(self, value):
        # Every door (the stage form, the import, REST) sets it here: each change is
        # recorded with who, when, from and to.
        old = self._online_stage
        self._online_stage = value
        if value != old:
            record_switch(self, old, value)

    @property
    def code(self):
        """The catalogue key: the national code, else the local one."""
        return self.national_code or self.local_code

    def has_online_form(self):
        form = getattr(self, "online_form", None)
        return bool(form and not form.isBroken())
