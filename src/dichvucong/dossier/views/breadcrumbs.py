"""Breadcrumbs of a dossier: the way people reach it, never the store's folders.

Plone builds breadcrumbs by asking each item's ``breadcrumbs_view``
(``INavigationBreadcrumbs``) and its parents'. For a dossier this view answers alone:
the citizen reads Home > My dossiers > <code>, staff (who may view the dossier's
internals: officials of its agency, leaders) Home > Dossiers to process > <code>. The
store, the agency's folder and the month folder (``/ho-so/<agency>/<YYYY-MM>/``) are
how dossiers are kept, not where people find them. Pages of a dossier
(``@@dossier-withdraw``, ``@@dossier-submitted``, ...) use the same trail.
"""

from dichvucong import _
from dichvucong.dossier.storage import get_store
from dichvucong.dossier.views.common import VIEW_INTERNALS
from dichvucong.dossier.views.common import has_permission
from plone import api
from Products.CMFPlone.browser.interfaces import INavigationBreadcrumbs
from Products.Five.browser import BrowserView
from zope.i18n import translate
from zope.interface import implementer


MY_DOSSIERS = _("My dossiers")
TO_PROCESS = _("Dossiers to process")


@implementer(INavigationBreadcrumbs)
class DossierBreadcrumbs(BrowserView):
    """``breadcrumbs_view`` of a dossier (the viewlet adds "Home" before it)."""

    def list_crumb(self):
        """{absolute_url, Title} of the list the reader finds this dossier in."""
        if has_permission(VIEW_INTERNALS, self.context):
            store = get_store()
            base = store.absolute_url() if store is not None else api.portal.get().absolute_url()
            return {"absolute_url": f"{base}/@@worklist", "Title": self.t(TO_PROCESS)}
        portal_url = api.portal.get().absolute_url()
        return {"absolute_url": f"{portal_url}/@@my-dossiers", "Title": self.t(MY_DOSSIERS)}

    def breadcrumbs(self):
        dossier = self.context
        return (
            self.list_crumb(),
            {"absolute_url": dossier.absolute_url(), "Title": dossier.code or dossier.getId()},
        )

    def t(self, msgid):
        return translate(msgid, context=self.request)
