"""A service's stage and its trial checklist (catalogue/stages.py, docs/services.md).

- ``@@service-stage`` on a Procedure ("dichvucong: Change service stage": Site
  Administrator, Manager): the current stage, the checklist of the trial (who played
  the citizen, when, with which trial dossier, what they noted), the switches so far,
  and the form that switches the stage. Switching to official with an empty checklist
  asks for a confirmation first. A switch writes nothing to existing dossiers: trial
  dossiers stay trial dossiers.
- ``@@trial-note`` on a Procedure ("dichvucong: Submit to a service in trial"): the
  tester who sent a trial dossier notes what they checked with it (linked from that
  dossier's page).
"""

from dichvucong import _
from dichvucong.base.dates import format_datetime
from dichvucong.base.forms import PageForm
from dichvucong.base.forms.radio import TokenRadioFieldWidget
from dichvucong.base.forms.widgets import TrimmedTextAreaFieldWidget
from dichvucong.catalogue import stages
from dichvucong.dossier.reporting import trial_dossiers
from dichvucong.dossier.views.common import fullname
from dichvucong.dossier.views.common import no_store
from functools import cached_property
from plone import api
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from types import MappingProxyType
from z3c.form import button
from z3c.form import field
from zExceptions import NotFound
from zope import schema
from zope.i18n import translate
from zope.interface import Interface


MAX_NOTE = 2000
EMPTY_CHECKLIST = _(
    "Nobody has played the citizen through this service yet. Tick the box to make it "
    "official all the same."
)


class IStageSwitch(Interface):
    stage = schema.Choice(
        title=_("Online stage"), vocabulary="dichvucong.ServiceStages", required=True
    )
    confirm_empty = schema.Bool(
        title=_("Make it official although nobody has played the citizen yet"),
        required=False,
        default=False,
    )


class ITrialNote(Interface):
    note = schema.Text(
        title=_("What I checked"),
        description=_("For example: the fields I filled, the messages I saw, what was wrong."),
        required=False,
        max_length=MAX_NOTE,
    )


def checklist(procedure):
    """[{code, url, who, userid, when, note, note_when}]: every trial dossier of the
    service, oldest first, with the tester's note."""
    notes = stages.notes(procedure)
    names = {}
    rows = []
    for brain in trial_dossiers(procedure.code):
        note = notes.get(brain.dossier_code) or {}
        rows.append(
            {
                "code": brain.dossier_code,
                "url": brain.getURL(),
                "userid": brain.dossier_applicant,
                "who": fullname(brain.dossier_applicant, names),
                "when": format_datetime(brain.dossier_received),
                "note": note.get("note", ""),
            }
        )
    return rows


class ServiceStageForm(PageForm):
    page = ViewPageTemplateFile("templates/service_stage.pt")
    id = "dvc-stage-form"
    css_class = "dvc-stage-form card card-body mb-3"
    ignoreContext = False
    widget_ids = MappingProxyType({"stage": "dvc-stage", "confirm_empty": "dvc-stage-confirm"})
    primary_buttons = frozenset({"switch"})
    fields = field.Fields(IStageSwitch)
    fields["stage"].widgetFactory = TokenRadioFieldWidget

    @property
    def action(self):
        return f"{self.context.absolute_url()}/@@service-stage"

    def getContent(self):
        return {"stage": self.stage, "confirm_empty": False}

    @property
    def stage(self):
        return stages.stage_of(self.context)

    def stage_title(self, code=None):
        code = code or self.stage
        titles = dict(stages.STAGES)
        return translate(titles[code], context=self.request) if code in titles else "—"

    @cached_property
    def checklist(self):
        return checklist(self.context)

    def history(self):
        names = {}
        return [
            {
                "when": format_datetime(entry["when"]),
                "who": fullname(entry["who"], names),
                "from": self.stage_title(entry["from"]) if entry["from"] else "—",
                "to": self.stage_title(entry["to"]),
            }
            for entry in reversed(stages.history(self.context))
        ]

    def __call__(self):
        no_store(self.request.response)
        self.check_token()
        self.update()
        if self.request.response.getStatus() in (302, 303):
            return ""
        return self.page()

    @button.buttonAndHandler(_("Change the stage"), name="switch")
    def handle_switch(self, action):
        data, errors = self.extractData()
        if errors:
            return
        new, old = data["stage"], self.stage
        going_official = new == stages.OFFICIAL and old != stages.OFFICIAL
        if going_official and not self.checklist and not data.get("confirm_empty"):
            self.set_error("confirm_empty", EMPTY_CHECKLIST)
            return
        if new != old:
            self.context.online_stage = new  # recorded: who, when, from, to
            self.context.reindexObject(idxs=["has_online_form"])  # the search's filter
            message = _("The service is now: ${stage}.", mapping={"stage": self.stage_title(new)})
        else:
            message = _("The stage is unchanged.")
        IStatusMessage(self.request).add(translate(message, context=self.request), "info")
        self.request.response.redirect(self.action, status=303)


class TrialNoteForm(PageForm):
    page = ViewPageTemplateFile("templates/trial_note.pt")
    id = "dvc-trial-note-form"
    css_class = "dvc-trial-note-form card card-body mb-3"
    ignoreContext = False
    widget_ids = MappingProxyType({"note": "dvc-trial-note-text"})
    primary_buttons = frozenset({"save"})
    fields = field.Fields(ITrialNote)
    fields["note"].widgetFactory = TrimmedTextAreaFieldWidget

    @cached_property
    def dossier(self):
        """The current user's own trial dossier of this service with the code asked
        for (a brain), or None."""
        code = self.request.form.get("code")
        if not isinstance(code, str) or not code:
            return None
        userid = api.user.get_current().getId()
        for brain in trial_dossiers(self.context.code):
            if brain.dossier_code == code and brain.dossier_applicant == userid:
                return brain
        return None

    @property
    def action(self):
        return f"{self.context.absolute_url()}/@@trial-note"

    def hidden_parameters(self):
        return {"code": self.dossier.dossier_code}

    def getContent(self):
        note = stages.notes(self.context).get(self.dossier.dossier_code) or {}
        return {"note": note.get("note", "")}

    def __call__(self):
        no_store(self.request.response)
        if self.dossier is None:
            raise NotFound("No trial dossier of yours with this code.")
        self.check_token()
        self.update()
        if self.request.response.getStatus() in (302, 303):
            return ""
        return self.page()

    @button.buttonAndHandler(_("Save the note"), name="save")
    def handle_save(self, action):
        data, errors = self.extractData()
        if errors:
            return
        stages.set_note(self.context, self.dossier.dossier_code, data.get("note"))
        message = translate(_("Your note has been saved."), context=self.request)
        IStatusMessage(self.request).add(message, "info")
        self.request.response.redirect(self.dossier.getURL(), status=303)
