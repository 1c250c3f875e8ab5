"""@@editorial-transition?workflow_action=<id>: a transition with a reason or note.

The toolbar's "Send back" comes here (the reason is required); any other allowed
transition works too, with an optional note kept in the history. Every change happens
on POST with a valid ``_authenticator`` token; a GET shows the form and changes
nothing. Who may do which transition is the workflow's guard, asked before anything is
written.
"""

from dichvucong import _
from dichvucong.base.forms import PageForm
from dichvucong.base.forms import set_attributes
from dichvucong.base.forms.widgets import TrimmedTextAreaFieldWidget
from dichvucong.publishing.editorial.workflow import ACTION_TITLES
from dichvucong.publishing.editorial.workflow import COMMENT_REQUIRED
from dichvucong.publishing.editorial.workflow import MAX_COMMENT
from dichvucong.publishing.editorial.workflow import REASON_REQUIRED
from dichvucong.publishing.editorial.workflow import allowed_transitions
from dichvucong.publishing.editorial.workflow import uses_workflow
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from types import MappingProxyType
from z3c.form import button
from z3c.form import field
from z3c.form.error import ErrorViewMessage
from zope import schema
from zope.i18n import translate
from zope.interface import Interface
from zope.schema.interfaces import RequiredMissing


NOT_ALLOWED = _("You cannot do this on this item now. Nothing was changed.")
DONE = _("Done: ${action}.")


class INote(Interface):
    comment = schema.Text(
        title=_("Note"),
        description=_("The note is kept in the item's history (optional)."),
        required=False,
    )


class IReason(Interface):
    """For sending back: the writers must know what to fix."""

    comment = schema.Text(
        title=_("Reason"),
        description=_("The writers read this reason on the item and in its history."),
        required=True,
    )


def no_store(response):
    """Editorial pages are personal and change often: never cached."""
    response.setHeader("Cache-Control", "no-store, private")


class TransitionForm(PageForm):
    page = ViewPageTemplateFile("templates/transition.pt")
    id = "dvc-editorial-transition-form"
    css_class = "dvc-editorial-transition__form card card-body mb-3"
    widget_ids = MappingProxyType({"comment": "dvc-editorial-comment"})
    allowed = True

    @property
    def transition(self):
        value = self.request.form.get("workflow_action", "")
        return value.strip() if isinstance(value, str) else ""

    @property
    def comment_required(self):
        return self.transition in COMMENT_REQUIRED

    @property
    def fields(self):
        fields = field.Fields(IReason if self.comment_required else INote)
        fields["comment"].widgetFactory = TrimmedTextAreaFieldWidget
        return fields

    def transition_title(self):
        title = ACTION_TITLES.get(self.transition)
        return translate(title, context=self.request) if title else self.transition

    def item_url(self):
        return self.context.absolute_url()

    @property
    def action(self):
        return f"{self.item_url()}/@@editorial-transition"

    def hidden_parameters(self):
        return {"workflow_action": self.transition}

    def __call__(self):
        no_store(self.request.response)
        self.check_token()
        transition = self.transition
        if not uses_workflow(self.context) or transition not in allowed_transitions(self.context):
            self.allowed = False
            self.status = translate(NOT_ALLOWED, context=self.request)
            self.request.response.setStatus(403)
            return self.page()
        self.update()
        if self.request.response.getStatus() in (302, 303):
            return ""
        return self.page()

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        widget = self.widgets["comment"]
        widget.rows = 4
        set_maxlength(widget)

    def updateActions(self):
        super().updateActions()
        confirm = self.actions["confirm"]
        confirm.title = self.transition_title()
        confirm.klass = "submit-widget btn btn-primary"

    @button.buttonAndHandler(_("Confirm"), name="confirm")
    def handle_confirm(self, action):
        data, errors = self.extractData()
        if errors:
            return
        comment = (data.get("comment") or "")[:MAX_COMMENT]
        try:
            api.portal.get_tool("portal_workflow").doActionFor(
                self.context, self.transition, comment=comment
            )
        except WorkflowException as error:
            self.set_error("comment", str(error) or NOT_ALLOWED)
            return
        message = _(DONE, mapping={"action": self.transition_title()})
        IStatusMessage(self.request).add(translate(message, context=self.request), "info")
        self.request.response.redirect(self.item_url(), status=303)

    @button.buttonAndHandler(_("Cancel"), name="cancel")
    def handle_cancel(self, action):
        self.request.response.redirect(self.item_url(), status=303)


def set_maxlength(widget):
    set_attributes(widget, {"maxlength": MAX_COMMENT})


reason_missing = ErrorViewMessage(REASON_REQUIRED, error=RequiredMissing, field=IReason["comment"])
