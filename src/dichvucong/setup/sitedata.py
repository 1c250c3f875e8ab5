"""Import step for a city profile's site data (profiles/<city>/dichvucong-site.json).

The file gives the site's title and description, the front text, and the main
sections in order, each with an id and, where the code needs to find it, a role
(see dichvucong.base.sections). Import is idempotent: sections that exist are left
as editors made them (a section still showing its type's default view gets the view
the data names), only missing ones are created, so re-applying a city profile never
undoes editorial work. Roles already recorded are kept: a site manager may have
repointed one in the registry.
"""

from dichvucong.base.sections import RECORD
from dichvucong.base.sections import section_paths
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import createContentInContainer
import json
import logging


logger = logging.getLogger(__name__)

DATA_FILE = "dichvucong-site.json"


def import_site_data(context):
    raw = context.readDataFile(DATA_FILE)
    if raw is None:
        return
    data = json.loads(raw)
    portal = context.getSite()
    apply_site(portal, data.get("site", {}))
    sections = data.get("sections", [])
    record_roles(sections)
    for position, section in enumerate(sections):
        ensure_section(portal, section, position)
    logger.info("Imported %s: %d sections", DATA_FILE, len(sections))


def apply_site(portal, site):
    if "title" in site:
        portal.title = site["title"]
        api.portal.set_registry_record("plone.site_title", site["title"])
    if "language" in site:
        portal.setLanguage(site["language"])
    if "description" in site:
        portal.description = site["description"]
    if "text" in site and not _has_text(portal):
        portal.text = RichTextValue(site["text"], "text/html", "text/x-html-safe")
    portal.reindexObject()


def record_roles(sections):
    """Where each role's section is, for the code that needs to find it."""
    if api.portal.get_registry_record(RECORD, default=None) is None:
        raise ValueError(
            f"the registry has no record {RECORD}: upgrade dichvucong:default before "
            "applying a city's site data"
        )
    paths = section_paths()
    for section in sections:
        role = section.get("role")
        if role and role not in paths:
            paths[role] = section["id"]
    api.portal.set_registry_record(RECORD, paths)


def ensure_section(portal, section, position):
    """Create a main section if missing (published, when its type has a workflow)."""
    section_id = section["id"]
    obj = portal.get(section_id)
    if obj is None:
        # Site data is the site manager's: it may place types that editors cannot add
        # (the dossier store); the type's own subscribers set up what it needs.
        obj = createContentInContainer(
            portal,
            section.get("type", "Folder"),
            id=section_id,
            title=section["title"],
            description=section.get("description", ""),
            checkConstraints=False,
        )
        if section.get("exclude_from_nav"):
            obj.exclude_from_nav = True
        # Without a text of its own, a section would acquire the front page's text
        # into its search text (and re-render it at every reindex).
        if hasattr(obj, "text"):
            obj.text = None
        if section.get("text"):
            obj.text = RichTextValue(section["text"], "text/html", "text/x-html-safe")
        if api.content.get_state(obj, default=None) not in (None, "published"):
            api.content.transition(obj, to_state="published")
        obj.reindexObject()
    if section.get("layout") and obj.getLayout() == obj.getDefaultLayout():
        obj.setLayout(section["layout"])
    portal.moveObjectToPosition(section_id, position)


def _has_text(obj):
    text = getattr(obj, "text", None)
    return bool(text and getattr(text, "raw", "").strip())
