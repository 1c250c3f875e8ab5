"""The people of the tests, made the same way in every room, and how they log in.

The dossier people (``add_dossier_people``): citizen_a and citizen_b are citizens;
official_x and official_y are officials of AGENCY_X and AGENCY_Y; leader reads every
agency's dossiers. Everybody's password is PASSWORD unless a test says otherwise.
"""

from dichvucong.dossier.storage import LEADERS_GROUP
from dichvucong.dossier.storage import ensure_leaders_group
from dichvucong.dossier.storage import ensure_officials_group
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser


PASSWORD = "secret-Passw0rd"
AGENCY_X = "HN-TTPVHCC"  # receives the birth registrations of the Hanoi data
AGENCY_Y = "HN-CAHN"


def make_user(userid, fullname=None, groups=(), roles=("Member",), password=PASSWORD):
    """Create the user if missing (email ``<userid>@example.org``); add it to ``groups``.
    Done as a Manager, whoever is logged in."""
    with api.env.adopt_roles(["Manager"]):
        if api.user.get(userid=userid) is None:
            api.user.create(
                username=userid,
                email=f"{userid}@example.org",
                password=password,
                roles=list(roles),
                properties={"fullname": fullname} if fullname is not None else {},
            )
        for group in groups:
            api.group.add_user(groupname=group, username=userid)
    return userid


def make_editor(userid, folder, password=PASSWORD):
    """A user with the Editor role on ``folder`` only (e.g. a catalogue editor)."""
    make_user(userid, password=password)
    with api.env.adopt_roles(["Manager"]):
        api.user.grant_roles(username=userid, obj=folder, roles=["Editor"])
    return userid


def make_official(userid, fullname, agency, password=PASSWORD):
    """An official of ``agency`` (a member of its officials group, created if missing)."""
    with api.env.adopt_roles(["Manager"]):
        return make_user(
            userid, fullname, groups=[ensure_officials_group(agency)], password=password
        )


def add_dossier_people():
    """The citizens, officials and leader of the dossier tests (see the module)."""
    with api.env.adopt_roles(["Manager"]):
        ensure_leaders_group()
        make_user("citizen_a", "Nguyen Van A")
        make_user("citizen_b", "Tran Thi B")
        make_official("official_x", "Official X", AGENCY_X)
        make_official("official_y", "Official Y", AGENCY_Y)
        make_user("leader", "Leader", groups=[LEADERS_GROUP])


def credentials(userid, password=PASSWORD):
    """``requests``' auth for ``userid``; None is an anonymous visitor."""
    return (userid, password) if userid else None


def logged_in(browser, userid, password=PASSWORD):
    """``browser`` sending ``userid``'s credentials (HTTP basic) with every request."""
    browser.addHeader("Authorization", f"Basic {userid}:{password}")
    return browser


def as_site_owner(browser):
    """``browser`` as the site owner (a Manager of the whole Zope)."""
    return logged_in(browser, SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


def browser_for(app, userid=None, handle_errors=True):
    """A test browser as ``userid`` (None: anonymous) that reads error pages as pages:
    Plone answers errors (unless ``handle_errors`` is false) and no HTTP error raises."""
    browser = Browser(app)
    browser.handleErrors = handle_errors
    browser.raiseHttpErrors = False
    return logged_in(browser, userid) if userid else browser
