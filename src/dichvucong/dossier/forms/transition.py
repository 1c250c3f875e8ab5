"""@@dossier-transition?transition=<id>: a workflow transition with its comment (a
reason the applicant receives, for some transitions required).

Withdrawing is for good, so it is never one tap: the dossier page's "Withdraw" button
opens @@dossier-withdraw (a GET: nothing changes), which says what withdrawing means
and withdraws only with its own "Confirm withdrawal" button (POST, CSRF token). A post
of the one-step transition form for ``withdraw`` changes nothing and leads there too.
"""

from dichvucong import _
from dichvucong.base.forms.widgets import TrimmedTextAreaFieldWidget
from dichvucong.dossier.forms.common import MAX_TEXT
from dichvucong.dossier.forms.common import NOT_ALLOWED
from dichvucong.dossier.forms.common import UPDATED
from dichvucong.dossier.forms.common import DossierForm
from dichvucong.dossier.transitions import COMMENT_REQUIRED
from dichvucong.dossier.views.common import COMMENT_LABELS
from dichvucong.dossier.views.common import DANGEROUS
from dichvucong.dossier.views.common import DEFAULT_COMMENT_LABEL
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form import button
from z3c.form import field
from z3c.form.error import ErrorViewMessage
from zope import schema
from zope.i18n import translate
from zope.interface import Interface
from zope.schema.interfaces import RequiredMissing


REASON_MISSING = _("Please give the reason: the applicant receives it with the slip.")
# Transitions that only their own confirmation page does: {transition: its view}.
CONFIRM_FIRST = {"withdraw": "dossier-withdraw"}


class ITransitionNote(Interface):
    comment = schema.Text(title=DEFAULT_COMMENT_LABEL, required=False)


class ITransitionReason(Interface):
    """For the transitions whose reason the applicant receives (refuse, stop, ...)."""

    comment = schema.Text(title=DEFAULT_COMMENT_LABEL, required=True)


class TransitionForm(DossierForm):
    view_name = "dossier-transition"
    page_id = "dvc-transition-page"
    css_class = "dvc-transition card card-body mb-3"

    def __init__(self, context, request, transition=None):
        super().__init__(context, request)
        if transition is None:
            value = request.form.get("transition", "")
            transition = value.strip() if isinstance(value, str) else ""
        self.transition = transition

    @property
    def id(self):
        return f"dvc-transition-{self.transition}"

    @property
    def required(self):
        return self.transition in COMMENT_REQUIRED

    @property
    def fields(self):
        fields = field.Fields(ITransitionReason if self.required else ITransitionNote)
        fields["comment"].widgetFactory = TrimmedTextAreaFieldWidget
        return fields

    @property
    def widget_ids(self):
        return {"comment": f"dvc-comment-{self.transition}"}

    @property
    def label(self):
        return self.allowed_transitions.get(self.transition) or _(
            "Change the status of the dossier"
        )

    def hidden_parameters(self):
        return {"transition": self.transition}

    def form_attributes(self):
        return {**super().form_attributes(), "data-transition": self.transition}

    def allowed(self):
        return self.transition in self.allowed_transitions

    def __call__(self):
        if self.transition == "supplement" and self.can_supplement:
            # The supplement brings files: it has its own form.
            return self.redirect_to("dossier-supplement")
        if self.transition in CONFIRM_FIRST and self.allowed():
            # Never in one step: the confirmation page says what it means first.
            return self.redirect_to(CONFIRM_FIRST[self.transition])
        return super().__call__()

    def redirect_to(self, view_name):
        """Go to the dossier's page ``view_name`` (303), changing nothing."""
        self.check_token()
        self.request.response.redirect(f"{self.dossier_url}/@@{view_name}", status=303)
        return ""

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        widget = self.widgets["comment"]
        widget.label = COMMENT_LABELS.get(self.transition, DEFAULT_COMMENT_LABEL)
        widget.rows = 2

    def updateActions(self):
        super().updateActions()
        confirm = self.actions["confirm"]
        confirm.title = translate(self.label, context=self.request)
        danger = self.transition in DANGEROUS
        confirm.klass = "submit-widget btn " + ("btn-outline-danger" if danger else "btn-primary")

    @button.buttonAndHandler(_("Confirm"), name="confirm")
    def handle_confirm(self, action):
        if self.transition in CONFIRM_FIRST:
            return  # only its confirmation page does it
        self.do_transition()

    def do_transition(self):
        data, errors = self.extractData()
        if errors:
            return
        comment = (data.get("comment") or "")[:MAX_TEXT]
        title = translate(self.title_of(self.transition), context=self.request)
        try:
            # A refusal (guard, required comment) is raised before anything changes.
            self.portal_workflow.doActionFor(self.context, self.transition, comment=comment)
        except WorkflowException as error:
            self.failed(str(error) or NOT_ALLOWED)
            return
        self.done(_(UPDATED, mapping={"action": title}))

    def title_of(self, transition):
        return self.allowed_transitions.get(transition) or self.label


class WithdrawForm(TransitionForm):
    """@@dossier-withdraw: what withdrawing means, "Confirm withdrawal" and "Back"."""

    page = ViewPageTemplateFile("templates/withdraw.pt")
    view_name = "dossier-withdraw"
    page_id = "dvc-withdraw-page"
    css_class = "dvc-withdraw mb-3"
    id = "dvc-withdraw-form"
    label = _("Withdraw this dossier?")

    def __init__(self, context, request):
        super().__init__(context, request, "withdraw")

    @property
    def widget_ids(self):
        return {"comment": "dvc-withdraw-comment"}

    def hidden_parameters(self):
        return {}

    def __call__(self):
        return super(TransitionForm, self).__call__()

    def updateActions(self):
        super(TransitionForm, self).updateActions()
        self.actions["withdraw"].klass = "submit-widget btn btn-danger"

    @button.buttonAndHandler(_("Confirm withdrawal"), name="withdraw")
    def handle_withdraw(self, action):
        self.do_transition()


reason_missing = ErrorViewMessage(
    REASON_MISSING, error=RequiredMissing, field=ITransitionReason["comment"]
)
