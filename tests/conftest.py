"""Fixtures every room uses: pytest-plone's for the dichvucong layers (integration,
functional), the site as a Manager, its people by role, the test browser.

Plain helpers live in tests/helpers/ (pages.py, users.py, content.py, instance.py)."""

import os


# Compile the .po catalogues when the layers load ZCML, as zope.conf does at start.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")
os.environ.setdefault("zope_i18n_allowed_languages", "vi en")

from dichvucong.catalogue import stages
from dichvucong.dossier.storage import TESTERS_GROUP
from dichvucong.testing import FUNCTIONAL_TESTING
from dichvucong.testing import INTEGRATION_TESTING
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.testing.zope import Browser
from pytest_plone import fixtures_factory
from tests.helpers.content import BIRTH
from tests.helpers.content import procedure
from tests.helpers.users import add_dossier_people
from tests.helpers.users import make_user
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


@pytest.fixture
def home(browser, functional_portal):
    """The anonymous browser on the home page."""
    browser.open(functional_portal.absolute_url())
    return browser


@pytest.fixture
def people(manager_portal):
    """The integration site with its people by role (tests/helpers/users.py): citizens
    citizen_a and citizen_b, officials official_x and official_y, the leader; nobody
    logged in."""
    add_dossier_people()
    logout()
    return manager_portal


@pytest.fixture
def as_user(integration):
    """as_user("citizen_a"): log in as that user (None: anonymous) on the integration
    site; the test user again afterwards."""
    portal = integration["portal"]

    def switch(userid):
        if userid is None:
            logout()
        else:
            login(portal, userid)

    yield switch
    login(portal, TEST_USER_NAME)


@pytest.fixture
def birth(portal):
    """The birth registration procedure of the Hanoi data (with its online form)."""
    return procedure(BIRTH)


@pytest.fixture
def tester(portal):
    """A member of the service testers' group (made with the site's dossier store)."""
    return make_user("tester_t", "Tester T", groups=[TESTERS_GROUP])


@pytest.fixture
def in_trial(birth):
    """The birth registration service in trial: only testers and officials submit."""
    birth.online_stage = stages.TRIAL
    birth.reindexObject()
    return birth
