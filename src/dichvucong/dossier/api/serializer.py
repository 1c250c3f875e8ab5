"""GET <dossier>: plone.restapi's content serialisation of a dossier, completed.

Adds what the dossier keeps outside its schema (answers, files, history) and what
people read first (status, national codes, deadline flag). The applicant's contact
data (ID number, phone, email) is shown to the applicant and to staff with
"dichvucong: View dossier internals", blanked for anybody else who can view.
"""

from dichvucong.dossier import audit
from dichvucong.dossier.api.common import json_safe
from dichvucong.dossier.api.common import status_title
from dichvucong.dossier.content.dossier import CLOSED_STATES
from dichvucong.dossier.content.dossier import IDossier
from dichvucong.dossier.deadlines import calendar_from_registry
from dichvucong.dossier.deadlines import deadline_flag
from dichvucong.dossier.submission import APPLICANT_FIELDS
from dichvucong.interfaces import IDichvucongLayer
from plone import api
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeToJson
from zope.component import adapter
from zope.interface import implementer


VIEW_INTERNALS = "dichvucong: View dossier internals"
# Schema fields holding the applicant's contact data.
PERSONAL = ("applicant_id_number", "applicant_phone", "applicant_email")
# The answers they are read from when the form has the default field names.
PERSONAL_ANSWERS = tuple(APPLICANT_FIELDS[key] for key in ("id_number", "phone", "email"))


def sees_personal_data(dossier, internals):
    return internals or api.user.get_current().getId() == dossier.applicant_userid


def due_flag(dossier):
    """Deadline flag while the clock runs; None when closed, paused or due date unknown."""
    if dossier.status in CLOSED_STATES or dossier.paused_since is not None:
        return None
    return deadline_flag(dossier.due_at, audit.now(), calendar=calendar_from_registry())


def file_info(dossier, attachment):
    return {
        "name": attachment.name,
        "kind": attachment.kind,
        "field": attachment.field,
        "filename": attachment.filename,
        "size": attachment.size,
        "when": json_safe(attachment.when),
        "download": f"{dossier.absolute_url()}/@@dossier-file/{attachment.name}",
    }


def history_entry(entry, internals):
    data = {key: json_safe(value) for key, value in entry.items()}
    if not internals:
        data.pop("actor", None)
    return data


@implementer(ISerializeToJson)
@adapter(IDossier, IDichvucongLayer)
class SerializeDossierToJson(SerializeToJson):
    def __call__(self, version=None, include_items=True, include_expansion=True):
        result = super().__call__(
            version=version, include_items=include_items, include_expansion=include_expansion
        )
        dossier = self.context
        internals = api.user.has_permission(VIEW_INTERNALS, obj=dossier)
        answers = {key: json_safe(value) for key, value in dossier.answers.items()}
        if not sees_personal_data(dossier, internals):
            for key in PERSONAL:
                result[key] = None
            for key in PERSONAL_ANSWERS:
                answers.pop(key, None)
        state = dossier.status
        result.update(
            {
                "status": state,
                "status_code": dossier.status_code,
                "status_title": status_title(state, self.request),
                "channel_code": dossier.channel_code,
                "answers": answers,
                "files": [file_info(dossier, a) for a in dossier.files.values()],
                "history": [history_entry(e, internals) for e in audit.entries(dossier, internals)],
                "due_flag": due_flag(dossier),
                "paused_since": json_safe(dossier.paused_since),
                "decided_at": json_safe(dossier.decided_at),
                "returned_at": json_safe(dossier.returned_at),
            }
        )
        return result
