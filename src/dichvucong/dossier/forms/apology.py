"""@@dossier-apology: apologise for a delay and set the new date (template 04)."""

from datetime import datetime
from datetime import time
from dichvucong import _
from dichvucong.base.dates import format_date
from dichvucong.base.dates import portal_timezone
from dichvucong.base.dates import storable
from dichvucong.base.forms.widgets import DayFieldWidget
from dichvucong.base.forms.widgets import TrimmedTextAreaFieldWidget
from dichvucong.dossier import audit
from dichvucong.dossier.forms.common import MAX_TEXT
from dichvucong.dossier.forms.common import DossierForm
from dichvucong.dossier.notifications.applicant import notify_applicant
from types import MappingProxyType
from z3c.form import button
from z3c.form import field
from z3c.form.converter import FormatterValidationError
from z3c.form.error import ErrorViewMessage
from zope import schema
from zope.interface import Interface
from zope.schema.interfaces import RequiredMissing


# Where the new date of an apology falls: the end of office hours.
APOLOGY_TIME = time(17, 0)
BAD_DATE = _("Please enter the new date as dd/mm/yyyy.")


class IApology(Interface):
    reason = schema.Text(title=_("Reason for the delay"), required=True)
    new_date = schema.Date(title=_("New date for the result (dd/mm/yyyy)"), required=True)


class ApologyForm(DossierForm):
    """An official's form (``dichvucong: Process dossier``); POST only."""

    view_name = "dossier-apology"
    page_id = "dvc-action-page"
    post_only = True
    anchor = "dvc-apology"
    id = "dvc-apology-form"
    css_class = "dvc-apology-form"
    label = _("Apologise and set a new date")
    widget_ids = MappingProxyType({"reason": "dvc-apology-reason", "new_date": "dvc-apology-date"})
    fields = field.Fields(IApology)
    fields["reason"].widgetFactory = TrimmedTextAreaFieldWidget
    fields["new_date"].widgetFactory = DayFieldWidget

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        self.widgets["reason"].rows = 3

    @button.buttonAndHandler(_("Record the apology"), name="apology")
    def handle_apology(self, action):
        data, errors = self.extractData()
        day = data.get("new_date")
        today = audit.now().date()
        if day is not None and day <= today:
            message = _(
                "The new date must be after today (${today}).",
                mapping={"today": format_date(audit.now(), self.request)},
            )
            self.set_error("new_date", message)
        if errors or self.widgets.errors:
            return
        reason = data["reason"][:MAX_TEXT]
        previous = self.context.due_at
        new_due = storable(datetime.combine(day, APOLOGY_TIME, portal_timezone()))
        self.context.due_at = new_due
        audit.record(
            self.context,
            "apology",
            comment=reason,
            public=True,
            new_due=new_due,
            previous_due=previous,
        )
        # The applicant gets the apology and the new date by email / SMS.
        notify_applicant(self.context, "apology", comment=reason, new_due_at=new_due)
        self.context.reindexObject()
        self.done(
            _(
                "The apology has been recorded; the new date is ${date}.",
                mapping={"date": format_date(day, self.request)},
            ),
            f"#{self.anchor}",
        )


reason_missing = ErrorViewMessage(
    _("Please give the reason for the delay."), error=RequiredMissing, field=IApology["reason"]
)
date_missing = ErrorViewMessage(BAD_DATE, error=RequiredMissing, field=IApology["new_date"])
date_unreadable = ErrorViewMessage(
    BAD_DATE, error=FormatterValidationError, field=IApology["new_date"]
)
