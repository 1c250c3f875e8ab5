"""Schema fields of a table: the table, its rows, and a number that stays as given.

``Table`` is a ``schema.List`` of ``TableRow`` (a datagridfield ``DictRow``), so the
edit form shows one column per field of the row schema. Its JSON schema is checked
first, with the same error as the JSON field it replaces, so REST clients see the
same answers as before.
"""

from collective.z3cform.datagridfield.interfaces import IRow
from collective.z3cform.datagridfield.row import DictRow
from zope import schema
from zope.interface import Attribute
from zope.interface import implementer
from zope.schema import getFields
from zope.schema.interfaces import IFloat
from zope.schema.interfaces import IList
from zope.schema.interfaces import RequiredMissing
from zope.schema.interfaces import ValidationError
from zope.schema.interfaces import WrongContainedType
from zope.schema.interfaces import WrongType
import json
import jsonschema


class UnknownColumn(ValidationError):
    __doc__ = "Unknown column"


class ITableRow(IRow):
    """A row of a ``Table``: a plain dict with the keys of the row schema."""

    nullable = Attribute("Keys the table keeps with an empty value (null), not left out.")


class ITable(IList):
    """A list of rows checked against a JSON schema."""

    json_schema = Attribute("The JSON schema (a dict) every value must pass.")


class INumber(IFloat):
    """A whole or decimal number."""


@implementer(INumber)
class Number(schema.Float):
    """A number kept as given: 3 stays the whole number 3, 0.5 a decimal; never a
    yes/no value (the JSON schema's "number")."""

    _type = (int, float)

    def _validate(self, value):
        if isinstance(value, bool):
            raise WrongType(value, self._type, self.__name__).with_field_and_value(self, value)
        super()._validate(value)


@implementer(ITableRow)
class TableRow(DictRow):
    """A row stored as a plain dict: only the row schema's keys, each checked by its
    field; optional keys may be left out."""

    nullable = frozenset()

    def _validate(self, value):
        if not isinstance(value, dict):
            raise WrongType(value, dict, self.__name__).with_field_and_value(self, value)
        fields = getFields(self.schema)
        errors = []
        unknown = sorted(set(value) - set(fields))
        if unknown:
            errors.append(UnknownColumn(", ".join(unknown)))
        for name, field in fields.items():
            if name not in value:
                if field.required:
                    errors.append(RequiredMissing(name))
                continue
            try:
                field.bind(self.context).validate(value[name])
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise WrongContainedType(errors, self.__name__).with_field_and_value(self, value)


@implementer(ITable)
class Table(schema.List):
    """A table: rows of ``row`` (a schema interface), all passing ``json_schema``
    (a JSON string, as plone.schema's JSONField takes it)."""

    def __init__(self, row, json_schema, **kw):
        self.json_schema = json.loads(json_schema)
        self._validator = jsonschema.validators.validator_for(self.json_schema)(self.json_schema)
        properties = self.json_schema.get("items", {}).get("properties", {})
        value_type = TableRow(schema=row, required=True)
        # Keys whose JSON type admits null keep an empty value as null ("time": null
        # means "to be confirmed"); other empty values are left out.
        value_type.nullable = frozenset(
            name for name, spec in properties.items() if "null" in _types(spec)
        )
        super().__init__(value_type=value_type, **kw)

    def _validate(self, value):
        error = next(self._validator.iter_errors(value), None)
        if error is not None:
            raise WrongContainedType(error.message, self.__name__)
        super()._validate(value)


def _types(spec):
    types = spec.get("type", [])
    return [types] if isinstance(types, str) else types
