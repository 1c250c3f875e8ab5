"""Create a city's Plone site: the Classic UI distribution plus our profiles."""

from AccessControl.SecurityManagement import newSecurityManager
from Products.CMFPlone.factory import addPloneSite
import transaction


BASE_PROFILES = (
    "plone.app.caching:default",
    "dichvucong:default",
)


def city_profile_id(city):
    """Profile id under which a city's site data is registered (see instance/)."""
    return f"dichvucong:{city}"


def ensure_admin(app, user, password):
    """Create the Zope admin user if missing; always (re)set the given password."""
    users = app.acl_users
    if users.getUserById(user) is None:
        users._doAddUser(user, password, ["Manager"], [])
    elif "users" in users.objectIds():
        # The root user folder after a first start: PlonePAS's pluggable one, whose
        # _doChangeUser needs plugin types the root folder does not register.
        users.users.updateUserPassword(user, password)
    else:
        users._doChangeUser(user, password, ["Manager"], [])
    admin = users.getUserById(user).__of__(users)
    newSecurityManager(None, admin)


def create_site(app, site_id, city, default_language="vi"):
    """Create the site if it does not exist. Returns (site, created).

    The classic distribution applies Plone's own profiles; ours and the city's
    follow in the same transaction, so a failure leaves no half-made site.
    """
    if site_id in app.objectIds():
        return app[site_id], False
    site = addPloneSite(
        app,
        site_id,
        title=site_id,
        distribution_name="classic",
        default_language=default_language,
        portal_timezone="Asia/Ho_Chi_Minh",
        setup_content=False,
    )
    setup_tool = site.portal_setup
    for profile_id in (*BASE_PROFILES, city_profile_id(city)):
        setup_tool.runAllImportStepsFromProfile(f"profile-{profile_id}")
    transaction.commit()
    return site, True
