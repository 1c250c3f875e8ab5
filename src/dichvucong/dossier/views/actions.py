"""What people do on a dossier: workflow transitions, the citizen's supplement, the
officials' notes, assignment, result documents and apologies.

Every change happens on POST with a valid ``_authenticator`` token (plone.protect);
a GET shows a form or goes back to the dossier and changes nothing. A refused request
changes nothing either: every check comes before the first write.
"""

from datetime import date
from datetime import datetime
from datetime import time
from dichvucong import _
from dichvucong.base.dates import format_date
from dichvucong.base.dates import format_datetime
from dichvucong.base.dates import portal_timezone
from dichvucong.base.dates import storable
from dichvucong.dossier import audit
from dichvucong.dossier.files import UploadError
from dichvucong.dossier.files import check_upload
from dichvucong.dossier.notifications.applicant import notify_applicant
from dichvucong.dossier.storage import officials_group_id
from dichvucong.dossier.submission import attach
from dichvucong.dossier.transitions import COMMENT_REQUIRED
from dichvucong.dossier.views.common import DossierMixin
from dichvucong.dossier.views.common import no_store
from persistent.mapping import PersistentMapping
from plone import api
from plone.protect import CheckAuthenticator
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate
import re


MAX_TEXT = 5000
DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
# Where the new date of an apology falls: the end of office hours.
APOLOGY_TIME = time(17, 0)

NOT_ALLOWED = _("You cannot do this on this dossier now. Nothing was changed.")
UPDATED = _("The dossier has been updated: ${action}.")
FIX_FIELDS = _("Please correct the marked fields.")


