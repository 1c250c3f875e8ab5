"""Above a service form: tell visitors to log in first (a dossier has an owner)."""

from collective.easyform.api import get_actions
from dichvucong.forms.action import ICreateDossier
from plone import api
from plone.app.layout.viewlets.common import ViewletBase


class LoginNotice(ViewletBase):
    def available(self):
        if not api.user.is_anonymous():
            return False
        actions = get_actions(self.context)
        return any(ICreateDossier.providedBy(actions[name]) for name in actions)

    def login_url(self):
        portal_url = api.portal.get().absolute_url()
        return f"{portal_url}/login?came_from={self.context.absolute_url()}"

    def render(self):
        return self.index() if self.available() else ""
