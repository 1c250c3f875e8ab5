"""2026120301 (security): what profiles/default and site creation give a new site.

- the records of the security headers (``registry/security.xml``), imported alone so
  that no other record an administrator changed is reset;
- the dossier workflow's management permissions (sharing, local roles, management
  screens, properties, history: Manager and Site Administrator only) on every existing
  dossier;
- logging out ends the session on the server (plone.session's per-user keyrings).
"""

from dichvucong.base.internals import unrestricted_object
from dichvucong.dossier.storage import management_for_staff
from dichvucong.setup.sessions import server_side_logout
from pathlib import Path
from plone import api
from plone.app.registry.exportimport.handler import RegistryImporter
from Products.GenericSetup.context import SnapshotImportContext
import dichvucong
import logging


logger = logging.getLogger(__name__)

RECORDS = Path(dichvucong.__file__).parent / "profiles" / "default" / "registry" / "security.xml"
WORKFLOW = "dossier_workflow"
PROFILE = "profile-dichvucong:default"
STORE_TYPES = ("DossierStore", "DossierFolder")


def import_security_headers(context):
    registry = api.portal.get_tool("portal_registry")
    environ = SnapshotImportContext(api.portal.get_tool("portal_setup"), "dichvucong")
    RegistryImporter(registry, environ).importDocument(RECORDS.read_bytes())


def dossier_management_permissions(context):
    """The store and its folders for staff only; the workflow as the profile defines
    it, then every dossier's role mappings."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type=STORE_TYPES):
        management_for_staff(unrestricted_object(brain))
    api.portal.get_tool("portal_setup").runImportStepFromProfile(PROFILE, "workflow")
    workflow = api.portal.get_tool("portal_workflow")[WORKFLOW]
    updated = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="Dossier"):
        # View and Access contents information keep their roles: no reindexing.
        updated += bool(workflow.updateRoleMappingsFor(unrestricted_object(brain)))
    logger.info("dossier workflow: role mappings of %s dossiers updated", updated)


def logout_ends_sessions(context):
    server_side_logout()
