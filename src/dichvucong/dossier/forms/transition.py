"""@@dossier-transition?transition=<id>: a workflow transition with its comment (a
reason the applicant receives, for some transitions required)."""

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
from z3c.form import button
from z3c.form import field
from z3c.form.error import ErrorViewMessage
from zope import schema
from zope.i18n import translate
from zope.interface import Interface
from zope.schema.interfaces import RequiredMissing


REASON_MISSING = _("Please give the reason: the applicant receives it with the slip.")


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
            self.check_token()
            self.request.response.redirect(f"{self.dossier_url}/@@dossier-supplement", status=303)
            return ""
        return super().__call__()

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
        data, errors = self.extractData()
        if errors:
            return
        comment = (data.get("comment") or "")[:MAX_TEXT]
        try:
            # A refusal (guard, required comment) is raised before anything changes.
            self.portal_workflow.doActionFor(self.context, self.transition, comment=comment)
        except WorkflowException as error:
            self.failed(str(error) or NOT_ALLOWED)
            return
        title = translate(self.label, context=self.request)
        self.done(_(UPDATED, mapping={"action": title}))


reason_missing = ErrorViewMessage(
    REASON_MISSING, error=RequiredMissing, field=ITransitionReason["comment"]
)
