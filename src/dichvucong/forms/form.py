"""The form experience every service form (EasyForm) gets: easyform's own form and
view, subclassed (registered as the EasyForm's ``@@view`` on our layer).

- Visitors of a form that creates dossiers are asked to log in first (notice.py):
  the page shows the notice with the log-in button instead of fields they could not
  send.
- Errors: each message next to its field (the input marked ``aria-invalid`` and
  described by the message), fields inside fieldsets too, and one summary at the top
  ("There is a problem") that links to every field in error. The checks by field
  name (dossier/checks, the same as REST's) come with z3c.form's own, on the first
  POST.
- Files survive a round trip (fields.py), dates are typed dd/mm/yyyy, phone/ID/email
  inputs bring up the fitting keyboard, the submit button is the primary action.
- "Save as draft" saves what was typed so far, unchecked, as a draft (saving.py): a
  second button and a hidden input with the draft's token.
- The "leave this page?" prompt only after the citizen changed something
  (static/form.js, instead of Plone's pat-formunloadalert); no browser messages (in
  the browser's language) on merely tabbing through (no pat-validation).
"""

from collective.easyform.browser.view import EasyFormForm
from collective.easyform.browser.view import EasyFormFormWrapper
from collective.easyform.config import FORM_ERROR_MARKER
from dichvucong import _
from dichvucong.base.forms import IFieldErrorSnippet
from dichvucong.base.forms import set_attributes
from dichvucong.dossier.checks import rules
from dichvucong.forms import fields as service_fields
from dichvucong.forms import saving
from dichvucong.forms.notice import LoginNotice
from dichvucong.forms.stage import StageNotice
from plone.namedfile.interfaces import INamedFileField
from plone.namedfile.interfaces import INamedImageField
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form import button
from z3c.form.interfaces import HIDDEN_MODE
from z3c.form.interfaces import INPUT_MODE
from z3c.form.interfaces import IErrorViewSnippet
from zope.component import getMultiAdapter
from zope.i18n import translate
from zope.interface import Invalid
from zope.interface import alsoProvides
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import ITextLine


FIX_FIELDS = _("Please correct the marked answers.")


def widget_factory(field):
    """Our widget for a field of a service form, or None (easyform's own)."""
    if INamedFileField.providedBy(field) and not INamedImageField.providedBy(field):
        return service_fields.ServiceFileFieldWidget
    if IDate.providedBy(field) and not IDatetime.providedBy(field):
        return service_fields.ServiceDayFieldWidget
    return None


