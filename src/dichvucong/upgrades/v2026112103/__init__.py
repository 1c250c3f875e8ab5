"""2026112102 -> 2026112103: dossiers: types, dossier_workflow, roles and permissions,
indexes, upload, calendar, lookup and notification settings, the "My dossiers" user
action, the dossier store, and the status lookup on /tra-cuu-ho-so."""

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
    portal = api.portal.get()
    setup_store(portal)
    # The city's lookup page now shows the status lookup form.
    lookup = portal.get("tra-cuu-ho-so")
    if lookup is not None and lookup.getLayout() != "dossier-lookup":
        lookup.setLayout("dossier-lookup")
