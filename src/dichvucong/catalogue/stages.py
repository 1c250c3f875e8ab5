"""A service's online stage (docs/services.md): draft, trial or official.

A service is a procedure with its online form. While it is a **draft** nobody submits
online (the procedure page says online submission is coming); in **trial** only the
people with "dichvucong: Submit to a service in trial" do (the service testers' group
and officials: they "play the citizen"); once **official**, everyone logged in.

The stage is the procedure's ``online_stage`` field. A procedure that never had one
(made before stages existed) is official: nothing that ran stops. Every change of the
stored value, whichever door it comes through (the ``@@service-stage`` form, the
catalogue import, REST), is recorded on the procedure: who, when, from, to. Notes the
testers add to their trial dossiers ("what I checked") are kept beside it; who played
the citizen and when is read from the catalog (dossier.reporting), not stored twice.
"""

from AccessControl import getSecurityManager
from dichvucong import _
from dichvucong.base.dates import portal_now
from dichvucong.base.dates import storable
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


DRAFT = "draft"
TRIAL = "trial"
OFFICIAL = "official"
STAGES = (
    (DRAFT, _("Draft: not open for online submission")),
    (TRIAL, _("Trial: only testers and officials submit")),
    (OFFICIAL, _("Official: open to everyone")),
)
STAGE_CODES = tuple(code for code, _title in STAGES)
# Procedures made before stages existed, and new ones, are official (see the module).
DEFAULT_STAGE = OFFICIAL
# Who may submit while a service is in trial (rolemap.xml: Service Tester, Official,
# Site Administrator, Manager).
TRIAL_PERMISSION = "dichvucong: Submit to a service in trial"
# Who switches a service's stage (@@service-stage, the field through REST).
CHANGE_PERMISSION = "dichvucong: Change service stage"
ANNOTATION_KEY = "dichvucong.service_stage"


@provider(IVocabularyFactory)
def service_stages(context):
    """The named vocabulary ``dichvucong.ServiceStages``."""
    return SimpleVocabulary([SimpleTerm(code, code, title) for code, title in STAGES])


def stage_of(procedure):
    """The procedure's stage; official when it has none (or an unknown one)."""
    stage = getattr(procedure, "online_stage", None)
    return stage if stage in STAGE_CODES else DEFAULT_STAGE


def may_submit(procedure):
    """May the current user submit a dossier to this service at its stage?"""
    stage = stage_of(procedure)
    if stage == OFFICIAL:
        return True
    if stage == TRIAL:
        return bool(getSecurityManager().checkPermission(TRIAL_PERMISSION, procedure))
    return False


def is_tester(procedure):
    """Does the current user submit to this service as a tester (it is in trial)?"""
    return stage_of(procedure) == TRIAL and may_submit(procedure)


def _now():
    return storable(portal_now())


def _record(procedure, create=True):
    annotations = IAnnotations(procedure)
    record = annotations.get(ANNOTATION_KEY)
    if record is None and create:
        record = annotations[ANNOTATION_KEY] = PersistentMapping(
            {"history": PersistentList(), "notes": PersistentMapping()}
        )
    return record


def record_switch(procedure, old, new, when=None):
    """Keep who changed the stage, when, from and to (the procedure's setter calls it)."""
    user = api.user.get_current()
    _record(procedure)["history"].append(
        {
            "when": when or _now(),
            "who": user.getId() if user is not None else None,
            "from": old,
            "to": new,
        }
    )


def history(procedure):
    """The recorded switches, oldest first: [{when, who, from, to}]."""
    record = _record(procedure, create=False)
    return [dict(entry) for entry in record["history"]] if record else []


def notes(procedure):
    """{dossier code: {note, who, when}}: what testers checked with a trial dossier."""
    record = _record(procedure, create=False)
    return {code: dict(note) for code, note in record["notes"].items()} if record else {}


def set_note(procedure, code, text, when=None):
    """Keep (or, with an empty text, remove) the current user's note on trial dossier
    ``code`` of this procedure."""
    record = _record(procedure)
    text = (text or "").strip()
    if not text:
        record["notes"].pop(code, None)
        return
    record["notes"][code] = PersistentMapping(
        {"note": text, "who": api.user.get_current().getId(), "when": when or _now()}
    )


TRIAL_REFUSAL = _(
    "This service is being tried out and does not take citizens' dossiers yet. Please "
    "come back later, or submit your dossier another way: in person or by post."
)
DRAFT_REFUSAL = _(
    "This service does not take dossiers online yet. Please submit your dossier in "
    "person or by post."
)


def refusal(procedure):
    """Why the current user may not submit online to this service, or None."""
    if may_submit(procedure):
        return None
    return TRIAL_REFUSAL if stage_of(procedure) == TRIAL else DRAFT_REFUSAL
