"""2026112103 -> 2026112201: dossiers leave the Title full-text index (staff find
them by code; each code's new words made concurrent submissions conflict)."""

from plone import api


def unindex_dossier_titles(context):
    catalog = api.portal.get_tool("portal_catalog")
    title_index = catalog._catalog.getIndex("Title")
    # Only the Title index of dossiers: a full reindex would wake every dossier.
    for brain in catalog.unrestrictedSearchResults(portal_type="Dossier"):
        title_index.unindex_object(brain.getRID())