class ActionError(Exception):
    """A refused request: ``message`` for the page, ``fields`` {name: message}."""

    def __init__(self, message, fields=None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


def _text(request, name):
    value = request.form.get(name, "")
    if isinstance(value, list):
        value = value[0] if value else ""
    return value.strip() if isinstance(value, str) else ""


def _uploads(request, name):
    """The non-empty file uploads of field ``name`` (one or a list)."""
    value = request.form.get(name)
    if value is None:
        return []
    items = value if isinstance(value, list | tuple) else [value]
    return [item for item in items if getattr(item, "filename", None)]


def _read(upload):
    if hasattr(upload, "seek"):
        upload.seek(0)
    return upload.read()


def parse_date(text):
    """dd/mm/yyyy (or yyyy-mm-dd, as date inputs send it) -> date; None if invalid."""
    match = DATE.match(text or "")
    try:
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
        match = ISO_DATE.match(text or "")
        if match:
            return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
    return None


class _Page(DossierMixin, BrowserView):
    forms = ViewPageTemplateFile("templates/forms.pt")

    def __init__(self, context, request):
        super().__init__(context, request)
        no_store(request.response)

    @property
    def is_post(self):
        return self.request.get("REQUEST_METHOD", "GET").upper() == "POST"

    def done(self, message, anchor=""):
        self.message(message, "info")
        self.request.response.redirect(self.dossier_url + anchor, status=303)
        return ""

    def refused(self):
        """The user may not do this now: say so, change nothing (403)."""
        self.message(NOT_ALLOWED, "error")
        self.request.response.setStatus(403)
        return self.index()

    def failed(self, error, status=400):
        self.error = error.message
        self.field_errors = error.fields
        self.request.response.setStatus(status)
        return self.index()


class TransitionView(_Page):
    """@@dossier-transition?transition=<id>: confirm (GET) and do (POST) a transition."""

    index = ViewPageTemplateFile("templates/transition.pt")

    @property
    def transition(self):
        return _text(self.request, "transition")

    def form(self):
        """The transition's form data for the forms.pt macro."""
        for item in self.transition_forms():
            if item["id"] == self.transition:
                return item
        return None

    def title(self):
        return self.allowed_transitions.get(self.transition)

    def __call__(self):
        if self.is_post:
            CheckAuthenticator(self.request)
        transition = self.transition
        if transition == "supplement" and self.can_supplement:
            # The supplement brings files: it has its own form.
            self.request.response.redirect(f"{self.dossier_url}/@@dossier-supplement", status=303)
            return ""
        if transition not in self.allowed_transitions:
            return self.refused()
        if not self.is_post:
            return self.index()
        comment = _text(self.request, "comment")[:MAX_TEXT]
        if transition in COMMENT_REQUIRED and not comment:
            message = _("Please give the reason: the applicant receives it with the slip.")
            return self.failed(ActionError(FIX_FIELDS, {"comment": message}))
        try:
            # A refusal (guard, required comment) is raised before anything changes.
            self.portal_workflow.doActionFor(self.context, transition, comment=comment)
        except WorkflowException as error:
            return self.failed(ActionError(str(error) or NOT_ALLOWED))
        return self.done(
            _(UPDATED, mapping={"action": translate(self.title(), context=self.request)})
        )


class SupplementView(_Page):
    """@@dossier-supplement: the citizen sends the documents and the answer the agency
    asked for; all files are checked before anything is kept."""

    index = ViewPageTemplateFile("templates/supplement.pt")

    def request_text(self):
        """The agency's latest request, to read while preparing the supplement."""
        for entry in reversed(self.context.audit):
            if entry["action"] == "request_supplement":
                return {
                    "lines": (entry.get("comment") or "").splitlines(),
                    "when": format_datetime(entry["when"]),
                }
        return None

    def __call__(self):
        if self.is_post:
            CheckAuthenticator(self.request)
        if not self.can_supplement:
            return self.refused()
        if not self.is_post:
            return self.index()
        message = _text(self.request, "message")[:MAX_TEXT]
        uploads = _uploads(self.request, "files")
        if not uploads and not message:
            text = _("Please attach the documents asked for, or write your answer.")
            return self.failed(ActionError(FIX_FIELDS, {"files": text}))
        blobs, problems = [], []
        for upload in uploads:
            try:
                blobs.append(check_upload(upload.filename, _read(upload)))
            except UploadError as error:
                problems.append(
                    f"{upload.filename}: {translate(error.message, context=self.request)}"
                )
        if problems:
            text = _("Nothing was sent: please fix the files below and send them again.")
            return self.failed(ActionError(text, {"files": "; ".join(problems)}))
        when = audit.now()
        attached = [
            attach(self.context, "supplement", blob, actor=self.userid, when=when).name
            for blob in blobs
        ]
        try:
            self.portal_workflow.doActionFor(self.context, "supplement", comment=message)
        except WorkflowException as error:
            # All or nothing: the files go if the workflow still says no.
            for name in attached:
                del self.context.files[name]
            return self.failed(ActionError(str(error) or NOT_ALLOWED))
        return self.done(_("Your supplement has been sent to the agency."))


class _StaffAction(_Page):
    """An official's action (``dichvucong: Process dossier``): POST only."""

    index = ViewPageTemplateFile("templates/action.pt")
    anchor = ""
    macro = ""
    title = ""

    def __call__(self):
        if not self.is_post:
            self.request.response.redirect(f"{self.dossier_url}#{self.anchor}", status=303)
            return ""
        CheckAuthenticator(self.request)
        try:
            message = self.apply()
        except ActionError as error:
            return self.failed(error)
        return self.done(message, f"#{self.anchor}")

    def apply(self):
        raise NotImplementedError


class NoteView(_StaffAction):
    """@@dossier-note: an internal note (text), seen by staff only."""

    anchor = "dvc-notes"
    macro = "note"
    title = _("Add an internal note")

    def apply(self):
        text = _text(self.request, "text")
        if not text:
            message = _("Please write the note.")
            raise ActionError(FIX_FIELDS, {"text": message})
        note = PersistentMapping(
            {"when": audit.now(), "actor": self.userid, "text": text[:MAX_TEXT]}
        )
        self.context.notes.append(note)
        audit.record(self.context, "note_added", public=False)
        return _("The note has been added.")


class AssignView(_StaffAction):
    """@@dossier-assign: the specialist in charge, one of the agency's officials."""

    anchor = "dvc-assignment"
    macro = "assign"
    title = _("Assign the dossier")

    def apply(self):
        userid = _text(self.request, "assignee")
        if userid:
            group = officials_group_id(self.context.agency_code)
            members = (
                {user.getId() for user in api.user.get_users(groupname=group)}
                if (api.group.get(groupname=group) is not None)
                else set()
            )
            if userid not in members:
                message = _("Please choose an official of the receiving agency.")
                raise ActionError(FIX_FIELDS, {"assignee": message})
        if userid == (self.context.assignee or ""):
            return _("The assignment has not changed.")
        self.context.assignee = userid or None
        audit.record(self.context, "assigned", public=False, assignee=userid or None)
        self.context.reindexObject()
        if not userid:
            return _("The dossier is no longer assigned.")
        return _(
            "The dossier has been assigned to ${name}.", mapping={"name": self.fullname(userid)}
        )


class ResultView(_StaffAction):
    """@@dossier-result: attach one result document (checked like every upload)."""

    anchor = "dvc-files"
    macro = "result"
    title = _("Attach a result document")

    def apply(self):
        uploads = _uploads(self.request, "file")
        if not uploads:
            message = _("Please choose the file of the result.")
            raise ActionError(FIX_FIELDS, {"file": message})
        upload = uploads[0]
        try:
            blob = check_upload(upload.filename, _read(upload))
        except UploadError as error:
            raise ActionError(FIX_FIELDS, {"file": error.message}) from None
        attachment = attach(self.context, "result", blob, actor=self.userid, when=audit.now())
        audit.record(self.context, "result_uploaded", public=True, file=attachment.name)
        return _("The result document has been attached.")


class ApologyView(_StaffAction):
    """@@dossier-apology: apologise for a delay and set the new date (template 04)."""

    anchor = "dvc-apology"
    macro = "apology"
    title = _("Apologise and set a new date")

    def apply(self):
        reason = _text(self.request, "reason")[:MAX_TEXT]
        day = parse_date(_text(self.request, "new_date"))
        fields = {}
        if not reason:
            fields["reason"] = _("Please give the reason for the delay.")
        if day is None:
            fields["new_date"] = _("Please enter the new date as dd/mm/yyyy.")
        elif day <= audit.now().date():
            fields["new_date"] = _(
                "The new date must be after today (${today}).",
                mapping={"today": format_date(audit.now())},
            )
        if fields:
            raise ActionError(FIX_FIELDS, fields)
        previous = self.context.due_at
        new_due = storable(datetime.combine(day, APOLOGY_TIME, portal_timezone()))
        self.context.due_at = new_due
        audit.record(
            self.context,
            "apology",
            comment=reason,
            public=True,
            new_due=new_due,
            previous_due=previous,
        )
        # The applicant gets the apology and the new date by email / SMS.
        notify_applicant(self.context, "apology", comment=reason, new_due_at=new_due)
        self.context.reindexObject()
        return _(
            "The apology has been recorded; the new date is ${date}.",
            mapping={"date": format_date(day)},
        )
