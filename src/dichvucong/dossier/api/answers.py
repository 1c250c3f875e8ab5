"""Answers sent as JSON, checked against the procedure's online form.

The form is a collective.easyform form; its schema gives the fields a dossier may
carry. Each JSON value goes through plone.restapi's field deserializer for its field
(the portal's own for dates and yes/no answers, see deserializers.py), which converts
it to the field's type and validates it (required values, lengths, choices against
their vocabularies). Fields the citizen does not fill in (labels, captchas,
server-side and read-only fields) are not accepted. The typed answers then go
through the checks by field name (dossier/checks/rules.py), as in the browser, so
that one reply lists every problem.
"""

from collective.easyform import interfaces as easyform
from collective.easyform.api import get_schema
from collective.easyform.interfaces import IFieldExtender
from dichvucong import _
from dichvucong.dossier.api.deserializers import INVALID
from dichvucong.dossier.api.deserializers import Invalid
from dichvucong.dossier.checks import rules
from plone.namedfile.interfaces import INamedField
from plone.restapi.interfaces import IFieldDeserializer
from zope.component import getMultiAdapter
from zope.globalrequest import getRequest
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import RequiredMissing
from zope.schema.interfaces import TooBig
from zope.schema.interfaces import TooLong
from zope.schema.interfaces import TooShort
from zope.schema.interfaces import TooSmall
from zope.schema.interfaces import ValidationError
import re


# Names of answers and file fields when the procedure has no form.
FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,99}$")

# The very message the browser form shows for a required answer left empty: zope.schema's
# own, translated by our supplement of the ``zope`` domain (locales/vi/.../zope.po).
REQUIRED = RequiredMissing.__doc__
UNKNOWN = _("The form has no such field.")
CHOOSE = _("Please choose one of the options offered.")
# Out of bounds: zope.schema's own messages too, as the browser form shows them.
MESSAGES = tuple(
    (kind, kind.__doc__) for kind in (RequiredMissing, TooLong, TooShort, TooBig, TooSmall)
)


def _not_for_input(field):
    """Fields a citizen does not fill in: labels, captchas, server-side, read-only."""
    for name in ("ILabel", "IReCaptcha", "IHCaptcha", "INorobotCaptcha"):
        marker = getattr(easyform, name, None)
        if marker is not None and marker.providedBy(field):
            return True
    if field.readonly:
        return True
    try:
        return bool(IFieldExtender(field).serverSide)
    except (TypeError, KeyError, AttributeError):
        return False


def form_fields(form):
    """(answer fields, file fields): {name: field bound to the form} of the form's schema."""
    answers, files = {}, {}
    for name, field in getFieldsInOrder(get_schema(form)):
        if _not_for_input(field):
            continue
        bound = field.bind(form)
        (files if INamedField.providedBy(field) else answers)[name] = bound
    return answers, files


def _missing(value):
    return value is None or value == "" or value == [] or value == {}


def deserialize(form, field, value):
    """The JSON ``value`` as a valid value of ``field``; raises Invalid, ValueError or
    a zope.schema ValidationError."""
    deserializer = getMultiAdapter((field, form, getRequest()), IFieldDeserializer)
    return deserializer(value)


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
    values = {}
    errors = _misplaced(answers, file_fields_sent, inputs, file_inputs)
    for name, field in inputs.items():
        if name in errors:
            continue
        typed, message = _check_answer(form, field, answers.get(name))
        if message is not None:
            errors[name] = message
        elif typed is not _EMPTY:
            values[name] = typed
    for name, field in file_inputs.items():
        if field.required and name not in file_fields_sent and name not in errors:
            errors[name] = REQUIRED
    for name, message in rules.check(values).items():
        errors.setdefault(name, message)
    return values, errors


def _misplaced(answers, file_fields_sent, inputs, file_inputs):
    """{name: message} of the answers and files the form has no field for."""
    errors = {}
    for name in answers:
        if name in file_inputs:
            errors[name] = _("Send files in the list of files, not with the answers.")
        elif name not in inputs:
            errors[name] = UNKNOWN
    for name in file_fields_sent:
        if name not in file_inputs:
            errors[name] = UNKNOWN
    return errors


# An optional question left empty: no value, no error.
_EMPTY = object()


def _check_answer(form, field, value):
    """(typed value, None), or (None, the message for the citizen)."""
    if _missing(value):
        return _EMPTY, (REQUIRED if field.required else None)
    try:
        return deserialize(form, field, value), None
    except Invalid as error:
        return None, error.message
    except ValidationError as error:
        return None, _message(field, error)
    except (ValueError, TypeError, LookupError):
        return None, _message(field, None)


def check_free(answers, file_fields_sent):
    """(values, errors) without a form: answers are kept as given, names must be plain."""
    errors = {}
    for name in [*answers, *file_fields_sent]:
        if not FIELD_NAME.match(name):
            errors[name[:100]] = _("Field names use letters, digits and _ only.")
    return dict(answers), errors
