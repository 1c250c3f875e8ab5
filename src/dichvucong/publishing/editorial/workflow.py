"""communications_workflow: its names, the required reason, and its history as people read it."""

from dichvucong import _
from dichvucong.base.dates import format_datetime
from dichvucong.base.dates import isoformat
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.i18n import translate


WORKFLOW_ID = "communications_workflow"
# Writers must know what to fix: sending an item back needs a reason.
COMMENT_REQUIRED = frozenset({"reject"})
REASON_REQUIRED = _(
    "Please write the reason for sending this item back: its writers read it to know what to fix."
)
# The longest comment kept (a reason, not a document).
MAX_COMMENT = 2000

PUBLISH_PERMISSION = "dichvucong: Publish communication"

# State and transition titles of the workflow, for our own pages (the toolbar shows the
# workflow's titles through Plone's catalogue).
STATE_TITLES = {
    "draft": _("Internal draft"),
    "pending": _("Pending review"),
    "published": _("Published"),
    "archived": _("Archived"),
}
ACTION_TITLES = {
    "submit": _("Submit for publication"),
    "retract": _("Retract"),
    "publish": _("Publish"),
    "reject": _("Send back"),
    "archive": _("Archive"),
    "republish": _("Publish again"),
    "redraft": _("Promote to Draft"),
}


def uses_workflow(obj):
    """True if ``obj`` itself follows communications_workflow."""
    chain = api.portal.get_tool("portal_workflow").getChainFor(obj)
    return WORKFLOW_ID in chain


def bound_types():
    """Portal types whose chain includes communications_workflow."""
    tool = api.portal.get_tool("portal_workflow")
    return sorted(type_id for type_id, chain in tool.listChainOverrides() if WORKFLOW_ID in chain)


def check_comment(obj, event):
    """Refuse a transition that needs a reason when none is given (nothing changes)."""
    if event.workflow is None or event.workflow.getId() != WORKFLOW_ID:
        return
    if event.transition is None or event.transition.id not in COMMENT_REQUIRED:
        return
    comment = (event.kwargs or {}).get("comment") or ""
    if not comment.strip():
        raise WorkflowException(translate(REASON_REQUIRED, context=getattr(obj, "REQUEST", None)))


def history(obj):
    """The item's communications_workflow history, oldest first (read without the
    review_history guard: callers check who may see it)."""
    entries = getattr(obj, "workflow_history", {}).get(WORKFLOW_ID, ())
    return list(entries)


def fullname(userid):
    if not userid:
        return ""
    user = api.user.get(userid=userid)
    if user is None:
        return userid
    return user.getProperty("fullname") or userid


def _when(entry):
    moment = entry.get("time")
    return moment.asdatetime() if moment is not None else None


def describe(entry, request):
    """A history entry as people read it."""
    action = entry.get("action") or ""
    title = ACTION_TITLES.get(action)
    when = _when(entry)
    return {
        "action": action,
        "action_title": translate(title, context=request) if title else action,
        "actor": fullname(entry.get("actor")),
        "when": format_datetime(when, request),
        "when_iso": isoformat(when) or "",
        "comment": (entry.get("comments") or "").strip(),
    }


def latest_comment(obj):
    """The latest history entry that carries a comment (None if none does)."""
    for entry in reversed(history(obj)):
        if (entry.get("comments") or "").strip():
            return entry
    return None


def last_submission(obj):
    """The entry of the latest submission for review (None if never submitted)."""
    for entry in reversed(history(obj)):
        if entry.get("action") == "submit":
            return entry
    return None


def allowed_transitions(obj):
    """{transition id: title} the current user may perform on ``obj`` now."""
    tool = api.portal.get_tool("portal_workflow")
    return {info["id"]: info["title"] for info in tool.getTransitionsFor(obj)}