class ServiceForm(EasyFormForm):
    form_template = ViewPageTemplateFile("templates/service_form.pt")
    formErrorsMessage = FIX_FIELDS
    form_message = None
    _updated = False
    buttons = EasyFormForm.buttons.copy()
    handlers = EasyFormForm.handlers.copy()

    @button.buttonAndHandler(_("Save as draft"), name=saving.BUTTON, condition=saving.can_save)
    def handle_save_draft(self, action):
        saving.save_draft(self)
        self.status = self.formErrorsMessage  # easyform then neither checks nor thanks

    buttons = buttons.select("submit", saving.BUTTON, "reset")

    def draft_token(self):
        return saving.draft_input(self)

    @property
    def ignoreRequiredOnExtract(self):
        """False while the form reads the request (required fields are checked, by
        the server, in Vietnamese); True once updated, which only plone.app.z3cform's
        form macro reads: it then leaves out pat-validation, whose messages are the
        browser's own, in the browser's language, shown on merely tabbing through."""
        return self._updated

    @property
    def enable_unload_protection(self):
        return ""  # static/form.js asks, and only after a real change

    @property
    def default_fieldset_label(self):
        """No "Default" heading over a first section that shows nothing: the forms put
        every question in a named section, and the spam trap is a hidden field."""
        if all(widget.mode == HIDDEN_MODE for widget in self.widgets.values()):
            return None
        return super().default_fieldset_label

    def all_widgets(self):
        """Every widget, the default fieldset's and those of the fieldsets, in order."""
        yield from self.widgets.values()
        for group in self.groups:
            yield from group.widgets.values()

    def _use_our_widgets(self, fields):
        for field in fields.values():
            factory = widget_factory(field.field)
            if factory is not None and field.widgetFactory.get(INPUT_MODE) is None:
                field.widgetFactory = factory

    def updateFields(self):
        super().updateFields()
        if self.thanksPage:
            return
        self._use_our_widgets(self.fields)
        for group in self.groups:
            self._use_our_widgets(group.fields)

    def updateActions(self):
        super().updateActions()
        submit = self.actions.get("submit")
        if submit is not None:
            submit.klass = " ".join(
                ["btn-primary" if c == "btn-secondary" else c for c in submit.klass.split()]
            )
            if "btn-primary" not in submit.klass.split():
                submit.addClass("btn btn-primary")
        save = self.actions.get(saving.BUTTON)
        if save is not None:
            save.klass = " ".join(c for c in save.klass.split() if c != "btn-secondary")
            save.addClass("btn btn-outline-primary ms-2")
            set_attributes(save, {"formnovalidate": "formnovalidate"})  # nothing checked
        reset = self.actions.get("reset")
        if reset is not None:
            reset.addClass("btn btn-outline-secondary")

    def show_error(self, widget, message):
        """``message`` next to ``widget``'s field (in its group's errors too)."""
        view = getMultiAdapter(
            (Invalid(message), self.request, widget, widget.field, widget.form, self.context),
            IErrorViewSnippet,
        )
        view.update()
        widget.error = view
        widget.form.widgets.errors += (view,)
        return view

    def extractData(self, setErrors=True):
        """z3c.form's checks, then the checks by field name (dossier/checks/rules.py,
        the same as REST's) on what was read: all the errors on the first POST."""
        data, errors = super().extractData(setErrors=setErrors)
        if not setErrors or self.thanksPage:
            return data, errors
        widgets = {widget.field.__name__: widget for widget in self.all_widgets()}
        for name, message in rules.check(data).items():
            widget = widgets.get(name)
            if widget is not None and widget.error is None:
                errors += (self.show_error(widget, message),)
        return data, errors

    def setErrorsMessage(self, errors):
        """The action's errors on their fields, wherever the fields are; a message for
        the whole form only when it is about no field."""
        widgets = {widget.field.__name__: widget for widget in self.all_widgets()}
        for name, message in errors.items():
            if name == FORM_ERROR_MARKER or name not in widgets:
                self.form_message = message
                continue
            self.show_error(widgets[name], message)
        self.status = self.formErrorsMessage

    def update(self):
        super().update()
        self._updated = True
        if self.thanksPage:
            return
        for widget in self.all_widgets():
            if widget.mode == INPUT_MODE:
                self.describe(widget)
        if self.summary():
            self.status = ""  # the summary (templates/service_form.pt) says it
        if self.errors():
            for widget in self.all_widgets():
                if isinstance(widget, service_fields.ServiceFileWidget):
                    widget.keep()
            self.request.response.setStatus(400)

    def describe(self, widget):
        """Tie an input to its error and its format hint; the keyboard it needs."""
        extra = {}
        described = []
        if isinstance(widget, service_fields.ServiceDayWidget):
            described.append(widget.format_id)
        elif ITextLine.providedBy(widget.field):
            extra.update(service_fields.input_purpose(widget.field.__name__))
        if widget.error is not None:
            alsoProvides(widget.error, IFieldErrorSnippet)
            widget.addClass("is-invalid")
            extra["aria-invalid"] = "true"
            described.append(f"{widget.id}-error")
        if described:
            extra["aria-describedby"] = " ".join(described)
        if extra:
            set_attributes(widget, extra)

    def errors(self):
        """[{label, message, href}] of the fields in error, in the form's order."""
        found = []
        for widget in self.all_widgets():
            if widget.error is None:
                continue
            found.append(
                {
                    "label": translate(widget.label, context=self.request),
                    "message": translate(widget.error.message, context=self.request),
                    "href": f"#{widget.id}",
                }
            )
        return found

    def summary(self):
        """What the summary above the form shows, or None."""
        errors = self.errors()
        message = self.form_message
        if not errors and not message:
            return None
        return {"errors": errors, "message": message}


class ServiceFormView(EasyFormFormWrapper):
    form = ServiceForm

    def __init__(self, context, request):
        super().__init__(context, request)
        self.notice = LoginNotice(context, request, self)
        self.stage = StageNotice(context, request, self)

    def update(self):
        if self.notice.available():
            self.contents = self.notice.render()  # no fields: log in first
            return
        if self.stage.available():
            self.contents = self.stage.index()  # no fields: not open to this user
            return
        super().update()
        self.contents = self.stage.banner() + self.contents  # testers: "Trial run"
