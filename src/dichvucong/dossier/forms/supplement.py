"""@@dossier-supplement: the citizen sends the documents and the answer the agency
asked for; all files are checked before anything is kept."""

from dichvucong import _
from dichvucong.base.dates import format_datetime
from dichvucong.base.forms.widgets import FileInputFieldWidget
from dichvucong.base.forms.widgets import TrimmedTextAreaFieldWidget
from dichvucong.dossier import audit
from dichvucong.dossier.files import UploadError
from dichvucong.dossier.files import check_upload
from dichvucong.dossier.forms.common import MAX_TEXT
from dichvucong.dossier.forms.common import NOT_ALLOWED
from dichvucong.dossier.forms.common import DossierForm
from dichvucong.dossier.submission import attach
from plone.namedfile.field import NamedBlobFile
from Products.CMFCore.WorkflowCore import WorkflowException
from types import MappingProxyType
from z3c.form import button
from z3c.form import field
from zope import schema
from zope.i18n import translate
from zope.interface import Interface


class ISupplement(Interface):
    files = schema.List(
        title=_("Documents"), value_type=NamedBlobFile(), required=False, default=[]
    )
    message = schema.Text(title=_("Your answer to the agency"), required=False)


class SupplementForm(DossierForm):
    primary_buttons = frozenset({"send"})
    view_name = "dossier-supplement"
    page_id = "dvc-supplement-page"
    id = "dvc-supplement-form"
    css_class = "dvc-supplement-form"
    label = _("Send the supplement")
    widget_ids = MappingProxyType(
        {"files": "dvc-supplement-files", "message": "dvc-supplement-message"}
    )
    fields = field.Fields(ISupplement)
    fields["files"].widgetFactory = FileInputFieldWidget
    fields["message"].widgetFactory = TrimmedTextAreaFieldWidget

    def allowed(self):
        return self.can_supplement

    def request_text(self):
        """The agency's latest request, to read while preparing the supplement."""
        for entry in reversed(self.context.audit):
            if entry["action"] == "request_supplement":
                return {
                    "lines": (entry.get("comment") or "").splitlines(),
                    "when": format_datetime(entry["when"], self.request),
                }
        return None

    def hint(self, widget):
        return self.upload_hint() if widget.__name__ == "files" else None

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        self.widgets["files"].accept = self.accepted_types()
        self.widgets["message"].rows = 4

    @button.buttonAndHandler(_("Send the supplement"), name="send")
    def handle_send(self, action):
        data, errors = self.extractData()
        if errors:
            return
        message = (data.get("message") or "")[:MAX_TEXT]
        uploads = data.get("files") or []
        if not uploads and not message:
            text = _("Please attach the documents asked for, or write your answer.")
            self.set_error("files", text)
            return
        blobs, problems = [], []
        for upload in uploads:
            try:
                blobs.append(check_upload(upload.filename, upload.data))
            except UploadError as error:
                problems.append(
                    f"{upload.filename}: {translate(error.message, context=self.request)}"
                )
        if problems:
            self.set_error("files", "; ".join(problems))
            self.status = _("Nothing was sent: please fix the files below and send them again.")
            return
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
            self.failed(str(error) or NOT_ALLOWED)
            return
        self.done(_("Your supplement has been sent to the agency."))
