"""The table editor of the edit form: collective.z3cform.datagridfield, one column per
field of the row schema, rows added, removed and moved in the browser.

What it adds to the datagrid: rows are stored as the table keeps them (empty cells
left out, an emptied table is ``[]``), the whole table is checked against its JSON
schema after the cells, numbers accept "0,5" and "0.5", and every cell carries its
column's name for screen readers (the column headings are not tied to the inputs).
"""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldConverter
from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidget
from collective.z3cform.datagridfield.interfaces import IDataGridFieldWidget
from collective.z3cform.datagridfield.row import DictRowConverter
from dichvucong import _
from dichvucong.catalogue.tables.fields import INumber
from dichvucong.catalogue.tables.fields import ITable
from dichvucong.catalogue.tables.fields import ITableRow
from z3c.form.converter import BaseDataConverter
from z3c.form.converter import FormatterValidationError
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import IFormLayer
from z3c.form.interfaces import ITextWidget
from z3c.form.validator import SimpleFieldValidator
from z3c.form.widget import FieldWidget
from zope.component import adapter
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import implementer
from zope.schema.interfaces import ValidationError
import re


# The datagrid's extra rows: the empty row at the end and the hidden template row.
AUTO_APPEND, TEMPLATE = "AA", "TT"


class CellErrors(ValidationError):
    __doc__ = _("Some cells of this table need correcting: see the messages in the table.")


class TableWidget(DataGridFieldWidget):
    """The datagrid, with rows in the editors' order (they can move them)."""

    allow_reorder = True
    input_table_css_class = "table table-striped dvc-table-editor"

    def getWidget(self, idx):
        row = super().getWidget(idx)
        for cell in row.widgets.values():
            cell.title = translate(cell.field.title, context=self.request)
            if idx in (AUTO_APPEND, TEMPLATE):
                # Not rows yet: after a refused save the datagrid would mark their
                # empty required cells as missing.
                cell.error = None
        return row


@adapter(ITable, IFormLayer)
@implementer(IFieldWidget)
def TableFieldWidget(field, request):
    return FieldWidget(field, TableWidget(request))


@adapter(ITable, IDataGridFieldWidget)
class TableConverter(DataGridFieldConverter):
    """Rows as the form sent them; no rows at all is an empty table, not "no value"."""

    def toFieldValue(self, value):
        if not len(value):
            return []
        return super().toFieldValue(value)


@adapter(ITableRow, IFieldWidget)
class TableRowConverter(DictRowConverter):
    """A row as the table stores it: an empty cell is left out, unless its key keeps
    null (a channel's time and fee: null reads "to be confirmed")."""

    def toFieldValue(self, value):
        row = super().toFieldValue(value)
        return {
            name: cell
            for name, cell in row.items()
            if cell not in (None, "") or name in self.field.nullable
        }


NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


@adapter(INumber, ITextWidget)
class NumberConverter(BaseDataConverter):
    """Five is "5", a half "0,5" or "0.5": either decimal sign, no thousands
    separator (with one, "1.5" would read as fifteen in Vietnamese)."""

    def toWidgetValue(self, value):
        if value is self.field.missing_value:
            return ""
        text = f"{value:.10g}"
        locale = getattr(self.widget.request, "locale", None)
        decimal = locale.numbers.symbols.get("decimal", ".") if locale is not None else "."
        return text.replace(".", decimal)

    def toFieldValue(self, value):
        text = (value or "").strip()
        if not text:
            return self.field.missing_value
        if not NUMBER.match(text):
            raise FormatterValidationError(_("Give a number, like 5 or 0,5."), value)
        number = float(text.replace(",", "."))
        return int(number) if number.is_integer() else number


@adapter(Interface, Interface, Interface, ITable, DataGridFieldWidget)
class TableValidator(SimpleFieldValidator):
    """First the cells (an error in a cell marks the table), then the table itself:
    the same JSON schema the REST API and the import check."""

    def validate(self, value, force=False):
        for row in self.widget.widgets:
            if row.id.endswith((AUTO_APPEND, TEMPLATE)):
                continue
            if any(getattr(cell, "error", None) for cell in row.widgets.values()):
                raise CellErrors()
        return super().validate(value, force)
