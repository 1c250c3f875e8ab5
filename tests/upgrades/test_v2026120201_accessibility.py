"""The 2026120201 handlers give an existing site what the profile gives a new one:
TinyMCE resizing in height only, and Plone's toolbar icons on our types' View and Edit."""

from dichvucong.upgrades.v2026120201.tinymce import RECORD
from dichvucong.upgrades.v2026120201.tinymce import accessible_editor
from dichvucong.upgrades.v2026120201.tinymce import import_registry
from dichvucong.upgrades.v2026120201.toolbar import TYPES
from dichvucong.upgrades.v2026120201.toolbar import toolbar_icons
from plone import api
import json


def other_settings():
    return api.portal.get_registry_record(RECORD)


def icons(portal, portal_type):
    fti = portal.portal_types[portal_type]
    return {action.getId(): action.getIconExpression() for action in fti.listActions()}


def test_new_site_has_the_settings(portal):
    assert json.loads(other_settings()) == {"resize": True}
    for portal_type in TYPES:
        assert icons(portal, portal_type) == {
            "view": "string:toolbar-action/view",
            "edit": "string:toolbar-action/edit",
        }


def test_tinymce_resize_is_merged_into_the_site_settings(portal):
    api.portal.set_registry_record(RECORD, '{"height": 300, "resize": "both"}')
    accessible_editor(None)
    assert json.loads(other_settings()) == {"height": 300, "resize": True}
    accessible_editor(None)
    assert json.loads(other_settings()) == {"height": 300, "resize": True}


def test_the_registry_import_keeps_administrators_tinymce_settings(portal):
    """The upgrade re-imports our registry records, whose TinyMCE record would replace
    the whole of an administrator's "Other settings"."""
    api.portal.set_registry_record(RECORD, '{"height": 300}')
    records = api.portal.get_tool("portal_registry").records
    del records["dichvucong.sections"]  # as on a site made before 2026120201
    import_registry(None)
    assert json.loads(other_settings()) == {"height": 300, "resize": True}
    assert "dichvucong.sections" in records


def test_tinymce_settings_that_are_not_json_are_left_alone(portal):
    api.portal.set_registry_record(RECORD, "{height: 300")
    accessible_editor(None)
    assert other_settings() == "{height: 300"


def test_view_and_edit_get_their_icons(portal):
    for portal_type in TYPES:
        for action in portal.portal_types[portal_type].listActions():
            action.edit(icon_expr="")
    chosen = portal.portal_types["Procedure"].getActionObject("object/view")
    chosen.edit(icon_expr="string:eye-fill")
    toolbar_icons(None)
    assert icons(portal, "Procedure") == {
        "view": "string:eye-fill",  # an administrator's choice stays
        "edit": "string:toolbar-action/edit",
    }
    for portal_type in set(TYPES) - {"Procedure"}:
        assert icons(portal, portal_type) == {
            "view": "string:toolbar-action/view",
            "edit": "string:toolbar-action/edit",
        }
