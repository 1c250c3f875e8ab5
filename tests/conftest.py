"""pytest-plone fixtures for the dichvucong layers (integration, functional)."""

import os


# Compile the .po catalogues when the layers load ZCML, as zope.conf does at start.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")
os.environ.setdefault("zope_i18n_allowed_languages", "vi en")

from dichvucong.testing import FUNCTIONAL_TESTING
from dichvucong.testing import INTEGRATION_TESTING
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.testing.zope import Browser
from pytest_plone import fixtures_factory
import pytest


pytest_plugins = ["pytest_plone"]

globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)


@pytest.fixture
def browser(functional_app):
    """An anonymous test browser on the functional layer; errors raise in the test."""
    browser = Browser(functional_app)
    browser.handleErrors = False
    return browser


@pytest.fixture
def manager_portal(integration):
    """The integration site, the test user a Manager."""
    portal = integration["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return portal
