"""@@dossier-lookup: the citizens' "look up a dossier" page (anyone, no login).

A form with the dossier code and the last 4 digits of the ID number or phone number,
sent by POST so the digits stay out of URLs and logs; the answer is the dossier's
progress (same facts, same rate limit as ``@dossier-status``). Works on any context:
at the site root and as the layout of a page (``layout = "dossier-lookup"`` on the
/tra-cuu-ho-so Document). ``?code=`` fills in the code (links on receipts).

No CSRF token: the lookup changes nothing and is open to anonymous visitors.
"""

from dichvucong import _
from dichvucong.base.dates import format_datetime
from dichvucong.dossier.api import status
from dichvucong.dossier.api.common import status_title
from dichvucong.dossier.statuses import NEXT_STEPS
from plone.app.contenttypes.interfaces import IDocument
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class DossierLookupView(BrowserView):
    index = ViewPageTemplateFile("templates/dossier_lookup.pt")

    outcome = None  # None (form only), "found", "not_found", "invalid", "limited"
    result = None

    def __call__(self):
        request = self.request
        request.response.setHeader("Cache-Control", "no-store")
        self.code = request.form.get("code") if isinstance(request.form.get("code"), str) else ""
        if request.get("REQUEST_METHOD") == "POST":
            self.lookup()
        return self.index()

    def lookup(self):
        ok, retry_after = status.allowed(self.request)
        if not ok:
            self.outcome = "limited"
            self.request.response.setStatus(429)
            self.request.response.setHeader("Retry-After", str(retry_after))
            return
        params = status.normalise(self.request.form.get("code"), self.request.form.get("check"))
        if params is None:
            self.outcome = "invalid"
            return
        self.code = params[0]
        facts = status.public_status(*params)
        if facts is None:
            self.outcome = "not_found"
            return
        self.outcome = "found"
        self.result = facts

    @property
    def heading(self):
        if IDocument.providedBy(self.context):
            return self.context.Title()
        return _("Look up a dossier")

    @property
    def intro(self):
        if IDocument.providedBy(self.context) and self.context.Description():
            return self.context.Description()
        return _(
            "Enter the dossier code printed on your receipt and the last 4 digits of the "
            "applicant's ID number or phone number."
        )

    @property
    def action(self):
        return self.request.get("ACTUAL_URL") or self.context.absolute_url()

    def rows(self):
        """(row id, label, value) of the result, in reading order, empty ones left out."""
        facts = self.result
        rows = [
            ("code", _("Dossier code"), facts["code"]),
            ("procedure", _("Procedure"), facts["procedure_title"]),
            ("status", _("Status"), status_title(facts["status"], self.request)),
            ("next-step", _("What happens next"), NEXT_STEPS.get(facts["status"])),
            ("received", _("Received"), format_datetime(facts["received_at"], self.request)),
            ("due", _("Due"), format_datetime(facts["due_at"], self.request)),
            ("decided", _("Decided"), format_datetime(facts["decided_at"], self.request)),
            ("returned", _("Result returned"), format_datetime(facts["returned_at"], self.request)),
        ]
        return [row for row in rows if row[2]]
