"""What the forms on a dossier share: who may use them now, the page around them, and
what happens after.

Every change happens on POST with a valid ``_authenticator`` token (checked before
anything else, and again by plone.app.z3cform before a button's handler); a GET shows
the form and changes nothing. A refused request changes nothing either: every check
comes before the first write.
"""

from dichvucong import _
from dichvucong.base.forms import PageForm
from dichvucong.dossier.views.common import DossierMixin
from dichvucong.dossier.views.common import no_store
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


MAX_TEXT = 5000
NOT_ALLOWED = _("You cannot do this on this dossier now. Nothing was changed.")
UPDATED = _("The dossier has been updated: ${action}.")


class DossierForm(DossierMixin, PageForm):
    """A form on a dossier, at ``<dossier>/@@<view_name>``."""

    page = ViewPageTemplateFile("templates/page.pt")
    view_name = ""
    anchor = ""  # where the dossier page shows this form
    post_only = False  # a GET goes back to the dossier page (the form is there)
    shown = True

    def __init__(self, context, request):
        super().__init__(context, request)
        no_store(request.response)

    @property
    def action(self):
        return f"{self.dossier_url}/@@{self.view_name}"

    def allowed(self):
        """May the current user do this on this dossier now? (The view's permission
        is checked by the publisher; this is what the workflow allows.)"""
        return True

    def __call__(self):
        self.check_token()
        if not self.allowed():
            return self.refused()
        if self.post_only and not self.is_post:
            self.request.response.redirect(f"{self.dossier_url}#{self.anchor}", status=303)
            return ""
        self.update()
        if self.request.response.getStatus() in (302, 303):
            return ""
        return self.page()

    def render_in_place(self):
        """The form alone, for the dossier page."""
        self.update()
        return self.fragment()

    def done(self, message, anchor=""):
        self.message(message, "info")
        self.request.response.redirect(self.dossier_url + anchor, status=303)

    def refused(self):
        """The user may not do this now: say so, change nothing (403)."""
        self.shown = False
        self.message(NOT_ALLOWED, "error")
        self.request.response.setStatus(403)
        return self.page()

    def failed(self, message):
        """Nothing was done, for a reason that belongs to no field (400)."""
        self.status = message
        self.request.response.setStatus(400)
