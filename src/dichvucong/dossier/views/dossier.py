"""@@dossier_view: one dossier as the applicant and the officials read it.

Everyone who may view the dossier sees its header, what happens next, the answers (with
the labels of the form it was submitted with), the files, the slips and the public
history. Staff (``dichvucong: View dossier internals``) also see the applicant's
personal data, the internal notes, the assignee and the internal history; an official
opening the page is recorded in the history (internal entry ``viewed``).
"""

from dichvucong import _
from dichvucong.base.dates import format_date
from dichvucong.base.dates import format_datetime
from dichvucong.dossier import audit
from dichvucong.dossier import schemas
from dichvucong.dossier import statuses
from dichvucong.dossier.deadlines import calendar_from_registry
from dichvucong.dossier.display import answer_rows
from dichvucong.dossier.forms.apology import ApologyForm
from dichvucong.dossier.forms.assign import AssignForm
from dichvucong.dossier.forms.note import NoteForm
from dichvucong.dossier.forms.result import ResultForm
from dichvucong.dossier.forms.supplement import SupplementForm
from dichvucong.dossier.forms.transition import CONFIRM_FIRST
from dichvucong.dossier.forms.transition import TransitionForm
from dichvucong.dossier.notifications.rating import can_rate
from dichvucong.dossier.storage import get_store
from dichvucong.dossier.views.answers import visible_answers
from dichvucong.dossier.views.common import ACTION_TITLES
from dichvucong.dossier.views.common import DossierMixin
from dichvucong.dossier.views.common import has_permission
from dichvucong.dossier.views.common import iso
from dichvucong.dossier.views.common import no_store
from dichvucong.dossier.views.slip_data import SLIP_TITLES
from dichvucong.dossier.views.slip_data import applicable_slips
from functools import cached_property
from plone.app.uuid.utils import uuidToObject
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory


FILE_KINDS = (
    ("submitted", _("Submitted documents")),
    ("supplement", _("Supplementary documents")),
    ("result", _("Result documents")),
)
FLAG_TITLES = {
    "overdue": _("Overdue"),
    "due_soon": _("Due soon"),
    "on_time": _("On time"),
}
FLAG_CLASSES = {
    "overdue": "badge text-bg-danger",
    "due_soon": "badge text-bg-warning",
    "on_time": "badge text-bg-success",
}
# Transitions whose comment is the agency's message to the applicant.
REASON_ACTIONS = ("request_supplement", "refuse", "stop")
REASON_TITLES = {
    "request_supplement": _("What the agency asks you to add"),
    "refuse": _("Reason for refusal"),
    "stop": _("Reason for stopping"),
}
# Where the result is returned, and who may return it (dossier_workflow).
RETURN_STATE = "decided"
RETURN_PERMISSION = "dichvucong: Return result"
# The forms this page shows in place (each is also a page of its own).
FORMS = {
    "supplement": SupplementForm,
    "note": NoteForm,
    "assign": AssignForm,
    "result": ResultForm,
    "apology": ApologyForm,
}


