"""@@dossier-note: an internal note (text), seen by staff only."""

from dichvucong import _
from dichvucong.base.forms.widgets import TrimmedTextAreaFieldWidget
from dichvucong.dossier import audit
from dichvucong.dossier.forms.common import MAX_TEXT
from dichvucong.dossier.forms.common import DossierForm
from persistent.mapping import PersistentMapping
from types import MappingProxyType
from z3c.form import button
from z3c.form import field
from z3c.form.error import ErrorViewMessage
from zope import schema
from zope.interface import Interface
from zope.schema.interfaces import RequiredMissing


class INote(Interface):
    text = schema.Text(title=_("New internal note"), required=True)


class NoteForm(DossierForm):
    """An official's form (``dichvucong: Process dossier``); POST only."""

    view_name = "dossier-note"
    page_id = "dvc-action-page"
    post_only = True
    anchor = "dvc-notes"
    id = "dvc-note-form"
    css_class = "dvc-note-form"
    label = _("Add an internal note")
    widget_ids = MappingProxyType({"text": "dvc-note-text"})
    fields = field.Fields(INote)
    fields["text"].widgetFactory = TrimmedTextAreaFieldWidget

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        self.widgets["text"].rows = 3

    @button.buttonAndHandler(_("Add the note"), name="note")
    def handle_note(self, action):
        data, errors = self.extractData()
        if errors:
            return
        note = PersistentMapping(
            {"when": audit.now(), "actor": self.userid, "text": data["text"][:MAX_TEXT]}
        )
        self.context.notes.append(note)
        audit.record(self.context, "note_added", public=False)
        self.done(_("The note has been added."), f"#{self.anchor}")


text_missing = ErrorViewMessage(
    _("Please write the note."), error=RequiredMissing, field=INote["text"]
)
