"""The data of a dossier's slips (``dichvucong.dossier.slips.render``), and which slips
a dossier has.

- ``receipt``: always (template 01);
- ``supplement``: once the agency has requested a supplement (template 02);
- ``refusal``: when the dossier was refused (template 03);
- ``apology``: once the agency has apologised with a new date (template 04).
"""

from dichvucong import _
from dichvucong.base.sections import section_url
from dichvucong.dossier import audit
from dichvucong.dossier.views.common import fullname
from plone import api
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory


KINDS = ("receipt", "supplement", "refusal", "apology")
SLIP_TITLES = {
    "receipt": _("Receipt and appointment slip"),
    "supplement": _("Request to supplement and complete the dossier"),
    "refusal": _("Refusal to accept the dossier"),
    "apology": _("Apology and new date for returning the result"),
}
# The history entry that gives a slip its reason and its official.
REASON_ENTRY = {
    "supplement": "request_supplement",
    "refusal": "refuse",
    "apology": "apology",
}


def latest_entry(dossier, action):
    for entry in reversed(dossier.audit):
        if entry["action"] == action:
            return entry
    return None


def applicable_slips(dossier):
    """The kinds of slip this dossier has, in the order of KINDS."""
    kinds = ["receipt"]
    if latest_entry(dossier, "request_supplement") is not None:
        kinds.append("supplement")
    if dossier.status == "refused":
        kinds.append("refusal")
    if latest_entry(dossier, "apology") is not None:
        kinds.append("apology")
    return kinds


def channel_title(dossier, target_language):
    vocabulary = getUtility(IVocabularyFactory, "dichvucong.Channels")(dossier)
    try:
        title = vocabulary.getTerm(dossier.channel).title
    except LookupError:
        return dossier.channel
    return translate(title, target_language=target_language)


def _receiving_official(dossier):
    """Who received the dossier: the official who accepted it, else the official who
    typed in a dossier brought in person."""
    entry = latest_entry(dossier, "accept")
    if entry is not None:
        return entry["actor"]
    entry = latest_entry(dossier, "submitted")
    if entry is not None and entry["actor"] != dossier.applicant_userid:
        return entry["actor"]
    return None


def slip_data(dossier, kind, target_language="vi"):
    """The ``data`` of ``render_slip(kind, data)`` for this dossier."""
    if kind not in KINDS:
        raise ValueError(f"unknown slip kind {kind!r}")
    portal = api.portal.get()
    data = {
        "system_name": api.portal.get_registry_record("plone.site_title", default="") or "",
        "agency_title": dossier.agency_title or dossier.agency_code,
        "dossier_code": dossier.code,
        "trial": bool(dossier.trial),
        "procedure_code": dossier.procedure_code,
        "procedure_title": dossier.procedure_title,
        "applicant_name": dossier.applicant_name,
        "applicant_id_number": dossier.applicant_id_number,
        "applicant_phone": dossier.applicant_phone,
        "applicant_email": dossier.applicant_email,
        "channel_title": channel_title(dossier, target_language),
        "received_at": dossier.received_at,
        "due_at": dossier.due_at,
        "new_due_at": None,
        "documents": [
            a.filename for a in sorted(dossier.files_of("submitted"), key=lambda a: a.name)
        ],
        "reason": None,
        "official_name": None,
        "issued_at": audit.now(),
        "lookup_url": section_url("lookup", portal),
    }
    if kind == "receipt":
        official = _receiving_official(dossier)
    else:
        entry = latest_entry(dossier, REASON_ENTRY[kind])
        official = entry["actor"] if entry is not None else None
        if entry is not None:
            data["reason"] = entry.get("comment") or None
            if kind == "apology":
                data["new_due_at"] = entry.get("new_due")
                # The apology is about the date that was missed.
                data["due_at"] = entry.get("previous_due", dossier.due_at)
    data["official_name"] = fullname(official) or None
    return data
