"""Fixtures for dossier tests: citizens, officials of two agencies, a leader, a
procedure with its receiving agency."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
import pytest


BIRTH = "1.001193"  # Đăng ký khai sinh, received by the service centre in the Hanoi data
AGENCY_X = "HN-TTPVHCC"
AGENCY_Y = "HN-CAHN"
PASSWORD = "secret-Passw0rd"


def make_user(userid, fullname, groups=(), roles=("Member",)):
    """Create the user if missing (password PASSWORD); add it to ``groups``."""
    if api.user.get(userid=userid) is None:
        api.user.create(
            username=userid,
            email=f"{userid}@example.org",
            password=PASSWORD,
            roles=list(roles),
            properties={"fullname": fullname},
        )
    for group in groups:
        api.group.add_user(groupname=group, username=userid)
    return userid


@pytest.fixture
def portal(integration):
    portal = integration["portal"]
    setRoles(portal, "test_user_1_", ["Manager"])
    from dichvucong.dossier.storage import ensure_leaders_group
    from dichvucong.dossier.storage import ensure_officials_group

    ensure_leaders_group()
    for code in (AGENCY_X, AGENCY_Y):
        ensure_officials_group(code)
    make_user("citizen_a", "Nguyen Van A")
    make_user("citizen_b", "Tran Thi B")
    make_user("official_x", "Official X", groups=[f"officials-{AGENCY_X}"])
    make_user("official_y", "Official Y", groups=[f"officials-{AGENCY_Y}"])
    make_user("leader", "Leader", groups=["dossier-leaders"])
    logout()
    return portal


@pytest.fixture
def birth(portal):
    return api.content.find(portal_type="Procedure", catalogue_code=BIRTH)[0].getObject()


@pytest.fixture
def as_user(portal):
    """as_user("citizen_a"): log in as that user (None: anonymous)."""

    def switch(userid):
        if userid is None:
            logout()
        else:
            login(portal, userid)

    yield switch
    login(portal, TEST_USER_NAME)


@pytest.fixture
def submit(portal, birth, as_user):
    """submit(userid, **answers) -> a new dossier of the birth procedure, as ``userid``."""
    from dichvucong.dossier.submission import submit as do_submit

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


__all__ = ["SITE_OWNER_NAME"]
