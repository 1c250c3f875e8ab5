"""Fixtures shared by the publishing tests."""

from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
import pytest


@pytest.fixture
def portal(integration):
    """The integration site, the test user a Manager."""
    portal = integration["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return portal
