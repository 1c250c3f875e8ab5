"""The 2026120301 "pages" handlers give an existing site what the profile gives a new
one: internal types out of site search, editing bundles only for editors."""

from dichvucong.upgrades.v2026120301.pages import hide_internal_types
from dichvucong.upgrades.v2026120301.pages import light_first_visit
from plone import api


HIDDEN = ("DossierStore", "DossierFolder", "Glossary")
EDITING_BUNDLES = ("datagridfield-bundle", "mosaic")
NOT_SEARCHED = "plone.types_not_searched"


def expression(name):
    return api.portal.get_registry_record(f"plone.bundles/{name}.expression")


def test_registered(upgrade_steps):
    handlers = {
        step["step"].handler.__name__ for step in upgrade_steps if step["dest"] == ("2026120301",)
    }
    assert {"hide_internal_types", "light_first_visit"} <= handlers


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


def test_bundles_for_a_light_first_visit(portal):
    records = api.portal.get_tool("portal_registry").records
    for name in (*EDITING_BUNDLES, "plone"):
        api.portal.set_registry_record(f"plone.bundles/{name}.expression", "")
    api.portal.set_registry_record("plone.bundles/dichvucong.depends", "plone")
    for key in [key for key in records if key.startswith("plone.bundles/dichvucong-light.")]:
        del records[key]
    light_first_visit(None)
    for name in EDITING_BUNDLES:
        assert "Modify portal content" in expression(name)
        assert api.portal.get_registry_record(f"plone.bundles/{name}.enabled")
    assert expression("plone") == "python: member is not None"
    assert expression("dichvucong-light") == "python: member is None"
    assert not api.portal.get_registry_record("plone.bundles/dichvucong.depends")
