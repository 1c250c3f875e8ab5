"""Answers as people read them: typed values shown with the form's terms and the
page's formats (dates and numbers in the page's language and the portal's time zone,
yes/no, choices by their titles). Used by the dossier pages and the check-your-answers
page."""

from datetime import date
from datetime import datetime
from datetime import time
from decimal import Decimal
from dichvucong import _
from dichvucong.base.dates import format_date
from dichvucong.base.dates import format_datetime
from dichvucong.base.dates import format_time
from dichvucong.base.numbers import format_number
from zope.component import queryUtility
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.interfaces import IVocabularyTokenized


YES = _("Yes")
NO = _("No")


def _term_title(field, value, context):
    vocabulary = getattr(field, "vocabulary", None)
    if vocabulary is None and getattr(field, "vocabularyName", None):
        factory = queryUtility(IVocabularyFactory, field.vocabularyName)
        vocabulary = factory(context) if factory is not None else None
    if vocabulary is not None and IVocabularyTokenized.providedBy(vocabulary):
        try:
            term = vocabulary.getTerm(value)
        except (LookupError, ValueError, TypeError):
            return None
        return term.title or term.token
    return None


# In this order: a datetime is also a date.
TEMPORAL_FORMATS = ((datetime, format_datetime), (date, format_date), (time, format_time))


def format_value(value, field=None, context=None):
    """One answer as a list of text lines, typed: dates and numbers in the page's
    language, yes/no, choices by their titles. Text only: the template escapes it."""
    if value is None or value == "":
        return []
    if isinstance(value, bool) or (field is not None and IBool.providedBy(field)):
        return [YES if value else NO]
    for kind, formatter in TEMPORAL_FORMATS:
        if isinstance(value, kind):
            return [formatter(value)]
    if isinstance(value, dict):
        return _mapping_lines(value)
    if isinstance(value, list | tuple | set | frozenset):
        return _collection_lines(value, field, context)
    return _single_lines(value, field, context)


def _mapping_lines(value):
    """One line per key: ``key: its values``."""
    return [
        f"{key}: {', '.join(str(x) for x in format_value(item))}" for key, item in value.items()
    ]


def _collection_lines(value, field, context):
    """The lines of every item (a set's items in a stable order), typed by the field's
    value type."""
    value_type = getattr(field, "value_type", None) if field is not None else None
    items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
    lines = []
    for item in items:
        lines.extend(format_value(item, value_type, context))
    return lines


def _single_lines(value, field, context):
    """A choice by its title, a number in the page's format, text by its lines."""
    if field is not None and IChoice.providedBy(field):
        title = _term_title(field, value, context)
        if title is not None:
            return [title]
    if isinstance(value, float | Decimal):
        return [format_number(float(value))]
    return [line for line in str(value).splitlines() if line.strip()] or [str(value)]


def answer_rows(answers, fields, context=None):
    """[{name, label, lines, many}] in the form's order; answers the form no longer knows
    come last, labelled with their field name."""
    rows = []
    seen = set()
    for name, field in fields:
        if name not in answers:
            continue
        seen.add(name)
        value = answers[name]
        rows.append(
            {
                "name": name,
                "label": field.title or name,
                "lines": format_value(value, field, context),
                "many": ICollection.providedBy(field) or isinstance(value, list | tuple | set),
            }
        )
    for name, value in answers.items():
        if name in seen:
            continue
        rows.append(
            {
                "name": name,
                "label": name,
                "lines": format_value(value, None, context),
                "many": isinstance(value, list | tuple | set | frozenset),
            }
        )
    return rows
