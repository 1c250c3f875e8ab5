"""Is the current user dossier staff (an agency's official or a leader)? For the
condition of the "Dossiers to process" user action."""

from dichvucong.dossier.storage import LEADER_ROLE
from plone import api
from Products.Five.browser import BrowserView


class IsDossierStaff(BrowserView):
    def __call__(self):
        if api.user.is_anonymous():
            return False
        user = api.user.get_current()
        if LEADER_ROLE in api.user.get_roles(user=user):
            return True
        return any(group.startswith("officials-") for group in user.getGroups())
