"""What the dossier pages share: formatting, people's names, titles of history entries,
the permission checks and the status messages."""

from AccessControl import getSecurityManager
from dichvucong import _
from dichvucong.base.dates import isoformat
from dichvucong.dossier.content.dossier import CLOSED_STATES
from dichvucong.dossier.files import settings
from dichvucong.dossier.transitions import COMMENT_REQUIRED
from functools import cached_property
from plone import api
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate
import unicodedata


VIEW_INTERNALS = "dichvucong: View dossier internals"
PROCESS = "dichvucong: Process dossier"
SUPPLEMENT = "dichvucong: Supplement dossier"

# Titles of history entries: workflow transitions and the actions of these pages.
ACTION_TITLES = {
    "submitted": _("Dossier submitted"),
    "viewed": _("Dossier opened by staff"),
    "downloaded": _("File downloaded"),
    "note_added": _("Internal note added"),
    "assigned": _("Dossier assigned"),
    "result_uploaded": _("Result document attached"),
    "apology": _("Apology with a new date"),
    "accept": _("Dossier accepted"),
    "refuse": _("Dossier refused"),
    "start_processing": _("Processing started"),
    "request_supplement": _("Supplement requested"),
    "supplement": _("Supplement sent"),
    "request_fees": _("Fees requested"),
    "confirm_fees": _("Fees paid"),
    "decide": _("Decision made"),
    "return_result": _("Result returned"),
    "withdraw": _("Dossier withdrawn"),
    "stop": _("Processing stopped"),
}

# Button labels of the workflow transitions (the workflow's own titles).
TRANSITION_TITLES = {
    "accept": _("Accept"),
    "refuse": _("Refuse"),
    "start_processing": _("Start processing"),
    "request_supplement": _("Request a supplement"),
    "supplement": _("Send the supplement"),
    "request_fees": _("Request fees"),
    "confirm_fees": _("Confirm fees paid"),
    "decide": _("Decide"),
    "return_result": _("Return the result"),
    "withdraw": _("Withdraw"),
    "stop": _("Stop processing"),
}
# What the comment box of a transition asks for.
COMMENT_LABELS = {
    "refuse": _("Reason for refusing (the applicant receives it)"),
    "request_supplement": _("What the applicant must add or correct"),
    "stop": _("Reason for stopping (the applicant receives it)"),
    "withdraw": _("Reason for withdrawing (optional)"),
}
DEFAULT_COMMENT_LABEL = _("Comment (optional)")
# Transitions whose button asks for confirmation with a warning style.
DANGEROUS = frozenset({"refuse", "stop", "withdraw"})


def iso(moment):
    """For ``<time datetime>``: ISO 8601 in the portal's zone, "" for None."""
    return isoformat(moment) or ""


def fullname(userid, cache=None):
    """The user's full name, else the user id ("" for none)."""
    if not userid:
        return ""
    if cache is not None and userid in cache:
        return cache[userid]
    user = api.user.get(userid=userid)
    name = (user.getProperty("fullname", "") if user is not None else "") or userid
    if cache is not None:
        cache[userid] = name
    return name


def no_store(response):
    """Personal data: kept by no cache, shared or private (kiosk computers)."""
    response.setHeader("Cache-Control", "private, no-store")


def has_permission(permission, obj):
    return bool(getSecurityManager().checkPermission(permission, obj))


def ascii_filename(name):
    """A plain-ASCII stand-in for a file name, for the old ``filename=`` parameter."""
    text = unicodedata.normalize("NFKD", name or "")
    text = text.replace("\u0111", "d").replace("\u0110", "D")
    text = "".join(c for c in text if 32 <= ord(c) < 127 and c not in '"\\;')
    return text.strip() or "file"


# --- Views --------------------------------------------------------------------------


class DossierMixin:
    """Helpers of every dossier page (``self.context`` is the dossier)."""

    @cached_property
    def portal_workflow(self):
        return api.portal.get_tool("portal_workflow")

    @cached_property
    def dossier_url(self):
        return self.context.absolute_url()

    @cached_property
    def userid(self):
        return api.user.get_current().getId()

    @cached_property
    def staff(self):
        return has_permission(VIEW_INTERNALS, self.context)

    @cached_property
    def can_process(self):
        return has_permission(PROCESS, self.context)

    @cached_property
    def is_owner(self):
        user = getSecurityManager().getUser()
        return "Owner" in (user.getRolesInContext(self.context) or ())

    @cached_property
    def _names(self):
        return {}

    def fullname(self, userid):
        return fullname(userid, self._names)

    @cached_property
    def allowed_transitions(self):
        """{id: title} of the transitions the current user may do now (guards included)."""
        return {
            t["id"]: TRANSITION_TITLES.get(t["id"], t.get("title") or t["id"])
            for t in self.portal_workflow.getTransitionsFor(self.context)
        }

    def transition_forms(self):
        """The transitions offered as buttons (the supplement has its own form)."""
        return [
            {
                "id": tid,
                "title": title,
                "required": tid in COMMENT_REQUIRED,
                "comment_label": COMMENT_LABELS.get(tid, DEFAULT_COMMENT_LABEL),
                "danger": tid in DANGEROUS,
            }
            for tid, title in self.allowed_transitions.items()
            if tid != "supplement"
        ]

    @cached_property
    def can_supplement(self):
        return "supplement" in self.allowed_transitions and has_permission(SUPPLEMENT, self.context)

    @cached_property
    def closed(self):
        return self.context.status in CLOSED_STATES

    def accepted_types(self):
        """The file types an upload accepts (the ``accept`` attribute of file inputs)."""
        return ",".join(f".{extension}" for extension in settings()[1])

    def upload_hint(self):
        max_mb, extensions = settings()
        return _(
            "Accepted types: ${types}. At most ${limit} MB per file.",
            mapping={"types": ", ".join(extensions), "limit": max_mb},
        )

    def message(self, text, kind="info"):
        IStatusMessage(self.request).add(translate(text, context=self.request), type=kind)

    def translate(self, msgid):
        return translate(msgid, context=self.request)
