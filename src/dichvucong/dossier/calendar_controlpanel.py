"""Control panel @@dossier-calendar: office hours, cut-off and public holidays.

The holidays change every year (lunar dates, compensatory days), so site managers edit them
here; the field constraints of the settings refuse a line the deadlines could not read.
"""

from dichvucong import _
from dichvucong.dossier.calendar_settings import IDossierCalendarSettings
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.app.z3cform.widgets.text import TextLinesFieldWidget
from plone.z3cform import layout


class DossierCalendarForm(RegistryEditForm):
    schema = IDossierCalendarSettings
    schema_prefix = "dichvucong.calendar"
    label = _("Working calendar for dossier deadlines")
    description = _(
        "Deadlines count office hours on working days only. Dossiers received at or after "
        "the cut-off time count from the next working day."
    )

    def updateFields(self):
        super().updateFields()
        # Plone has no default widget for a list of numbers: one per line, like the others.
        self.fields["working_weekdays"].widgetFactory = TextLinesFieldWidget


DossierCalendarView = layout.wrap_form(DossierCalendarForm, ControlPanelFormWrapper)
