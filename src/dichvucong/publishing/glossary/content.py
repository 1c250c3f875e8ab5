"""Glossary of abbreviations: one folderish Glossary per site (``/tu-viet-tat``) holding
one GlossaryTerm per abbreviation (title "CCCD", expansion "citizen identity card"
in Vietnamese).

Terms have no workflow of their own: they follow their glossary, so a published glossary
publishes every term in it. Pages show the terms of the glossaries anonymous visitors
may see (see ``terms.py`` and ``transform.py``).
"""

from dichvucong import _
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.schema.interfaces import ValidationError


MAX_TERM_LENGTH = 20


class InvalidAbbreviation(ValidationError):
    __doc__ = _("Write the abbreviation as one short word, without spaces.")


def valid_abbreviation(value):
    """One word as readers meet it in a sentence (CCCD, VNeID, UBND), not a phrase."""
    text = (value or "").strip()
    if any(ch.isspace() for ch in text) or not any(ch.isalnum() for ch in text):
        raise InvalidAbbreviation(value)
    return True


class IGlossary(model.Schema):
    """A list of abbreviations (basic metadata only; the terms are its items)."""


class IGlossaryTerm(model.Schema):
    title = schema.TextLine(
        title=_("Abbreviation"),
        description=_("As it is written in texts, e.g. CCCD. Upper and lower case matter."),
        required=True,
        max_length=MAX_TERM_LENGTH,
        constraint=valid_abbreviation,
    )
    expansion = schema.TextLine(
        title=_("Written out"),
        description=_("What the abbreviation stands for, e.g. citizen identity card."),
        required=True,
        max_length=200,
    )
    note = schema.Text(
        title=_("Note"),
        description=_("Optional: a short explanation for readers, shown on the glossary page."),
        required=False,
        max_length=1000,
    )


@implementer(IGlossary)
class Glossary(Container):
    """The site's glossary of abbreviations."""


@implementer(IGlossaryTerm)
class GlossaryTerm(Item):
    """One abbreviation and what it stands for."""

    # No body text: indexers reading ``obj.text`` would acquire the front page's.
    text = None

    def Description(self):
        return self.expansion or ""
