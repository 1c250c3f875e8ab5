"""Widget settings editors can give in a service form's model (supermodel XML).

Lets a select list start empty (``<prompt>True</prompt>``), so that a required
choice such as the receiving ward is never sent with its first option by mistake.
"""

from plone.autoform.widgets import WidgetExportImportHandler
from z3c.form.interfaces import ISelectWidget


SelectWidgetExportImportHandler = WidgetExportImportHandler(ISelectWidget)
