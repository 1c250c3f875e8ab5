"""Plone's "insufficient privileges" page, in the site's words and with 403 Forbidden.

A logged-in person refused a page (a citizen opening the sharing page of her own
dossier) is redirected here by Plone's login challenge. Plone's page answered 200 OK
and addressed the reader informally; this one answers 403, so a client, a proxy and a
test read the refusal from the status, and speaks as the rest of the site does.
"""

from plone import api
from Products.CMFPlone.browser.login.login import InsufficientPrivilegesView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class ForbiddenView(InsufficientPrivilegesView):
    index = ViewPageTemplateFile("templates/forbidden.pt")

    def __call__(self):
        self.request.response.setStatus(403)
        self.request.response.setHeader("Cache-Control", "private, no-store")
        return self.index()

    @property
    def portal_url(self):
        return api.portal.get().absolute_url()

    @property
    def contact_url(self):
        return f"{self.portal_url}/contact-info"
