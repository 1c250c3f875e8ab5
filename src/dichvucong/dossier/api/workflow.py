"""POST <dossier>/@workflow/<transition>: plone.restapi's transition service, with
clear answers for dossiers.

plone.restapi answers 400 ("No workflow provides ...") for every refused transition.
For a dossier, a transition of the current state that the user lacks the permission
for is answered 403; other refusals stay restapi's 400 (missing required comment,
transition not possible in this state, failed guard). Nothing is written on a refusal
(restapi sets the effective date before trying the transition: the transaction is
doomed).
"""

from AccessControl import getSecurityManager
from dichvucong import _
from dichvucong.dossier.api.common import error
from plone.restapi.services.workflow.transition import WorkflowTransition
import transaction


class DossierWorkflowTransition(WorkflowTransition):
    def reply(self):
        if self.transition is not None and self.lacks_permission():
            return error(
                self.request, 403, "Forbidden", _("You may not take this action on this dossier.")
            )
        result = super().reply()
        if self.request.response.getStatus() >= 400:
            transaction.doom()
        return result

    def lacks_permission(self):
        checker = getSecurityManager()
        for workflow in self.wftool.getWorkflowsFor(self.context):
            transition = workflow.transitions.get(self.transition)
            state = workflow._getWorkflowStateOf(self.context)
            if transition is None or state is None or self.transition not in state.transitions:
                continue
            permissions = transition.getGuard().permissions or ()
            if permissions and not any(
                checker.checkPermission(permission, self.context) for permission in permissions
            ):
                return True
        return False
