"""Fixtures shared by the publishing tests."""

import pytest


@pytest.fixture
def portal(manager_portal):
    """Publishing tests work on the site as a Manager."""
    return manager_portal
