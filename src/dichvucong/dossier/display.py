"""Answers as people read them: typed values shown with the form's terms and formats."""

from datetime import date
from datetime import datetime
from dichvucong import _
from plone.namedfile.interfaces import INamedFile
from zope.i18n import translate
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection


EMPTY = "\u2014"  # an em dash for "no answer"


def format_value(field, value, context=None, request=None):
    """Plain text (the template escapes it) for ``value`` of ``field``."""
    if value is None or value == "" or value == set() or value == []:
        return EMPTY
    if isinstance(value, bool):
        return translate(_("Yes") if value else _("No"), context=request)
    if isinstance(value, datetime):
        return f"{value:%H:%M %d/%m/%Y}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if INamedFile.providedBy(value):
        return value.filename
    if hasattr(value, "raw"):  # RichTextValue: show the text, never the markup
        return value.raw
    if isinstance(value, list | tuple | set | frozenset):
        value_type = getattr(field, "value_type", None) if ICollection.providedBy(field) else None
        items = sorted(value) if isinstance(value, set | frozenset) else value
        return ", ".join(format_value(value_type, item, context, request) for item in items)
    if field is not None and IChoice.providedBy(field):
        return term_title(field, value, context, request)
    return str(value)


def term_title(field, value, context, request):
    try:
        vocabulary = field.bind(context).vocabulary
        if vocabulary is None and field.vocabularyName:
            from zope.schema.vocabulary import getVocabularyRegistry

            vocabulary = getVocabularyRegistry().get(context, field.vocabularyName)
        term = vocabulary.getTerm(value)
    except (LookupError, AttributeError, TypeError):
        return str(value)
    title = term.title if term.title is not None else term.token
    return translate(title, context=request)
