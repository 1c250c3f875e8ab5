"""Create a city's Plone site from the city's distribution (plone.distribution)."""

from AccessControl.SecurityManagement import newSecurityManager
from dichvucong.base.internals import set_zope_user_password
from dichvucong.setup.cities import distribution_name
from plone.distribution.api import site as site_api


def ensure_admin(app, user, password):
    """Create the Zope admin user if missing; always (re)set the given password; act
    as that user from now on."""
    set_zope_user_password(app.acl_users, user, password, roles=["Manager"])
    admin = app.acl_users.getUserById(user).__of__(app.acl_users)
    newSecurityManager(None, admin)


def create_site(app, site_id, city, default_language="vi", timezone="Asia/Ho_Chi_Minh"):
    """Create the site if it does not exist. Returns (site, created).

    The city's distribution applies Plone's profiles, ours and the city's site data in
    one transaction, so a failure leaves no half-made site.
    """
    if site_id in app.objectIds():
        return app[site_id], False
    answers = {
        "site_id": site_id,
        "title": site_id,
        "default_language": default_language,
        "portal_timezone": timezone,
        "setup_content": True,
    }
    site = site_api.create(app, distribution_name(city), answers)
    return site, True
