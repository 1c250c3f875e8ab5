"""Which answers of a dossier people read on its page: the form's questions only.

A service form may carry fields nobody answered: easyform's *server-side* variables and
*hidden* fields, fields the form's model hides or omits (``form:mode="hidden"``,
``form:omitted``), and fields that add-ons put into every form (collective.honeypot's
anti-spam field). Their values are the form's machinery, not the applicant's answers:
they never show on the dossier page.
"""

from collective.honeypot import config as honeypot_config
from collective.honeypot.interfaces import IHoneypot
from plone.autoform.interfaces import MODES_KEY
from plone.autoform.interfaces import OMITTED_KEY
from plone.supermodel.utils import mergedTaggedValueList
from zope.schema import getFieldNames


# Tagged values of collective.easyform ({field name: bool}) that mark a field internal.
EASYFORM_INTERNAL = ("serverSide", "THidden")


def extender_fields():
    """Names of the fields add-ons add to every form (not questions of the form)."""
    return frozenset(getFieldNames(IHoneypot)) | {honeypot_config.HONEYPOT_FIELD}


def _marked(schema, key):
    """Names of fields the model marks with ``key`` (autoform: hidden mode, omitted)."""
    names = set()
    for _interface, name, value in mergedTaggedValueList(schema, key):
        if key == MODES_KEY and value != "hidden":
            continue
        if key == OMITTED_KEY and str(value).lower() not in ("true", "1"):
            continue
        names.add(name)
    return names


def internal_fields(fields):
    """Names among ``fields`` ([(name, field)] of the form's model) that are no question
    the applicant answered, plus the names add-ons add to every form."""
    names = set(extender_fields())
    schemas = {field.interface for _name, field in fields if field.interface is not None}
    for schema in schemas:
        names |= _marked(schema, MODES_KEY) | _marked(schema, OMITTED_KEY)
        for key in EASYFORM_INTERNAL:
            names |= {name for name, flag in schema.queryTaggedValue(key, {}).items() if flag}
    return names


def visible_answers(answers, fields):
    """``answers`` without the internal fields of the form (see ``internal_fields``)."""
    hidden = internal_fields(fields)
    return {name: value for name, value in answers.items() if name not in hidden}
