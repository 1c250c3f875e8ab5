"""2026120301, officials: dossiers made before get their code in the full-text index,
so staff find them by code in the site search."""

from dichvucong.base.internals import catalog_index
from dichvucong.dossier.submission import submit
from dichvucong.upgrades.v2026120301.officials import index_dossier_codes
from plone import api
from Products.CMFCore.indexing import processQueue
from tests.helpers.users import add_dossier_people


def test_registered(upgrade_steps):
    (step,) = [s for s in upgrade_steps if s["step"].handler is index_dossier_codes]
    assert (step["source"], step["dest"]) == (("2026120201",), ("2026120301",))


def test_existing_dossiers_are_found_by_code(manager_portal, birth):
    add_dossier_people()
    dossier = submit(birth, {"applicant_name": "Nguyen Van A", "child_name": "Nguyen Van Be"})
    catalog = api.portal.get_tool("portal_catalog")
    processQueue()
    # As the dossier was indexed before: nothing in SearchableText.
    rid = catalog.getrid("/".join(dossier.getPhysicalPath()))
    catalog_index(catalog, "SearchableText").unindex_object(rid)
    assert not catalog.unrestrictedSearchResults(SearchableText=dossier.code)
    index_dossier_codes(None)
    (brain,) = catalog.unrestrictedSearchResults(SearchableText=dossier.code)
    assert brain.getPath() == "/".join(dossier.getPhysicalPath())
    # Nothing personal is full-text indexed.
    assert not catalog.unrestrictedSearchResults(SearchableText="Nguyen", portal_type="Dossier")
