"""Widgets our forms need beyond plone.app.z3cform's: text that ignores surrounding
spaces, files (one or several, the browser's own file input) and a day typed as
dd/mm/yyyy that works without JavaScript."""

from datetime import date
from dichvucong import _
from plone.app.z3cform.widgets.text import TextAreaWidget
from plone.namedfile.file import NamedBlobFile
from z3c.form.browser.widget import HTMLInputWidget
from z3c.form.browser.widget import HTMLTextInputWidget
from z3c.form.converter import BaseDataConverter
from z3c.form.converter import FormatterValidationError
from z3c.form.interfaces import NO_VALUE
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import IWidget
from z3c.form.widget import FieldWidget
from z3c.form.widget import Widget
from zope.browserpage.viewpagetemplatefile import ViewPageTemplateFile
from zope.component import adapter
from zope.interface import implementer
from zope.interface import implementer_only
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IField
import re


DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
# A form gives its own words through an ErrorViewMessage for FormatterValidationError.
BAD_DATE = _("Please enter the date as dd/mm/yyyy.")


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


# --- Text without the spaces around it ("  " is no answer) ----------------------------


class TrimmedTextAreaWidget(TextAreaWidget):
    def extract(self, default=NO_VALUE):
        value = super().extract(default)
        return value.strip() if isinstance(value, str) else value


@implementer(IFieldWidget)
def TrimmedTextAreaFieldWidget(field, request):
    return FieldWidget(field, TrimmedTextAreaWidget(request))


# --- Files -----------------------------------------------------------------------


class IFileInputWidget(IWidget):
    """<input type="file">: one NamedBlobFile, or a list of them (``multiple``)."""


@implementer_only(IFileInputWidget)
class FileInputWidget(HTMLInputWidget, Widget):
    klass = "form-control"
    accept = None  # the file types offered, e.g. ".pdf,.jpg"
    template = ViewPageTemplateFile("templates/file_input.pt")

    @property
    def multiple(self):
        return ICollection.providedBy(self.field)

    def extract(self, default=NO_VALUE):
        value = self.request.get(self.name, default)
        if value is default:
            return default
        items = value if isinstance(value, list | tuple) else [value]
        uploads = [item for item in items if getattr(item, "filename", None)]
        return uploads or default

    def render(self):
        return self.template()


@implementer(IFieldWidget)
def FileInputFieldWidget(field, request):
    return FieldWidget(field, FileInputWidget(request))


def _read(upload):
    if hasattr(upload, "seek"):
        upload.seek(0)
    return upload.read()


@adapter(IField, IFileInputWidget)
class FileInputConverter(BaseDataConverter):
    """Uploads -> NamedBlobFile(s) with the name the person's computer gave."""

    def toWidgetValue(self, value):
        return None  # a file input never shows a value

    def toFieldValue(self, value):
        if not value:
            return self.field.missing_value
        files = [NamedBlobFile(data=_read(item), filename=item.filename) for item in value]
        return files if self.widget.multiple else files[0]


# --- A day as dd/mm/yyyy -----------------------------------------------------------


class IDayWidget(IWidget):
    """A text input for a date typed as dd/mm/yyyy."""


@implementer_only(IDayWidget)
class DayWidget(HTMLTextInputWidget, Widget):
    klass = "form-control"
    placeholder = "dd/mm/yyyy"
    template = ViewPageTemplateFile("templates/day_input.pt")

    def render(self):
        return self.template()


@implementer(IFieldWidget)
def DayFieldWidget(field, request):
    return FieldWidget(field, DayWidget(request))


@adapter(IDate, IDayWidget)
class DayConverter(BaseDataConverter):
    """dd/mm/yyyy (or ISO, as a date input sends it) <-> date."""

    message = BAD_DATE

    def toWidgetValue(self, value):
        return f"{value:%d/%m/%Y}" if value else ""

    def toFieldValue(self, value):
        if not (value or "").strip():
            return self.field.missing_value
        day = parse_date(value)
        if day is None:
            raise FormatterValidationError(self.message, value)
        return day
