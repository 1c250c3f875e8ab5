"""@@my-dossiers: the citizen's own dossiers, newest first, read from the catalog;
above them what other rooms put in the viewlet manager ``dichvucong.my_dossiers.drafts``
(forms: the citizen's saved drafts)."""

from dichvucong import _
from dichvucong.base.dates import format_date
from dichvucong.base.dates import format_datetime
from dichvucong.base.dates import isoformat
from dichvucong.base.sections import section_url
from dichvucong.dossier.lists.common import b_start
from dichvucong.dossier.lists.common import is_trial
from dichvucong.dossier.lists.common import moment
from dichvucong.dossier.lists.common import no_store
from dichvucong.dossier.lists.common import procedure_title
from dichvucong.dossier.statuses import NEXT_STEPS
from dichvucong.dossier.statuses import TITLES
from plone import api
from plone.batching import Batch
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import Unauthorized
from zope.i18n import translate
from zope.viewlet.interfaces import IViewletManager


PAGE_SIZE = 20


class IMyDossiersDrafts(IViewletManager):
    """On "My dossiers", before the dossiers: what the citizen started and has not
    submitted yet (forms lists the saved drafts). Viewlets are registered for the
    site root."""


class MyDossiersView(BrowserView):
    """Code, procedure, received date, status, next step and due date of each dossier."""

    index = ViewPageTemplateFile("templates/my_dossiers.pt")
    page_size = PAGE_SIZE

    def __call__(self):
        if api.user.is_anonymous():
            # Plone answers with the login form, and comes back here afterwards.
            raise Unauthorized("Log in to see your dossiers.")
        no_store(self.request)
        self.userid = api.user.get_current().getId()
        start = b_start(self.request.form)
        results = api.portal.get_tool("portal_catalog")(
            portal_type="Dossier",
            dossier_applicant=self.userid,
            # Received dates count in minutes: the code orders dossiers of the same minute.
            sort_on=["dossier_received", "dossier_code"],
            sort_order="descending",
            b_start=start,
            b_size=self.page_size,
        )
        self.batch = Batch(results, self.page_size, start=start)
        return self.index()

    def translate(self, message):
        return translate(message, context=self.request)

    def rows(self):
        return [self.row(brain) for brain in self.batch]

    def row(self, brain):
        state = brain.review_state
        due = brain.dossier_due
        return {
            "code": brain.dossier_code,
            "url": brain.getURL(),
            "procedure": procedure_title(brain),
            "trial": is_trial(brain),
            "received": format_date(moment(brain.dossier_received), self.request),
            "received_iso": isoformat(moment(brain.dossier_received), "minutes"),
            "status": state,
            "status_title": self.translate(TITLES[state]) if state in TITLES else state,
            "next_step": self.translate(NEXT_STEPS[state]) if state in NEXT_STEPS else "",
            "due": format_datetime(moment(due), self.request)
            or self.translate(_("To be confirmed")),
            "due_iso": isoformat(moment(due), "minutes"),
        }

    def count_text(self):
        return self.translate(
            _("Dossiers: ${count}", mapping={"count": self.batch.sequence_length})
        )

    def catalogue_url(self):
        """Where a citizen starts a new dossier: the procedure catalogue."""
        return section_url("procedures")
