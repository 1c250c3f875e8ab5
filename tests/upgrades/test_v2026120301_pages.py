"""The 2026120301 "pages" handlers give an existing site what the profile gives a new
one: internal types out of site search, editing bundles only for editors."""

from dichvucong.upgrades.v2026120301.pages import editing_bundles_for_editors
from dichvucong.upgrades.v2026120301.pages import hide_internal_types
from plone import api


HIDDEN = ("Dossier", "DossierStore", "DossierFolder", "Glossary")
EDITING_BUNDLES = ("datagridfield-bundle", "mosaic")
NOT_SEARCHED = "plone.types_not_searched"


def expression(name):
    return api.portal.get_registry_record(f"plone.bundles/{name}.expression")


def test_registered(upgrade_steps):
    handlers = {
        step["step"].handler.__name__ for step in upgrade_steps if step["dest"] == ("2026120301",)
    }
    assert {"hide_internal_types", "editing_bundles_for_editors"} <= handlers


def test_new_site_hides_internal_types(portal):
    not_searched = api.portal.get_registry_record(NOT_SEARCHED)
    assert set(HIDDEN) <= set(not_searched)
    assert "GuideStep" in not_searched


def test_internal_types_are_hidden_keeping_the_others(portal):
    before = [name for name in api.portal.get_registry_record(NOT_SEARCHED) if name not in HIDDEN]
    api.portal.set_registry_record(NOT_SEARCHED, (*before, "Link"))
    hide_internal_types(None)
    after = api.portal.get_registry_record(NOT_SEARCHED)
    assert set(HIDDEN) <= set(after)
    assert "Link" in after and set(before) <= set(after)


def test_editing_bundles_are_for_editors(portal):
    for name in EDITING_BUNDLES:
        api.portal.set_registry_record(f"plone.bundles/{name}.expression", "")
    editing_bundles_for_editors(None)
    for name in EDITING_BUNDLES:
        assert "Modify portal content" in expression(name)
        assert api.portal.get_registry_record(f"plone.bundles/{name}.enabled")
