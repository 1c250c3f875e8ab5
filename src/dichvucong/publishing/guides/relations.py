"""Guides and procedures, both ways.

A guide names the procedures it explains (its ``procedures`` field); a procedure
page lists the guides that name it, plus the guides its own ``guides`` field points
at. The way back goes through the catalog index ``guide_procedures`` (the UIDs of
a guide's procedures, see indexers.py) rather than the relation catalog: a catalog search already
hides what the reader may not view, drafts, and guides before their publication
date or after their expiry.
"""

from plone import api


def _summary(brain):
    return {
        "title": brain.Title,
        "description": brain.Description,
        "url": brain.getURL(),
        "uid": brain.UID,
    }


def guides_for(procedure):
    """The guides a reader may view about ``procedure``: the procedure's own
    ``guides`` first, in the editors' order, then the guides that point at it,
    newest first."""
    chosen = []
    for relation in getattr(procedure, "guides", None) or ():
        if relation is not None and not relation.isBroken() and relation.to_object is not None:
            chosen.append(api.content.get_uuid(relation.to_object))
    found = {}
    if chosen:
        for brain in api.content.find(UID=chosen):
            found[brain.UID] = _summary(brain)
    result = [found[uid] for uid in chosen if uid in found]
    seen = set(found)
    pointing = api.content.find(
        portal_type="Guide",
        guide_procedures=api.content.get_uuid(procedure),
        sort_on="effective",
        sort_order="descending",
    )
    for brain in pointing:
        if brain.UID not in seen:
            seen.add(brain.UID)
            result.append(_summary(brain))
    return result
