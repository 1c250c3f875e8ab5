"""Dossier statuses as people read them: titles (the national names) and what happens
next, said to the one who must act: the citizen (``NEXT_STEPS``, addressed politely) or the
officials of the agency (``STAFF_NEXT_STEPS``). Keys are dossier_workflow state ids."""

from dichvucong import _
from dichvucong.dossier.content.dossier import STATUS_CODES
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


TITLES = {
    "new": _("status_new", default="Newly submitted"),
    "accepted": _("status_accepted", default="Accepted"),
    "refused": _("status_refused", default="Refused"),
    "processing": _("status_processing", default="Processing"),
    "supplement_requested": _("status_supplement_requested", default="Supplement requested"),
    "fees_due": _("status_fees_due", default="Fees or obligations due"),
    "withdrawn": _("status_withdrawn", default="Withdrawn by the applicant"),
    "stopped": _("status_stopped", default="Processing stopped"),
    "decided": _("status_decided", default="Decided, awaiting return"),
    "returned": _("status_returned", default="Result returned"),
}

NEXT_STEPS = {
    "new": _("The agency checks your dossier within 8 working hours."),
    "accepted": _("Your dossier has been accepted and will be processed."),
    "refused": _("Your dossier was refused; the reason is in the refusal slip."),
    "processing": _("The agency is processing your dossier."),
    "supplement_requested": _(
        "The agency needs more documents: read the request and send the supplement."
    ),
    "fees_due": _("Pay the fees shown by the agency; processing continues after payment."),
    "withdrawn": _("You withdrew this dossier."),
    "stopped": _("The agency stopped processing this dossier; the reason is in its history."),
    "decided": _("The result is ready and will be returned to you."),
    "returned": _("The result has been returned. Please rate the service."),
}

# What the officials of the agency (and leaders) read: who acts next, from their side.
STAFF_NEXT_STEPS = {
    "new": _("Check the dossier: accept it, or refuse it with a reason, within 8 working hours."),
    "accepted": _("Start processing the dossier."),
    "refused": _("The dossier was refused; the applicant received the reason."),
    "processing": _(
        "Process the dossier: decide, or ask the applicant for a supplement or for fees."
    ),
    "supplement_requested": _(
        "The applicant must add documents; the deadline is paused until they arrive."
    ),
    "fees_due": _("The applicant must pay the fees; confirm the payment to continue."),
    "withdrawn": _("The applicant withdrew this dossier."),
    "stopped": _("Processing was stopped; the reason is in the history."),
    "decided": _("Attach the result document and return the result to the applicant."),
    "returned": _("The result was returned to the applicant."),
}


@provider(IVocabularyFactory)
def dossier_statuses(context):
    return SimpleVocabulary([SimpleTerm(state, state, title) for state, title in TITLES.items()])


_STATES = set(STATUS_CODES)
if not set(TITLES) == _STATES == set(NEXT_STEPS) == set(STAFF_NEXT_STEPS):  # pragma: no cover
    raise ImportError("dossier statuses: titles, codes and next steps must cover every state")
