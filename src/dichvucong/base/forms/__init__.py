"""What the portal's own z3c.form forms share (docs/developing.md, "Forms").

``PageForm`` is a ``z3c.form`` form that a page or another page's template renders in
place: POST-only changes behind the CSRF token, field errors next to their fields
(marked ``is-invalid``, ``aria-invalid`` and ``aria-describedby`` the error's id), one
summary at the top, and answer 400 when the form comes back with errors.
"""

from dichvucong import _
from plone.protect import CheckAuthenticator
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from types import MappingProxyType
from z3c.form import form
from z3c.form.browser.widget import HTMLFormElement
from z3c.form.error import ErrorViewTemplateFactory
from z3c.form.interfaces import INPUT_MODE
from z3c.form.interfaces import ICheckBoxWidget
from z3c.form.interfaces import IErrorViewSnippet
from z3c.form.interfaces import IRadioWidget
from zope.component import getMultiAdapter
from zope.interface import Invalid
from zope.interface import alsoProvides
import os


FIX_FIELDS = _("Please correct the marked fields.")


def set_attributes(widget, extra):
    """Add ``extra`` HTML attributes to a widget's (its class as it is now included)."""
    attributes = dict(widget.attributes)
    if widget.klass:
        attributes["class"] = widget.klass
    # z3c.form's setter: plone.app.z3cform's widgets override only the getter.
    HTMLFormElement.attributes.fset(widget, {**attributes, **extra})


class IFieldErrorSnippet(IErrorViewSnippet):
    """The error of one of our fields: rendered with an id its input points to."""


class PageForm(form.Form):
    """A form of ours. Subclasses give ``fields``, buttons and handlers, ``id`` (the
    <form> id) and, if they want fixed ones, ``widget_ids`` {field name: HTML id}."""

    ignoreContext = True
    enableCSRFProtection = True  # plone.app.z3cform's button actions check the token
    formErrorsMessage = FIX_FIELDS
    id = "dvc-form"
    css_class = ""
    widget_ids = MappingProxyType({})
    primary_buttons = frozenset()  # names of the buttons drawn as the main action

    fragment = ViewPageTemplateFile("templates/form.pt")

    @property
    def is_post(self):
        return self.request.get("REQUEST_METHOD", "GET").upper() == "POST"

    def check_token(self):
        """A POST without a valid token changes nothing: 403, before any check of the
        form (plone.app.z3cform checks it again before a button's handler runs)."""
        if self.is_post:
            CheckAuthenticator(self.request)

    def form_attributes(self):
        """The attributes of the <form> element (subclasses add data-* ones)."""
        return {
            "id": self.id,
            "class": self.css_class or None,
            "action": self.action,
            "enctype": self.enctype,
        }

    def is_group(self, widget):
        """Radio buttons and checkboxes: a fieldset whose legend is the label."""
        return IRadioWidget.providedBy(widget) or ICheckBoxWidget.providedBy(widget)

    def hint(self, widget):
        """The help text under a field (its description unless the form says else)."""
        return getattr(widget.field, "description", None) or None

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        for name, widget in self.widgets.items():
            widget.id = self.widget_ids.get(name) or f"{self.id}-{name}"

    def update(self):
        super().update()
        self.describe_widgets()
        self.name_buttons()
        if self.widgets.errors:
            self.status = self.status or self.formErrorsMessage
            self.request.response.setStatus(400)

    def describe_widgets(self):
        """Tie every input to its help text and error, and mark the required ones; the
        first field in error takes the focus."""
        focus = True
        for widget in self.widgets.values():
            if widget.mode != INPUT_MODE:
                continue
            extra = {}
            described = [f"{widget.id}-help"] if self.hint(widget) else []
            if widget.required:
                extra.update({"required": "required", "aria-required": "true"})
            if widget.error is not None:
                alsoProvides(widget.error, IFieldErrorSnippet)
                widget.addClass("is-invalid")
                extra["aria-invalid"] = "true"
                described.append(f"{widget.id}-error")
                if focus and not self.is_group(widget):  # one autofocus per page
                    extra["autofocus"] = "autofocus"
                focus = False
            if described:
                extra["aria-describedby"] = " ".join(described)
            set_attributes(widget, extra)

    def name_buttons(self):
        """Buttons with ids of their own: a page may show several of our forms."""
        for name, action in self.actions.items():
            if name in self.primary_buttons:
                action.klass = action.klass.replace("btn-secondary", "btn-primary")
            set_attributes(action, {"id": f"{self.id}-{name}"})

    def set_error(self, name, message):
        """Show ``message`` as the error of field ``name`` (a check of the handler)."""
        widget = self.widgets[name]
        view = getMultiAdapter(
            (Invalid(message), self.request, widget, widget.field, self, self.getContent()),
            IErrorViewSnippet,
        )
        view.update()
        widget.error = view
        self.widgets.errors += (view,)
        self.status = self.formErrorsMessage

    def form_errors(self):
        """The errors that belong to no field, for the summary."""
        return [error for error in self.widgets.errors if getattr(error, "widget", None) is None]


error_template = ErrorViewTemplateFactory(
    os.path.join(os.path.dirname(__file__), "templates", "field_error.pt"), "text/html"
)
