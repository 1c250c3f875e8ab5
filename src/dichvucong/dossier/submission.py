"""Turning a validated set of answers into one dossier, all or nothing.

Used by the easyform action (after the citizen confirms the "check your answers"
page), by the REST ``@dossiers`` POST and by the benchmarks. Everything is checked
before anything is written; the dossier is created in the caller's transaction.
"""

from dichvucong import _
from dichvucong.base.dates import portal_now
from dichvucong.catalogue import stages
from dichvucong.dossier import audit
from dichvucong.dossier import schemas
from dichvucong.dossier.checks import contact
from dichvucong.dossier.checks import identity
from dichvucong.dossier.checks import rules
from dichvucong.dossier.codes import new_code
from dichvucong.dossier.content.dossier import Attachment
from dichvucong.dossier.deadlines import calendar_from_registry
from dichvucong.dossier.files import UploadError
from dichvucong.dossier.files import check_upload
from dichvucong.dossier.storage import ensure_store
from dichvucong.dossier.storage import partition_for
from persistent.mapping import PersistentMapping
from plone import api
from plone.dexterity.utils import createContentInContainer
from plone.namedfile.interfaces import INamedFile
from zope.event import notify
from zope.interface.interfaces import ObjectEvent
import re


# Where the applicant's identity is read from in a service form (the action can map
# other field names).
APPLICANT_FIELDS = {
    "name": "applicant_name",
    "id_number": "applicant_id_number",
    "phone": "applicant_phone",
    "email": "applicant_email",
}
AGENCY_FIELD = "receiving_agency"
FORM_ERROR = "__form__"
MARKUP = re.compile(r"<\s*[a-zA-Z/!?]")


class DossierSubmitted(ObjectEvent):
    """A new dossier was received (after it has its code and is indexed)."""


class SubmissionError(ValueError):
    """Refused input: ``errors`` maps field names (or FORM_ERROR) to messages."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)


def check_answers(values, today=None):
    """Field errors of the typed answers: markup in any text answer (names, addresses
    never hold HTML), then the checks by field name (checks/rules.py), the same for
    the browser form and REST."""
    errors = rules.check(values, today=today)
    for name, value in values.items():
        if any(MARKUP.search(text) for text in _texts(value)):
            errors[name] = _("Please do not type HTML or code (the < sign followed by a letter).")
    return errors


def applicant_from(values, mapping=None):
    """The applicant's identity: answers mapped by ``mapping``, then the account."""
    mapping = {**APPLICANT_FIELDS, **(mapping or {})}
    user = api.user.get_current()
    applicant = {key: (values.get(field) or "").strip() for key, field in mapping.items()}
    applicant["userid"] = user.getId()
    if not applicant["name"]:
        applicant["name"] = user.getProperty("fullname", "") or ""
    if not applicant["email"]:
        applicant["email"] = user.getProperty("email", "") or ""
    return applicant, mapping


def check_applicant(applicant, mapping):
    """Errors of the applicant's identity (whatever fields it was read from), with the
    same rules and messages as anybody's ID number, phone and email in the answers;
    the phone is kept as it is dialled in Vietnam (0912345678)."""
    errors = {}
    if not applicant["userid"]:
        errors[FORM_ERROR] = _("Please log in before submitting a dossier.")
    if not applicant["name"]:
        errors[mapping["name"]] = _("Please enter the applicant's full name.")
    problems = (
        ("id_number", identity.id_number_problem, {"today": portal_now().date()}),
        ("phone", contact.phone_problem, {}),
        ("email", contact.email_problem, {}),
    )
    for key, problem, options in problems:
        if applicant[key]:
            message = problem(applicant[key], **options)
            if message is not None:
                errors[mapping[key]] = message
    applicant["phone"] = contact.normalize_phone(applicant["phone"])
    return errors


def agency_for(procedure, values):
    """(code, title) of the receiving agency: chosen in the form, else the procedure's."""
    code = values.get(AGENCY_FIELD) or procedure.implementing_agency or procedure.competent_agency
    if not code:
        return None, None
    brains = api.content.find(portal_type="Agency", catalogue_code=code, unrestricted=True)
    return code, (brains[0].Title if brains else code)


def processing_time(procedure, channel):
    """(amount, unit) for ``channel`` from the procedure's channels; (None, None) if unknown."""
    entries = procedure.channels or []
    for entry in sorted(entries, key=lambda e: e.get("channel") != channel):
        if entry.get("time"):
            return entry["time"], entry.get("time_unit", "working_days")
    return None, None


