"""@@dossier-result: attach one result document (checked like every upload)."""

from dichvucong import _
from dichvucong.base.forms.widgets import FileInputFieldWidget
from dichvucong.dossier import audit
from dichvucong.dossier.files import UploadError
from dichvucong.dossier.files import check_upload
from dichvucong.dossier.forms.common import DossierForm
from dichvucong.dossier.submission import attach
from plone.namedfile.field import NamedBlobFile
from types import MappingProxyType
from z3c.form import button
from z3c.form import field
from z3c.form.error import ErrorViewMessage
from zope.interface import Interface
from zope.schema.interfaces import RequiredMissing


class IResult(Interface):
    file = NamedBlobFile(title=_("Result document"), required=True)


class ResultForm(DossierForm):
    """An official's form (``dichvucong: Process dossier``); POST only."""

    view_name = "dossier-result"
    page_id = "dvc-action-page"
    post_only = True
    anchor = "dvc-files"
    id = "dvc-result-form"
    css_class = "dvc-result-form"
    label = _("Attach a result document")
    widget_ids = MappingProxyType({"file": "dvc-result-file"})
    fields = field.Fields(IResult)
    fields["file"].widgetFactory = FileInputFieldWidget

    def hint(self, widget):
        return self.upload_hint()

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        self.widgets["file"].accept = self.accepted_types()

    @button.buttonAndHandler(_("Attach the result"), name="result")
    def handle_result(self, action):
        data, errors = self.extractData()
        if errors:
            return
        upload = data["file"]
        try:
            blob = check_upload(upload.filename, upload.data)
        except UploadError as error:
            self.set_error("file", error.message)
            return
        attachment = attach(self.context, "result", blob, actor=self.userid, when=audit.now())
        audit.record(self.context, "result_uploaded", public=True, file=attachment.name)
        self.done(_("The result document has been attached."), f"#{self.anchor}")


file_missing = ErrorViewMessage(
    _("Please choose the file of the result."), error=RequiredMissing, field=IResult["file"]
)
