"""Visitors are asked to log in before a service form (a dossier has an owner): the
form's page (form.py) shows this notice, with a button to the log-in page that comes
back to the form, instead of fields they could not send."""

from collective.easyform.api import get_actions
from dichvucong.forms.action import ICreateDossier
from plone import api
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode


class LoginNotice:
    index = ViewPageTemplateFile("templates/login_notice.pt")

    def __init__(self, context, request, view=None):
        self.context = context
        self.request = request
        self.view = view
        self.__parent__ = context  # so the viewlets of its dichvucong.form.help may be checked

    def available(self):
        if not api.user.is_anonymous():
            return False
        actions = get_actions(self.context)
        return any(ICreateDossier.providedBy(actions[name]) for name in actions)

    def login_url(self):
        portal_url = api.portal.get().absolute_url()
        return f"{portal_url}/login?{urlencode({'came_from': self.context.absolute_url()})}"