def due_date(calendar, received, amount, unit, channel):
    """When the result is due: an online dossier's time counts from when it must be
    acknowledged at the latest (``WorkingCalendar.online_due_date``)."""
    if not amount:
        return None
    if channel == "online":
        return calendar.online_due_date(received, amount, unit)
    return calendar.due_date(received, amount, unit)


def prepare_files(uploads):
    """{field: [NamedBlobFile]} from {field: [(filename, bytes) or NamedFile]}; all checked."""
    checked, errors = {}, {}
    for field, items in uploads.items():
        for item in items:
            if INamedFile.providedBy(item):
                filename, data = item.filename, item.data
            else:
                filename, data = item
            try:
                checked.setdefault(field, []).append(check_upload(filename, data))
            except UploadError as error:
                errors[field] = error.message
    return checked, errors


def submit(
    procedure,
    values,
    uploads=None,
    form=None,
    channel="online",
    applicant_mapping=None,
    when=None,
    actor=None,
):
    """Create the dossier for ``values`` (typed answers by field name) and ``uploads``
    ({field: [(filename, bytes)]}). Raises SubmissionError and writes nothing if
    any check fails."""
    values = dict(values)
    applicant, mapping = applicant_from(values, applicant_mapping)
    errors = check_answers(values)
    errors.update(check_applicant(applicant, mapping))
    files, file_errors = prepare_files(uploads or {})
    errors.update(file_errors)
    agency_code, agency_title = agency_for(procedure, values)
    if not agency_code:
        errors[AGENCY_FIELD] = _("Please choose the agency that receives the dossier.")
    # The service's stage: draft takes no online dossier, trial only testers' ones.
    refused = stages.refusal(procedure) if channel == "online" else None
    if refused is not None and FORM_ERROR not in errors:
        errors[FORM_ERROR] = refused
    if errors:
        raise SubmissionError(errors)

    when = when or audit.now()
    portal = api.portal.get()
    store = ensure_store(portal)
    folder = partition_for(store, agency_code, agency_title, when)
    code = new_code(store.counters, agency_code, when.date())
    calendar = calendar_from_registry()
    amount, unit = processing_time(procedure, channel)
    dossier = createContentInContainer(
        folder,
        "Dossier",
        id=code.lower(),
        checkConstraints=False,
        code=code,
        applicant_userid=applicant["userid"],
        applicant_name=applicant["name"],
        applicant_id_number=applicant["id_number"] or None,
        applicant_phone=applicant["phone"] or None,
        applicant_email=applicant["email"] or None,
        procedure_uid=api.content.get_uuid(procedure),
        procedure_code=procedure.code,
        procedure_title=procedure.title,
        agency_code=agency_code,
        agency_title=agency_title,
        channel=channel,
        form_uid=api.content.get_uuid(form) if form is not None else None,
        schema_version=schemas.archive(store, form.fields_model) if form is not None else None,
        received_at=when,
        due_at=due_date(calendar, when, amount, unit, channel),
        acknowledge_by=calendar.acknowledgement_due(when) if channel == "online" else None,
        trial=channel == "online" and stages.stage_of(procedure) == stages.TRIAL,
    )
    file_fields = set(files)
    dossier.answers = PersistentMapping(
        {k: v for k, v in values.items() if k not in file_fields and v is not None}
    )
    for field, blobs in files.items():
        for blob in blobs:
            attach(dossier, "submitted", blob, field=field, actor=applicant["userid"], when=when)
    # The applicant owns the dossier (the citizen's access), whoever typed it in.
    userid = applicant["userid"]
    dossier.manage_setLocalRoles(userid, ["Owner"])
    dossier.changeOwnership(api.user.get(userid=userid).getUser(), recursive=False)
    dossier.setCreators([userid])
    audit.record(dossier, "submitted", actor=actor or userid, when=when)
    dossier.reindexObject()
    notify(DossierSubmitted(dossier))
    return dossier


def attach(dossier, kind, blob, field=None, actor=None, when=None):
    """Add a checked file to the dossier under a unique, URL-safe name."""
    number = len(dossier.files) + 1
    name = f"{number:03d}-{kind}"
    while name in dossier.files:
        number += 1
        name = f"{number:03d}-{kind}"
    dossier.files[name] = Attachment(name, kind, blob, field=field, actor=actor, when=when)
    return dossier.files[name]
