"""Fixtures of the dossier tests: the site with its people (tests/conftest.py) and a way
to submit dossiers of the birth procedure, received by AGENCY_X in the Hanoi data."""

from dichvucong.dossier.submission import submit as do_submit
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
