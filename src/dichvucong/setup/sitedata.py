"""Import step for a city profile's site data (profiles/<city>/dichvucong-site.json).

The file gives the site's title and description, the front text, and the main
navigation sections in order. Import is idempotent: sections that exist are left
as editors made them, only missing ones are created, so re-applying a city
profile never undoes editorial work.
"""

from plone import api
from plone.app.textfield.value import RichTextValue
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
    site = data.get("site", {})
    apply_site(portal, site)
    for position, section in enumerate(data.get("sections", [])):
        ensure_section(portal, section, position)
    logger.info("Imported %s: %d sections", DATA_FILE, len(data.get("sections", [])))


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


def ensure_section(portal, section, position):
    """Create a navigation section if missing and publish it."""
    section_id = section["id"]
    obj = portal.get(section_id)
    if obj is None:
        obj = api.content.create(
            container=portal,
            type=section.get("type", "Folder"),
            id=section_id,
            title=section["title"],
            description=section.get("description", ""),
        )
        if section.get("layout"):
            obj.setLayout(section["layout"])
        if section.get("exclude_from_nav"):
            obj.exclude_from_nav = True
        # Without a text of its own, a section would acquire the front page's text
        # into its search text (and re-render it at every reindex).
        obj.text = None
        if section.get("text"):
            obj.text = RichTextValue(section["text"], "text/html", "text/x-html-safe")
        if api.content.get_state(obj) != "published":
            api.content.transition(obj, to_state="published")
        obj.reindexObject()
    portal.moveObjectToPosition(section_id, position)


def _has_text(obj):
    text = getattr(obj, "text", None)
    return bool(text and getattr(text, "raw", "").strip())
