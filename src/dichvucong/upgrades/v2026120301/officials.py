"""2026120301, officials: existing dossiers get their code in ``SearchableText`` (the
site search finds a dossier by its code for the staff who may view it)."""

from dichvucong.base.internals import unrestricted_object
from plone import api


def index_dossier_codes(context):
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Dossier"):
        unrestricted_object(brain).reindexObject(idxs=["SearchableText"])