class DossierView(DossierMixin, BrowserView):
    """The default view of a Dossier."""

    def form(self, name):
        """The HTML of the form ``name`` (see FORMS), empty and ready to fill."""
        return FORMS[name](self.context, self.request).render_in_place()

    # Transitions offered as a button to their confirmation page (GET, changes nothing).
    confirm_first = CONFIRM_FIRST

    def transition_form(self, transition):
        return TransitionForm(self.context, self.request, transition).render_in_place()

    def can_rate(self):
        """The applicant may rate the service once the result is returned."""
        return can_rate(self.context)

    def __call__(self):
        self.record_view()
        no_store(self.request.response)
        return self.index()

    def record_view(self):
        """An official opening the dossier leaves an internal trace in the audit, once
        per working session (``audit.VIEW_WINDOW``): reloads add nothing."""
        if self.staff and not self.is_owner:
            audit.record_view(self.context)

    # --- Header -----------------------------------------------------------------

    def header(self):
        dossier = self.context
        state = dossier.status
        return {
            "code": dossier.code,
            "procedure_title": dossier.procedure_title,
            "procedure_code": dossier.procedure_code,
            "procedure_url": self.procedure_url(),
            "state": state,
            "status_title": statuses.TITLES.get(state, state),
            # The national status code is the officials' vocabulary, not the citizen's.
            "status_code": dossier.status_code if self.staff else None,
            "received": format_datetime(dossier.received_at),
            "received_iso": iso(dossier.received_at),
            "due": format_datetime(dossier.due_at),
            "due_iso": iso(dossier.due_at),
            "agency_title": dossier.agency_title or dossier.agency_code,
            "channel_title": self.channel_title(),
            "applicant_name": dossier.applicant_name,
            "paused": dossier.paused_since is not None,
            # While new: when it must be accepted or sent back (8 working hours).
            "acknowledge_by": format_datetime(dossier.acknowledge_by) if state == "new" else "",
            # Submitted while its service was in trial.
            "trial": bool(dossier.trial),
            "trial_note_url": self.trial_note_url(),
        }

    def trial_note_url(self):
        """Where the tester who sent this trial dossier notes what they checked (the
        service's trial checklist, forms/service_stage.py)."""
        if not (self.context.trial and self.is_owner):
            return None
        url = self.procedure_url()
        return f"{url}/@@trial-note?{urlencode({'code': self.context.code})}" if url else None

    def procedure_url(self):
        procedure = uuidToObject(self.context.procedure_uid) if self.context.procedure_uid else None
        return procedure.absolute_url() if procedure is not None else None

    def channel_title(self):
        channel = self.context.channel
        vocabulary = getUtility(IVocabularyFactory, "dichvucong.Channels")(self.context)
        try:
            return vocabulary.getTerm(channel).title
        except LookupError:
            return channel

    def due_flag(self):
        """For staff: {code, title, css} of the deadline, None when it does not apply."""
        dossier = self.context
        if not self.staff or self.closed or dossier.paused_since is not None:
            return None
        code = calendar_from_registry().deadline_flag(dossier.due_at, audit.now())
        if code is None:
            return None
        return {"code": code, "title": FLAG_TITLES[code], "css": FLAG_CLASSES[code]}

    def next_step(self):
        """What happens next, said to the one who reads it: staff read what the agency
        must do, the citizen what she must do or wait for."""
        steps = statuses.STAFF_NEXT_STEPS if self.staff else statuses.NEXT_STEPS
        return steps.get(self.context.status)

    def reason(self):
        """The agency's latest message to the applicant (supplement request, refusal,
        stop) while the dossier is in the state it led to."""
        expected = {
            "supplement_requested": "request_supplement",
            "refused": "refuse",
            "stopped": "stop",
        }.get(self.context.status)
        if expected is None:
            return None
        for entry in reversed(self.context.audit):
            if entry["action"] == expected and entry.get("comment"):
                return {
                    "title": REASON_TITLES[expected],
                    "lines": entry["comment"].splitlines() or [entry["comment"]],
                    "when": format_datetime(entry["when"]),
                }
        return None

    # --- Body -------------------------------------------------------------------

    def answers(self):
        """The applicant's answers, without the form's internal fields (honeypot,
        hidden and server-side fields)."""
        store = get_store()
        fields = schemas.fields_of(store, self.context.schema_version) if store else []
        answers = visible_answers(self.context.answers or {}, fields)
        return answer_rows(answers, fields, self.context)

    @cached_property
    def _field_titles(self):
        store = get_store()
        fields = schemas.fields_of(store, self.context.schema_version) if store else []
        return {name: field.title for name, field in fields}

    def files(self):
        """[{kind, title, files: [{name, filename, size, when, url, field}]}], kinds in order."""
        groups = []
        for kind, title in FILE_KINDS:
            attachments = sorted(
                self.context.files_of(kind), key=lambda a: (a.when is None, a.when, a.name)
            )
            if not attachments:
                continue
            groups.append(
                {
                    "kind": kind,
                    "title": title,
                    "files": [
                        {
                            "name": a.name,
                            "filename": a.filename,
                            "size": _size(a.size),
                            "when": format_datetime(a.when),
                            "field": self._field_titles.get(a.field, a.field) if a.field else "",
                            "url": f"{self.dossier_url}/@@dossier-file/{a.name}",
                        }
                        for a in attachments
                    ],
                }
            )
        return groups

    def slips(self):
        return [
            {
                "kind": kind,
                "title": SLIP_TITLES[kind],
                "url": f"{self.dossier_url}/@@dossier-slip/{kind}",
            }
            for kind in applicable_slips(self.context)
        ]

    def history(self):
        """The steps of the dossier people read (staff also the internal ones); staff
        views are in the audit, shown apart (``staff_views``)."""
        return [
            self._history_row(entry)
            for entry in audit.steps(self.context, include_internal=self.staff)
        ]

    def staff_views(self):
        """Who of the staff opened the dossier, when (oldest first); staff only."""
        if not self.staff:
            return []
        return [self._history_row(entry) for entry in audit.views(self.context)]

    def view_window_minutes(self):
        return int(audit.VIEW_WINDOW.total_seconds() // 60)

    def _history_row(self, entry):
        action = entry["action"]
        return {
            "when": format_datetime(entry["when"]),
            "when_iso": iso(entry["when"]),
            "actor": self.fullname(entry["actor"]),
            "action": action,
            "title": ACTION_TITLES.get(action, action),
            "details": " - ".join(str(d) for d in self._history_details(entry)),
            "comment": entry.get("comment") or "",
            "internal": not entry.get("public", True),
        }

    def _history_details(self, entry):
        details = []
        if entry.get("file"):
            attachment = self.context.files.get(entry["file"])
            details.append(attachment.filename if attachment is not None else entry["file"])
        if entry.get("slip") in SLIP_TITLES:
            details.append(self.translate(SLIP_TITLES[entry["slip"]]))
        if entry.get("new_due"):
            details.append(format_datetime(entry["new_due"]))
        if entry.get("assignee"):
            details.append(self.fullname(entry["assignee"]))
        return details

    def return_hint(self):
        """Why "Return the result" is not offered yet: to the officials who may return
        it, in the state where it is returned, while no result document is attached."""
        dossier = self.context
        return (
            dossier.status == RETURN_STATE
            and not dossier.files_of("result")
            and has_permission(RETURN_PERMISSION, dossier)
            and self.can_process
        )

    # --- Staff --------------------------------------------------------------------

    def applicant(self):
        dossier = self.context
        return {
            "name": dossier.applicant_name,
            "id_number": dossier.applicant_id_number,
            "phone": dossier.applicant_phone,
            "email": dossier.applicant_email,
        }

    def notes(self):
        return [
            {
                "when": format_datetime(note.get("when")),
                "when_iso": iso(note.get("when")),
                "actor": self.fullname(note.get("actor")),
                "lines": (note.get("text") or "").splitlines(),
            }
            for note in reversed(self.context.notes or [])
        ]

    def assignee(self):
        return self.fullname(self.context.assignee) if self.context.assignee else None

    def today(self):
        return format_date(audit.now())


def _size(size):
    if size is None:
        return ""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
