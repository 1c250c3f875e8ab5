"""Fixtures of the catalogue tests."""

from tests.catalogue.birds import create_birds
import pytest


@pytest.fixture
def birds(functional_portal):
    """The functional site with the bird procedures of birds.py, committed."""
    create_birds(functional_portal)
    return functional_portal
