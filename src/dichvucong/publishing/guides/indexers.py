"""Catalog indexers of guides: the procedures they explain, and their search text.

A guide is found by what its steps and answers say, not only by its title: a reader
who searches for the medical birth certificate lands on the birth guide. Steps and
questions are not searched on their own (registry: plone.types_not_searched), so
their text is indexed on the guide, which is reindexed when they change.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from dichvucong.base.vietnamese import abbreviation_variants
from dichvucong.base.vietnamese import fold
from dichvucong.catalogue.search.engine import registry_abbreviations
from dichvucong.publishing.guides.content import IGuide
from lxml import html
from plone import api
from plone.indexer import indexer
from zope.lifecycleevent.interfaces import IObjectRemovedEvent


@indexer(IGuide)
def guide_procedures(obj):
    uids = []
    for relation in obj.procedures or ():
        if relation is None or relation.isBroken():
            continue
        target = relation.to_object
        if target is not None:
            uids.append(api.content.get_uuid(target))
    return uids


def plain(value):
    """The words of a rich text value, without markup."""
    raw = getattr(value, "raw", None) or ""
    if not raw.strip():
        return ""
    return " ".join(html.fromstring(raw).text_content().split())


@indexer(IGuide)
def searchable_text(obj):
    parts = [obj.title, obj.description, plain(obj.text), plain(obj.transcript)]
    for item in obj.objectValues():
        if item.portal_type == "GuideStep":
            parts.extend((item.title, plain(item.text), item.image_alt))
        elif item.portal_type == "GuideQuestion":
            parts.extend((item.title, plain(item.answer)))
    text = " ".join(part for part in parts if part)
    variants = abbreviation_variants(text, registry_abbreviations())
    # Folded too, as procedures are: unaccented queries find accented words.
    return " ".join([text, *variants, fold(" ".join([text, *variants]))])


def reindex_guide(obj, event):
    """A step or question was added, changed or removed: its guide's search text
    changes with it. Events passed down from the guide itself (the guide copied or
    deleted) are left alone: the guide is indexed, or unindexed, on its own."""
    if getattr(event, "object", obj) is not obj:
        return
    removed = IObjectRemovedEvent.providedBy(event)
    guide = event.oldParent if removed else aq_parent(aq_inner(obj))
    if IGuide.providedBy(guide):
        guide.reindexObject(idxs=["SearchableText"])
