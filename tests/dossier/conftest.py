"""Fixtures of the dossier tests: the site with its people (tests/conftest.py) and a way
to submit dossiers of the birth procedure, received by AGENCY_X in the Hanoi data."""

from dichvucong.dossier.submission import submit as do_submit
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import login
from plone.app.testing import setRoles
from tests.helpers.users import add_dossier_people
import pytest


@pytest.fixture
def portal(people):
    """Dossier tests work on the site with its people; nobody logged in."""
    return people


@pytest.fixture
def submit(portal, birth, as_user):
    """submit(userid, **answers) -> a new dossier of the birth procedure, as ``userid``."""

    def make(userid="citizen_a", uploads=None, **answers):
        as_user(userid)
        values = {
            "applicant_name": "Nguyen Van A",
            "applicant_id_number": "001200012345",
            "applicant_phone": "0912345678",
            "child_name": "Nguyen Van Be",
            **answers,
        }
        dossier = do_submit(birth, values, uploads=uploads)
        as_user(None)
        return dossier

    return make


@pytest.fixture
def functional_people(functional_portal):
    """The functional site with the dossier people; the test user a Manager, logged in
    (commit what a test makes before a browser reads it)."""
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    login(functional_portal, TEST_USER_NAME)
    add_dossier_people()
    return functional_portal
