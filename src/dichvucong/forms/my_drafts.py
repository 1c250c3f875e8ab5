"""The citizen's saved drafts on "My dossiers" (the dossier room's page renders the
viewlet manager ``dichvucong.my_dossiers.drafts``; forms fills it, so the dossier
room knows nothing of forms), and their deletion.

Listing purges the user's expired drafts and says once which ones expired (by
service name). Deleting is a POST with Plone's CSRF token, of the owner's draft only;
the list says plainly beside the button that a deleted draft cannot be restored.
"""

from dichvucong import _
from dichvucong.base.dates import format_date
from dichvucong.base.dates import format_datetime
from dichvucong.base.dates import isoformat
from dichvucong.forms import drafts
from dichvucong.forms.saving import resume_url
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.protect import CheckAuthenticator
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from zope.i18n import translate
from zope.interface import alsoProvides


class MyDrafts(ViewletBase):
    """Service name, when saved, until when kept, "Continue filling in" and "Delete"."""

    rows = ()
    expired = ()

    def update(self):
        super().update()
        if api.user.is_anonymous():
            return
        userid = api.user.get_current().getId()
        live, expired = drafts.user_drafts(userid)
        if expired:
            # Housekeeping of the user's own expired drafts: a write on GET that
            # plone.protect would undo (nothing a forged request could choose).
            alsoProvides(self.request, IDisableCSRFProtection)
        self.expired = expired
        self.rows = [self.row(token, draft) for token, draft in live]

    def row(self, token, draft):
        form = drafts.form_of(draft)
        return {
            "token": token,
            "title": form.Title() if form is not None else draft.title,
            "saved": format_datetime(draft.saved, self.request),
            "saved_iso": isoformat(draft.saved, "minutes"),
            "expires": format_date(draft.expires, self.request),
            "expires_iso": isoformat(draft.expires, "minutes"),
            "resume_url": resume_url(form, token) if form is not None else None,
        }

    def expired_text(self):
        if not self.expired:
            return ""
        names = "; ".join(title or "?" for title in self.expired)
        return translate(
            _(
                "These drafts expired and were deleted: ${names}.",
                mapping={"names": names},
            ),
            context=self.request,
        )

    def delete_url(self):
        return f"{self.site_url}/@@delete-draft"

    def render(self):
        if not self.rows and not self.expired:
            return ""
        return self.index()


class DeleteDraftView(BrowserView):
    """POST /@@delete-draft (draft=<token>, Plone's CSRF token): delete the user's draft."""

    def __call__(self):
        my_dossiers = f"{api.portal.get().absolute_url()}/@@my-dossiers"
        if self.request.method != "POST" or api.user.is_anonymous():
            return self.request.response.redirect(my_dossiers)
        CheckAuthenticator(self.request)
        title = drafts.delete_saved(self.request.form.get("draft"), api.user.get_current().getId())
        if title is not None:
            message = _("The draft “${title}” was deleted.", mapping={"title": title})
            api.portal.show_message(message, request=self.request, type="info")
        return self.request.response.redirect(my_dossiers)
