"""@@dossier-submitted: the confirmation the citizen reads after sending a dossier.

The code, the dates (the result date is counted from when the agency must have checked
the dossier, so it never comes before that check: ``deadlines.online_due_date``), what
happens next, the receipt, and what the public lookup will ask for: the code and the
last 4 digits of the ID number or phone number given with the dossier (the second
factor ``dossier/api/status.py`` checks), never the digits themselves.
"""

from dichvucong import _
from dichvucong.base.dates import format_datetime
from dichvucong.base.sections import SectionMissing
from dichvucong.base.sections import section_url
from dichvucong.dossier.statuses import NEXT_STEPS
from plone import api
from Products.Five.browser import BrowserView


# What the lookup asks for besides the code, by the numbers the dossier has.
LOOKUP_FACTORS = {
    (True, True): _(
        "To look it up without logging in, enter this code and the last 4 digits of "
        "your ID number or of your phone number."
    ),
    (True, False): _(
        "To look it up without logging in, enter this code and the last 4 digits of your ID number."
    ),
    (False, True): _(
        "To look it up without logging in, enter this code and the last 4 digits of "
        "your phone number."
    ),
    (False, False): _(
        "The dossier lookup needs the last 4 digits of an ID number or phone number, "
        "and this dossier has neither: follow it in “My dossiers”."
    ),
}


def has_check_digits(value):
    """Can the lookup check this number (at least 4 digits)?"""
    return sum(c.isdigit() for c in value or "") >= 4


class SubmittedView(BrowserView):
    """Confirmation: the dossier code, due date, next steps, the receipt and the lookup."""

    def next_step(self):
        return NEXT_STEPS.get(api.content.get_state(self.context))

    def due(self):
        return format_datetime(self.context.due_at, self.request) or None

    def acknowledge_by(self):
        return format_datetime(self.context.acknowledge_by, self.request) or None

    def lookup(self):
        """{factor, url}: what the public lookup asks for, and where it is."""
        dossier = self.context
        key = (
            has_check_digits(dossier.applicant_id_number),
            has_check_digits(dossier.applicant_phone),
        )
        try:
            url = section_url("lookup")
        except SectionMissing:
            url = f"{api.portal.get().absolute_url()}/@@dossier-lookup"
        return {"factor": LOOKUP_FACTORS[key], "url": url, "possible": any(key)}
