"""Pages (issue [5]): site search without internal types; a light first visit (editing
bundles only for editors, Plone's JavaScript bundle only for logged-in people). Each
handler imports one of the profile's registry files, so an existing site gets exactly
what a new one does and nothing else of the registry is touched."""

from importlib.resources import files
from plone import api
from plone.app.registry.exportimport.handler import RegistryImporter
from Products.GenericSetup.context import SnapshotImportContext


REGISTRY = files("dichvucong") / "profiles" / "default" / "registry"


def import_registry_file(name):
    registry = api.portal.get_tool("portal_registry")
    environ = SnapshotImportContext(api.portal.get_tool("portal_setup"), "dichvucong-pages")
    RegistryImporter(registry, environ).importDocument((REGISTRY / name).read_bytes())


def hide_internal_types(context):
    """The dossier store and its partitions, the glossary's container: out of @@search."""
    import_registry_file("search.xml")


def light_first_visit(context):
    """The table editor's and Mosaic's bundles only where the user may edit or add;
    Plone's bundle only for logged-in people, our small light.js for the others; our
    theme bundle no longer depends on Plone's."""
    import_registry_file("page_weight.xml")
    import_registry_file("bundles.xml")
