"""Catalog indexers: a term is found by its abbreviation, its expansion and its note,
and listed in Vietnamese dictionary order."""

from dichvucong.base.vietnamese import fold
from dichvucong.base.vietnamese import sortable
from dichvucong.publishing.glossary.content import IGlossaryTerm
from plone.indexer import indexer


@indexer(IGlossaryTerm)
def term_searchable_text(obj):
    text = " ".join(part for part in (obj.title, obj.expansion, obj.note) if part)
    # The folded copy lets unaccented queries match (as for procedures).
    return f"{text} {fold(text)}"


@indexer(IGlossaryTerm)
def term_sortable_title(obj):
    return sortable(obj.title or "")
