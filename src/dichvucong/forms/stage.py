"""The service's stage on its form page (catalogue/stages.py, docs/services.md).

A service in draft, or in trial for somebody who is not a tester, takes no dossier from
them: the form's page (form.py) shows this notice, saying so in plain words and where
else to submit, instead of fields they could not send (submission.submit refuses the
same way, for REST too). Testers and officials of a service in trial see the form
with a "Trial run" banner: their dossier will be a trial dossier.
"""

from collective.easyform.api import get_actions
from dichvucong.catalogue import stages
from dichvucong.forms.action import ICreateDossier
from dichvucong.forms.action import procedure_for
from functools import cached_property
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


def service_procedure(form):
    """The procedure a dossier-creating form submits, or None."""
    actions = get_actions(form)
    for name in actions:
        action = actions[name]
        if ICreateDossier.providedBy(action):
            return procedure_for(form, action.procedure_code)
    return None


class StageNotice:
    index = ViewPageTemplateFile("templates/stage_notice.pt")
    banner_template = ViewPageTemplateFile("templates/trial_banner.pt")

    def __init__(self, context, request, view=None):
        self.context = context
        self.request = request
        self.view = view

    @cached_property
    def procedure(self):
        return service_procedure(self.context)

    @cached_property
    def message(self):
        """Why the current user may not submit here (a message id), or None."""
        if self.procedure is None:
            return None
        return stages.refusal(self.procedure)

    def available(self):
        return self.message is not None

    def in_trial(self):
        return stages.stage_of(self.procedure) == stages.TRIAL

    def procedure_url(self):
        return self.procedure.absolute_url()

    def banner(self):
        """The "Trial run" banner for a tester of a service in trial, else ""."""
        if self.procedure is None or not stages.is_tester(self.procedure):
            return ""
        return self.banner_template()
