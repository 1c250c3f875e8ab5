"""What the home page tiles list.

- Essential services: the procedures whose keywords include the keyword named in the
  registry (``dichvucong.home.essential_keyword``; Hanoi: the national designation
  every one of its 25 essential services carries), in Vietnamese dictionary order.
  A keyword survives the coming change of the provisional procedure codes and is
  edited on the procedure itself; see docs/publishing.md.
- Most used: procedures by their ``popularity`` (highest first); procedures without
  a popularity are not "most used" and are left out.
- Latest guides and news: published now (state published, publishing date passed,
  not expired), newest publishing date first (then newest created), for every reader
  alike.

Procedures come from the catalogue search index (``catalogue_index``: built once per
catalog change, popularity order) and ``viewable`` (what the current reader may see),
so a home page costs no catalog query for them.
"""

from DateTime import DateTime
from dichvucong.base.vietnamese import sort_key
from dichvucong.base.vietnamese import words
from dichvucong.catalogue.search.engine import catalogue_index
from dichvucong.catalogue.search.engine import viewable
from dichvucong.publishing.home.interfaces import IHomeSettings
from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


_ESSENTIAL = {}  # (index key, folded keyword) -> positions of the index's records
_ESSENTIAL_SIZE = 16


def home_settings():
    registry = getUtility(IRegistry)
    return registry.forInterface(IHomeSettings, prefix="dichvucong.home", check=False)


def folded_phrase(text):
    return " ".join(words(text or ""))


def _essential_positions(index, phrase):
    key = (index.key, phrase)
    if index.key is not None and key in _ESSENTIAL:
        return _ESSENTIAL[key]
    positions = tuple(
        position
        for position, record in enumerate(index.records)
        if any(folded_phrase(keyword) == phrase for keyword in record.keywords)
    )
    if index.key is not None:
        if len(_ESSENTIAL) >= _ESSENTIAL_SIZE:
            _ESSENTIAL.clear()
        _ESSENTIAL[key] = positions
    return positions


def essential_procedures(portal, keyword):
    """Records of the procedures carrying ``keyword`` that the reader may see."""
    phrase = folded_phrase(keyword)
    if not phrase:
        return []
    catalog = portal.portal_catalog
    index = catalogue_index(portal, catalog)
    visible = viewable(index, catalog)
    records = [
        index.records[position]
        for position in _essential_positions(index, phrase)
        if position in visible
    ]
    records.sort(key=lambda record: (sort_key(record.title), record.code))
    return records


def popular_procedures(portal, limit):
    """Up to ``limit`` records with a popularity, most used first."""
    catalog = portal.portal_catalog
    index = catalogue_index(portal, catalog)
    visible = viewable(index, catalog)
    found = []
    for position, record in enumerate(index.records):
        if record.popularity <= 0:
            break  # records are in popularity order: the rest have none
        if position in visible:
            found.append(record)
            if len(found) >= limit:
                break
    return found


def latest_published(portal_type, limit):
    """Brains of the newest items of a type that everyone may read now."""
    now = DateTime()
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.searchResults(
        portal_type=portal_type,
        review_state="published",
        effective={"query": now, "range": "max"},
        expires={"query": now, "range": "min"},
        # Newest publishing date first; items published without one, newest first.
        sort_on=("effective", "created"),
        sort_order="descending",
        sort_limit=limit,
    )
    return list(brains[:limit])
