"""2026112101 -> 2026112102: the catalogue: types (Procedure, Agency, Domain) with their
views, indexes, search settings, CSS bundle and the import/export control panel."""

from plone import api


PROFILE = "profile-dichvucong:default"


def add_catalogue_types(context):
    setup = api.portal.get_tool("portal_setup")
    for step in ("rolemap", "typeinfo", "catalog", "plone.app.registry", "controlpanel"):
        setup.runImportStepFromProfile(PROFILE, step)
    # New indexes start empty; no content of the new types exists before this step,
    # so only the site-wide search text of existing content is left as it was.
