"""Settings of the procedure search (registry records, editable in the registry panel)."""

from dichvucong import _
from dichvucong.base.vietnamese import DEFAULT_ABBREVIATIONS
from zope import schema
from zope.interface import Interface


def abbreviation_lines(mapping):
    """The ``ABBR=expansion`` lines that the registry record stores."""
    return [f"{short.upper()}={long}" for short, long in mapping.items()]


class ISearchSettings(Interface):
    """Registry records under the prefix ``dichvucong``."""

    abbreviations = schema.List(
        title=_("Abbreviations in procedure search"),
        description=_(
            "One per line, written ABBREVIATION=expansion. A search for either form "
            "finds procedures that use the other."
        ),
        value_type=schema.TextLine(),
        required=False,
        default=abbreviation_lines(DEFAULT_ABBREVIATIONS),
    )


class IAbbreviationSource(Interface):
    """More abbreviations for the procedure search, from another part of the portal.

    Register named utilities providing this interface (publishing's glossary does);
    the search asks all of them. The registry record ``dichvucong.abbreviations`` wins
    where both name an abbreviation.
    """

    def abbreviations():
        """{abbreviation: expansion}; empty when there is nothing (no site, no terms)."""
