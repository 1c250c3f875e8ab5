"""Site search (Plone's @@search) speaks to citizens: its type filter names only
types they look for, each with a Vietnamese title, never an internal type name."""

from plone import api
from tests.helpers.pages import page
from tests.helpers.pages import text
from tests.helpers.users import as_site_owner
import pytest


# The dossiers' store and the site's machinery: never a search filter. Dossiers
# themselves stay searchable by code for those who may see them (tests/dossier/test_lists.py).
HIDDEN = ("DossierStore", "DossierFolder", "GuideStep", "GuideQuestion", "Glossary")


def type_filter(browser, portal):
    browser.open(f"{portal.absolute_url()}/@@search?SearchableText=ho+so")
    inputs = page(browser).xpath("//input[@name='portal_type:list']")
    labels = {}
    for element in inputs:
        (label,) = page(browser).xpath(f"//label[@for='{element.get('id')}']")
        labels[element.get("value")] = text(label)
    return labels


@pytest.fixture
def owner_browser(browser):
    as_site_owner(browser)
    return browser


def test_type_filter_has_no_internal_types(owner_browser, functional_portal):
    labels = type_filter(owner_browser, functional_portal)
    assert labels, "the search page shows no type filter"
    for portal_type in HIDDEN:
        assert portal_type not in labels
    assert "EasyForm" in labels
    assert labels["EasyForm"] == "Biểu mẫu trực tuyến"


def test_type_filter_titles_are_vietnamese(owner_browser, functional_portal):
    labels = type_filter(owner_browser, functional_portal)
    types_tool = api.portal.get_tool("portal_types")
    for portal_type, label in labels.items():
        assert label != portal_type, f"{portal_type} shows its internal name"
        assert label != types_tool.getTypeInfo(portal_type).title, (
            f"{portal_type}: {label!r} untranslated"
        )
    assert len(set(labels.values())) == len(labels), f"two types share a title: {labels}"
