"""Dossier (see docs/glossary.md): one submission of one procedure by one applicant.

The schema holds what the one-stop rules ask of every dossier; the citizen's answers to
the service form live in ``answers`` (typed values keyed by the form's field names) and
are always shown with the form schema they were submitted with (``schema_version``).
Nobody edits these fields through the web: submission and workflow views set them.

Guards of ``dossier_workflow`` are the ``guard_*`` methods below (the workflow
definition calls them), so the rules of each transition read as Python.
"""

from BTrees.OOBTree import OOBTree
from dichvucong import _
from persistent import Persistent
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


# National status codes (the de facto list used to sync with the National Portal).
STATUS_CODES = {
    "new": 1,
    "accepted": 2,
    "refused": 3,
    "processing": 4,
    "supplement_requested": 5,
    "fees_due": 6,
    "withdrawn": 7,
    "stopped": 8,
    "decided": 9,
    "returned": 10,
}
# Submission channels and their national codes.
CHANNEL_CODES = {"in_person": 1, "online": 2, "post": 3}
# States in which the dossier is finished: no clock, no processing.
CLOSED_STATES = frozenset({"refused", "withdrawn", "stopped", "returned"})


class IDossier(model.Schema):
    code = schema.ASCIILine(title=_("Dossier code"), readonly=True)
    applicant_userid = schema.TextLine(title=_("Applicant account"), required=False)
    applicant_name = schema.TextLine(title=_("Applicant name"))
    applicant_id_number = schema.ASCIILine(title=_("Personal ID number"), required=False)
    applicant_phone = schema.ASCIILine(title=_("Phone"), required=False)
    applicant_email = schema.ASCIILine(title=_("Email"), required=False)
    procedure_uid = schema.ASCIILine(title=_("Procedure"), required=False)
    procedure_code = schema.ASCIILine(title=_("Procedure code"), required=False)
    procedure_title = schema.TextLine(title=_("Procedure name"), required=False)
    agency_code = schema.ASCIILine(title=_("Receiving agency"))
    agency_title = schema.TextLine(title=_("Receiving agency name"), required=False)
    channel = schema.Choice(title=_("Channel"), vocabulary="dichvucong.Channels", default="online")
    form_uid = schema.ASCIILine(title=_("Service form"), required=False)
    schema_version = schema.ASCIILine(title=_("Form schema version"), required=False)
    received_at = schema.Datetime(title=_("Received"), required=False)
    due_at = schema.Datetime(title=_("Due"), required=False)
    acknowledge_by = schema.Datetime(title=_("To be acknowledged by"), required=False)
    assignee = schema.TextLine(title=_("Assigned specialist"), required=False)
    # Submitted while its service was in trial (catalogue/stages.py): processed like
    # any dossier, marked wherever it appears, left out of statistics and national sync
    # (dossier/reporting.py). Switching the service's stage never changes it.
    trial = schema.Bool(title=_("Trial dossier"), required=False, default=False)


class Attachment(Persistent):
    """A file of the dossier: submitted with the form, a supplement, or a result."""

    def __init__(self, name, kind, file, field=None, actor=None, when=None):
        self.name = name  # key in the dossier's files, safe for URLs
        self.kind = kind  # "submitted", "supplement" or "result"
        self.file = file  # NamedBlobFile with the sanitised file name
        self.field = field  # the form field it answers, if any
        self.actor = actor
        self.when = when

    @property
    def filename(self):
        return self.file.filename

    @property
    def size(self):
        return self.file.getSize()


@implementer(IDossier)
class Dossier(Item):
    """Typed record of one submission; its workflow is ``dossier_workflow``."""

    # Clean defaults for attributes a freshly created dossier fills in.
    text = None
    paused_since = None  # start of a supplement wait: the clock stops
    decided_at = None
    returned_at = None
    rating = None
    trial = False  # dossiers made before service stages existed are real ones

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.answers = PersistentMapping()
        self.files = OOBTree()
        self.audit = PersistentList()
        self.notes = PersistentList()

    def Title(self):
        # Code and service only: no personal data in titles, listings or logs.
        return f"{self.code} - {self.procedure_title or ''}".strip(" -")

    @property
    def title(self):
        return self.Title()

    @title.setter
    def title(self, value):
        """The title is derived from the code; ignore assignments (dexterity sets it)."""

    @property
    def status(self):
        return api.content.get_state(self, default="new")

    @property
    def status_code(self):
        return STATUS_CODES.get(self.status)

    @property
    def channel_code(self):
        return CHANNEL_CODES.get(self.channel)

    def files_of(self, kind):
        return [a for a in self.files.values() if a.kind == kind]

    # Guards of dossier_workflow (called by the definition's guard expressions).

    def guard_return_result(self):
        """A result can only be returned once a result document is attached."""
        return bool(self.files_of("result"))

    def guard_supplement(self):
        """The citizen's supplement must bring a file or an answer to the request."""
        return self.paused_since is not None

    def guard_decide(self):
        """A decision needs the dossier out of any wait (fees, supplement)."""
        return self.paused_since is None
