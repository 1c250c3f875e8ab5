"""Named vocabularies of guides."""

from dichvucong import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


GUIDE_KINDS = (
    ("steps", _("Step by step")),
    ("video", _("Video")),
    ("faq", _("Questions and answers")),
)


@provider(IVocabularyFactory)
def guide_kinds(context):
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in GUIDE_KINDS])
