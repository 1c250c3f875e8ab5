"""2026120201: TinyMCE as profiles/default/registry/tinymce.xml sets it on new sites.

The editor resizes in height only: resizing in both directions leaves TinyMCE 8's resize
handle without its current value (aria-valuenow), which screen readers need.
"""

from plone import api
import json
import logging


logger = logging.getLogger(__name__)

RECORD = "plone.other_settings"
# Merged into the JSON of extra TinyMCE options, which a site's administrators may
# have extended in the TinyMCE control panel.
OTHER_SETTINGS = {"resize": True}


PROFILE = "profile-dichvucong:default"


def import_registry(context):
    """Our registry records (the sections' roles, home page and TinyMCE settings), without
    losing what administrators put into TinyMCE's "Other settings": the profile sets
    that whole record, so it is put back and only ``resize`` is merged into it."""
    kept = api.portal.get_registry_record(RECORD, default=None)
    api.portal.get_tool("portal_setup").runImportStepFromProfile(PROFILE, "plone.app.registry")
    if kept is not None:
        api.portal.set_registry_record(RECORD, kept)
    accessible_editor(context)


def accessible_editor(context):
    text = api.portal.get_registry_record(RECORD, default=None) or "{}"
    try:
        settings = json.loads(text)
    except ValueError:
        settings = None
    if not isinstance(settings, dict):
        # Plone ignores it too; the administrator's text is left as it is.
        logger.warning("%s is not a JSON object; TinyMCE's resize left unchanged", RECORD)
        return
    settings.update(OTHER_SETTINGS)
    api.portal.set_registry_record(RECORD, json.dumps(settings, indent=4))
