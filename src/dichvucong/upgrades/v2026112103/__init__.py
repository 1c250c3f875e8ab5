"""2026112102 -> 2026112103: dossiers: types, dossier_workflow, roles and permissions,
indexes, upload and calendar settings, the dossier store."""

from dichvucong.dossier.storage import ensure_store
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
    ):
        setup.runImportStepFromProfile(PROFILE, step)
    # No dossier exists before this step: the new indexes need no reindex.
    ensure_store(api.portal.get())
