"""2026120401, drafts: an existing site gets the registry record of how long a saved
draft of a service form is kept (``registry/drafts.xml``), imported alone so that no
other record an administrator changed is reset. The owners' index of drafts is made
on the first save (forms/drafts.py), nothing to migrate: existing drafts are
check-your-answers ones, which read as such."""

from importlib.resources import files
from plone import api
from plone.app.registry.exportimport.handler import RegistryImporter
from Products.GenericSetup.context import SnapshotImportContext


RECORDS = files("dichvucong") / "profiles" / "default" / "registry" / "drafts.xml"


def draft_days_record(context):
    registry = api.portal.get_tool("portal_registry")
    environ = SnapshotImportContext(api.portal.get_tool("portal_setup"), "dichvucong-drafts")
    RegistryImporter(registry, environ).importDocument(RECORDS.read_bytes())
