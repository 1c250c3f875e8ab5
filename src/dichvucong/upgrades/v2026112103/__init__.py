"""2026112102 -> 2026112103: dossiers: types, dossier_workflow, roles and permissions,
indexes, upload, calendar, lookup and notification settings, the "My dossiers" user
action, and the dossier store.

The store is a section of the city's site data: where the city already names it,
it is created or completed here; otherwise the city's own upgrade creates it. The
lookup page's view is the city's too (its upgrade gives the section its view)."""

from dichvucong.base.sections import section_paths
from dichvucong.dossier.storage import setup_store
from plone import api


PROFILE = "profile-dichvucong:default"


def add_dossiers(context):
    setup = api.portal.get_tool("portal_setup")
    for step in (
        "rolemap",
        "typeinfo",
        "workflow",
        "catalog",
        "plone.app.registry",
        "controlpanel",
        "actions",
    ):
        setup.runImportStepFromProfile(PROFILE, step)
    # No dossier exists before this step: the new indexes need no reindex.
    if "dossiers" in section_paths():
        setup_store(api.portal.get())
