"""Answers sent as JSON, checked against the procedure's online form.

The form is a collective.easyform form; its schema gives the fields a dossier may
carry. JSON values are converted to the field types (dates ``YYYY-MM-DD``, sets from
lists, ...) and then validated by zope.schema (``field.validate``: required values,
lengths, choices against their vocabularies). Fields the citizen does not fill in
(labels, captchas, server-side and read-only fields) are not accepted.
"""

from collections.abc import Mapping
from datetime import date
from datetime import datetime
from datetime import time
from dichvucong import _
from dichvucong.base.dates import portal_time
from dichvucong.base.dates import storable
from plone.namedfile.interfaces import INamedField
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IDecimal
from zope.schema.interfaces import IDict
from zope.schema.interfaces import IFloat
from zope.schema.interfaces import IInt
from zope.schema.interfaces import IObject
from zope.schema.interfaces import ISet
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITime
from zope.schema.interfaces import RequiredMissing
from zope.schema.interfaces import TooBig
from zope.schema.interfaces import TooLong
from zope.schema.interfaces import TooShort
from zope.schema.interfaces import TooSmall
from zope.schema.interfaces import ValidationError
import decimal
import re


# Names of answers and file fields when the procedure has no form.
FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,99}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INTEGER = re.compile(r"^-?\d{1,18}$")
NUMBER = re.compile(r"^-?\d{1,18}(\.\d{1,18})?$")

REQUIRED = _("This information is required.")
UNKNOWN = _("The form has no such field.")
INVALID = _("This value is not valid for this field.")
CHOOSE = _("Please choose one of the options offered.")
MESSAGES = (
    (RequiredMissing, REQUIRED),
    (TooLong, _("The value is too long.")),
    (TooShort, _("The value is too short.")),
    (TooBig, _("The value is too large.")),
    (TooSmall, _("The value is too small.")),
)


class Invalid(ValueError):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _not_for_input(field):
    """Fields a citizen does not fill in: labels, captchas, server-side, read-only."""
    from collective.easyform import interfaces

    for name in ("ILabel", "IReCaptcha", "IHCaptcha", "INorobotCaptcha"):
        marker = getattr(interfaces, name, None)
        if marker is not None and marker.providedBy(field):
            return True
    if field.readonly:
        return True
    try:
        from collective.easyform.interfaces import IFieldExtender

        return bool(IFieldExtender(field).serverSide)
    except (TypeError, KeyError, AttributeError):
        return False


def form_fields(form):
    """(answer fields, file fields): {name: field bound to the form} of the form's schema."""
    from collective.easyform.api import get_schema

    answers, files = {}, {}
    for name, field in getFieldsInOrder(get_schema(form)):
        if _not_for_input(field):
            continue
        bound = field.bind(form)
        (files if INamedField.providedBy(field) else answers)[name] = bound
    return answers, files


def _missing(value):
    return value is None or value == "" or value == [] or value == {}


def convert(field, value):
    """The JSON ``value`` as a value of ``field``'s type; raises Invalid."""
    if value is None:
        return None
    if IChoice.providedBy(field):
        if not isinstance(value, str | int) or isinstance(value, bool):
            raise Invalid(INVALID)
        return value
    if IDatetime.providedBy(field):
        if not isinstance(value, str):
            raise Invalid(_("Please give the date and time as YYYY-MM-DDTHH:MM."))
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise Invalid(_("Please give the date and time as YYYY-MM-DDTHH:MM.")) from None
        # A time without offset is portal time; stored at a fixed offset.
        return moment if moment.tzinfo else storable(portal_time(moment))
    if IDate.providedBy(field):
        if not isinstance(value, str) or not DATE.match(value):
            raise Invalid(_("Please give the date as YYYY-MM-DD."))
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise Invalid(_("Please give the date as YYYY-MM-DD.")) from None
    if ITime.providedBy(field):
        try:
            return time.fromisoformat(value)
        except (TypeError, ValueError):
            raise Invalid(INVALID) from None
    if IBool.providedBy(field):
        if not isinstance(value, bool):
            raise Invalid(INVALID)
        return value
    if IInt.providedBy(field):
        if isinstance(value, str) and INTEGER.match(value.strip()):
            return int(value)
        if not isinstance(value, int) or isinstance(value, bool):
            raise Invalid(INVALID)
        return value
    if IFloat.providedBy(field) or IDecimal.providedBy(field):
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise Invalid(INVALID)
        if isinstance(value, str) and not NUMBER.match(value.strip()):
            raise Invalid(INVALID)
        if IDecimal.providedBy(field):
            return decimal.Decimal(str(value).strip())
        return float(value)
    if ICollection.providedBy(field):
        if not isinstance(value, list):
            raise Invalid(INVALID)
        items = value
        if field.value_type is not None:
            items = [convert(field.value_type, item) for item in value]
        kind = getattr(field, "_type", None)
        if ISet.providedBy(field) or kind in (set, frozenset):
            try:
                return (kind or set)(items)
            except TypeError:
                raise Invalid(INVALID) from None
        return tuple(items) if kind is tuple else list(items)
    if IDict.providedBy(field) or IObject.providedBy(field):
        if not isinstance(value, Mapping):
            raise Invalid(INVALID)
        return dict(value)
    if IText.providedBy(field):
        if not isinstance(value, str):
            raise Invalid(INVALID)
        return value
    return value


def _message(field, error):
    choice = IChoice.providedBy(field) or IChoice.providedBy(getattr(field, "value_type", None))
    # A value outside the vocabulary (directly or inside a list).
    if choice and not isinstance(error, RequiredMissing | TooLong | TooShort):
        return CHOOSE
    for kind, message in MESSAGES:
        if isinstance(error, kind):
            return message
    return INVALID


def check_against_form(form, answers, file_fields_sent):
    """(typed values, errors) for the JSON ``answers`` of ``form``; ``file_fields_sent``
    are the form fields files were sent for (required file fields need one)."""
    inputs, file_inputs = form_fields(form)
    values, errors = {}, {}
    for name in answers:
        if name in file_inputs:
            errors[name] = _("Send files in the list of files, not with the answers.")
        elif name not in inputs:
            errors[name] = UNKNOWN
    for name in file_fields_sent:
        if name not in file_inputs:
            errors[name] = UNKNOWN
    for name, field in inputs.items():
        if name in errors:
            continue
        value = answers.get(name)
        if _missing(value):
            if field.required:
                errors[name] = REQUIRED
            continue
        try:
            typed = convert(field, value)
            field.validate(typed)
        except Invalid as error:
            errors[name] = error.message
            continue
        except ValidationError as error:
            errors[name] = _message(field, error)
            continue
        values[name] = typed
    for name, field in file_inputs.items():
        if field.required and name not in file_fields_sent and name not in errors:
            errors[name] = REQUIRED
    return values, errors


def check_free(answers, file_fields_sent):
    """(values, errors) without a form: answers are kept as given, names must be plain."""
    errors = {}
    for name in [*answers, *file_fields_sent]:
        if not FIELD_NAME.match(name):
            errors[name[:100]] = _("Field names use letters, digits and _ only.")
    return dict(answers), errors
