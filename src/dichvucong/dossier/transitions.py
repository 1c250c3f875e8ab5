"""Side effects of dossier_workflow transitions: required comments, the clock, history."""

from dichvucong import _
from dichvucong.dossier import audit
from dichvucong.dossier.deadlines import calendar_from_registry
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.i18n import translate


# The citizen must be told why: these transitions need a comment (the slip's reason).
COMMENT_REQUIRED = frozenset({"refuse", "request_supplement", "stop"})


def check_comment(dossier, event):
    if event.transition is None or event.transition.id not in COMMENT_REQUIRED:
        return
    comment = (event.kwargs or {}).get("comment") or ""
    if not comment.strip():
        raise WorkflowException(
            translate(
                _("Please give the reason: the applicant receives it with the slip."),
                context=getattr(dossier, "REQUEST", None),
            )
        )


def after_transition(dossier, event):
    if event.transition is None:  # the initial state on creation
        return
    transition = event.transition.id
    when = audit.now()
    comment = (event.kwargs or {}).get("comment") or ""
    if transition == "request_supplement":
        dossier.paused_since = when
    elif transition in ("supplement", "withdraw", "stop") and dossier.paused_since is not None:
        if transition == "supplement" and dossier.due_at is not None:
            dossier.due_at = calendar_from_registry().extend_for_pause(
                dossier.due_at, dossier.paused_since, when
            )
        dossier.paused_since = None
    elif transition == "decide":
        dossier.decided_at = when
    elif transition == "return_result":
        dossier.returned_at = when
    audit.record(dossier, transition, comment=comment, when=when)
    dossier.reindexObject()
