"""Widgets of the service forms (every EasyForm, through ServiceForm in form.py).

- Files: the browser's file input; a file the citizen already uploaded is kept
  server-side (a draft under a random token, drafts.keep_file) when the form comes
  back with errors or from the check-your-answers page, and offered as "Uploaded:
  <name> - Keep this file / Choose another file". A file the server refused is never
  offered again.
- Dates: a text input typed as dd/mm/yyyy (d/m/yyyy too) whatever the browser's
  language, parsed on the server (base/forms/widgets.py).
- Phone, ID number, email and name inputs bring up the fitting keyboard and autofill
  (``input_purpose``): from the field's name, see docs/forms.md.
"""

from collective.easyform.interfaces import IEasyForm
from datetime import datetime
from dichvucong import _
from dichvucong.base.dates import portal_now
from dichvucong.base.dates import portal_time
from dichvucong.base.forms.widgets import DayConverter
from dichvucong.base.forms.widgets import DayWidget
from dichvucong.base.forms.widgets import IDayWidget
from dichvucong.dossier.checks import life_events
from dichvucong.forms import drafts
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedFile
from plone.namedfile.interfaces import INamedBlobFileField
from plone.namedfile.interfaces import INamedFile
from plone.namedfile.interfaces import INamedFileField
from z3c.form.browser.widget import HTMLInputWidget
from z3c.form.converter import BaseDataConverter
from z3c.form.interfaces import NO_VALUE
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import IWidget
from z3c.form.widget import FieldWidget
from z3c.form.widget import Widget
from zope.browserpage.viewpagetemplatefile import ViewPageTemplateFile
from zope.component import adapter
from zope.interface import implementer
from zope.interface import implementer_only
from zope.schema.interfaces import IDate
import re


BAD_DAY = _("Please enter a real date as day/month/year, for example 01/11/2026.")
KEEP, REPLACE = "keep", "replace"


def easyform_of(widget):
    """The EasyForm a widget belongs to (its context; a group's form's context)."""
    for candidate in (widget.context, getattr(widget.form, "context", None)):
        if IEasyForm.providedBy(candidate):
            return candidate
    return None


def basename(filename):
    return re.split(r"[\\/]", filename or "")[-1]


# --- Files -----------------------------------------------------------------------


class IServiceFileWidget(IWidget):
    """A file of a service form, kept between the form's round trips."""


@implementer_only(IServiceFileWidget)
class ServiceFileWidget(HTMLInputWidget, Widget):
    klass = "form-control"
    template = ViewPageTemplateFile("templates/file_input.pt")
    _kept = None

    @property
    def token_name(self):
        return f"{self.name}.kept"

    @property
    def choice_name(self):
        return f"{self.name}.action"

    @property
    def accept(self):
        accept = getattr(self.field, "accept", None)
        return ", ".join(accept) if accept else None

    def extract(self, default=NO_VALUE):
        """A new upload wins; else the kept file, unless the citizen chose to replace
        it (and then chose nothing: the field is empty)."""
        upload = self.request.get(self.name)
        if isinstance(upload, list | tuple):
            upload = upload[0] if upload else None
        if getattr(upload, "filename", None):
            return upload
        token = self.request.get(self.token_name)
        if token and self.request.get(self.choice_name, KEEP) == KEEP:
            form = easyform_of(self)
            kept = drafts.kept_file(form, str(token), self.field.__name__) if form else None
            if kept is not None:
                return kept
        return default

    def keep(self):
        """After an error elsewhere: keep a fresh upload server-side, so the form can
        offer it again; a file that is in error itself is dropped."""
        if self.error is not None or self.value in (None, NO_VALUE):
            self._kept = None
            return
        if INamedFile.providedBy(self.value):
            return  # kept already, under the token the form posted
        form = easyform_of(self)
        self.value.seek(0)
        upload = NamedBlobFile(data=self.value.read(), filename=basename(self.value.filename))
        self._kept = {
            "token": drafts.keep_file(form, self.field.__name__, upload),
            "filename": upload.filename,
        }

    def kept(self):
        """{token, filename} of the file offered to keep, or None."""
        if self.error is not None:
            return None
        if self._kept is not None:
            return self._kept
        if INamedFile.providedBy(self.value):
            return {
                "token": self.request.get(self.token_name),
                "filename": basename(self.value.filename),
            }
        return None

    def render(self):
        return self.template()


@implementer(IFieldWidget)
def ServiceFileFieldWidget(field, request):
    return FieldWidget(field, ServiceFileWidget(request))


@adapter(INamedFileField, IServiceFileWidget)
class ServiceFileConverter(BaseDataConverter):
    """An upload -> a file of the field's kind; a kept file as it is."""

    def toWidgetValue(self, value):
        return None  # a file input never shows a value

    def toFieldValue(self, value):
        if value in (None, "", NO_VALUE):
            return self.field.missing_value
        if INamedFile.providedBy(value):
            return value
        value.seek(0)
        factory = NamedBlobFile if INamedBlobFileField.providedBy(self.field) else NamedFile
        return factory(data=value.read(), filename=basename(value.filename))


# --- Dates -----------------------------------------------------------------------


class IServiceDayWidget(IDayWidget):
    """A date of a service form, typed as dd/mm/yyyy, with its format shown."""


@implementer_only(IServiceDayWidget)
class ServiceDayWidget(DayWidget):
    template = ViewPageTemplateFile("templates/day_input.pt")
    placeholder = None

    @property
    def format_id(self):
        return f"{self.id}-format"


@implementer(IFieldWidget)
def ServiceDayFieldWidget(field, request):
    return FieldWidget(field, ServiceDayWidget(request))


@adapter(IDate, IServiceDayWidget)
class ServiceDayConverter(DayConverter):
    message = BAD_DAY


# --- Keyboards and autofill ------------------------------------------------------

# (name pattern, inputmode, autocomplete for the applicant's own data, type)
PURPOSES = (
    (re.compile(r"phone|mobile|dien_thoai"), "tel", "tel"),
    (re.compile(r"id_number|identity|cccd|cmnd|tax_code"), "numeric", None),
    (re.compile(r"email"), "email", "email"),
    (re.compile(r"(^|_)(full_?)?name$"), None, "name"),
)
# Fields about the person filling in the form (WCAG 1.3.5: autofill their own data).
OWN = re.compile(r"^(applicant|requester|nguoi_yeu_cau)_")


def input_purpose(name):
    """{inputmode, autocomplete} for a text field, from its name (docs/forms.md)."""
    for pattern, inputmode, autocomplete in PURPOSES:
        if pattern.search(name):
            attributes = {}
            if inputmode:
                attributes["inputmode"] = inputmode
            if autocomplete and OWN.match(name):
                attributes["autocomplete"] = autocomplete
            elif inputmode == "numeric" or autocomplete:
                attributes["autocomplete"] = "off"
            return attributes
    return {}


# --- Checks editors give a field (easyform validators) ----------------------------

# The rule's message (dossier/checks): a date of birth is checked by its name anyway
# (``*_birth_date``, both doors); editors may still give other dates this check.
IN_THE_FUTURE = life_events.IN_THE_FUTURE


def not_in_the_future(value, **kwargs):
    """easyform validator ``isNotInTheFuture``: a date of birth or of an event that
    happened (today, in the portal's time zone, is fine)."""
    if isinstance(value, datetime):
        value = portal_time(value).date()
    return life_events.not_in_the_future(life_events.as_date(value), portal_now().date())
