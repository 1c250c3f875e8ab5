"""Answers and dates as people read them: typed values shown with the form's terms
and formats (dates dd/mm/yyyy in Vietnam time, yes/no, choices by their titles).
Used by the dossier pages, the check-your-answers page and the REST serialiser."""

from datetime import date
from datetime import datetime
from datetime import time
from decimal import Decimal
from dichvucong import _
from dichvucong.catalogue.views.formatting import format_number
from dichvucong.dossier.deadlines import TZ
from zope.component import queryUtility
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.interfaces import IVocabularyTokenized


YES = _("Yes")
NO = _("No")


def local(moment):
    if moment is None:
        return None
    if isinstance(moment, datetime):
        return moment.replace(tzinfo=TZ) if moment.tzinfo is None else moment.astimezone(TZ)
    return moment


def format_datetime(moment):
    """dd/mm/yyyy HH:MM in Vietnam time ("" for None)."""
    moment = local(moment)
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        return f"{moment:%d/%m/%Y %H:%M}"
    return f"{moment:%d/%m/%Y}"


def format_date(day):
    day = local(day)
    return f"{day:%d/%m/%Y}" if day is not None else ""


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


def format_value(value, field=None, context=None):
    """One answer as a list of text lines, typed: dates dd/mm/yyyy, yes/no, choices by
    their titles. Text only: the template escapes it."""
    if value is None or value == "":
        return []
    if isinstance(value, bool) or (field is not None and IBool.providedBy(field)):
        return [YES if value else NO]
    if isinstance(value, datetime):
        return [format_datetime(value)]
    if isinstance(value, date):
        return [format_date(value)]
    if isinstance(value, time):
        return [f"{value:%H:%M}"]
    if isinstance(value, dict):
        lines = []
        for key, item in value.items():
            lines.append(f"{key}: {', '.join(str(x) for x in format_value(item))}")
        return lines
    if isinstance(value, list | tuple | set | frozenset):
        value_type = getattr(field, "value_type", None) if field is not None else None
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        lines = []
        for item in items:
            lines.extend(format_value(item, value_type, context))
        return lines
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
