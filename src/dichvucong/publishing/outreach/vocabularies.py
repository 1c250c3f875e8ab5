"""Audiences of communications content (shared with guides and other areas).

A fixed list, because outreach planning, kit listings and the catalog index all key
on the same four tokens; titles come from translations.
"""

from dichvucong import _
from zope.i18n import translate
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


AUDIENCES = (
    ("citizens", _("Citizens")),
    ("elderly", _("Elderly people")),
    ("businesses", _("Businesses")),
    ("local-units", _("Local units")),
)


@provider(IVocabularyFactory)
def audiences(context):
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in AUDIENCES])


def audience_titles(values, request):
    """Translated titles of audience tokens, in the vocabulary's order."""
    values = set(values or ())
    return [translate(title, context=request) for value, title in AUDIENCES if value in values]
