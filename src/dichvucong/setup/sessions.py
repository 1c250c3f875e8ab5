"""Logging out ends the session on the server.

plone.session signs the login cookie (``__ac``) with a secret. By default one secret
serves every user, so a cookie copied before logging out (from a shared or kiosk
computer, a proxy log) stays valid until it times out. With ``per_user_keyring`` each
user has a keyring of their own, which logging out clears (``resetCredentials``): every
cookie of that user is refused from then on, on every device; the user logs in again
wherever they were logged in.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api
from plone.keyring.interfaces import IKeyManager
from plone.protect.utils import safeWrite
from Products.PluggableAuthService.interfaces.events import IUserLoggedOutEvent
from zope.component import adapter
from zope.component import queryUtility
import logging


logger = logging.getLogger(__name__)


def session_plugin(portal=None):
    """plone.session's plugin in the site's user folder, or None."""
    portal = portal if portal is not None else api.portal.get()
    return portal.acl_users.get("session")


def server_side_logout(portal=None):
    """Give every user a keyring of their own (see the module)."""
    plugin = session_plugin(portal)
    if plugin is None:
        logger.warning("no plone.session plugin in acl_users: logout stays client-side")
        return
    # A read-only property: what the plugin's "Manage secrets" toggle sets.
    if not plugin.getProperty("per_user_keyring"):
        plugin.per_user_keyring = True


def installed(setup_tool):
    """post_handler of dichvucong:default (GenericSetup passes its tool)."""
    server_side_logout(aq_parent(aq_inner(setup_tool)))


@adapter(IUserLoggedOutEvent)
def keyring_cleared(event):
    """Logging out (a GET of /logout) cleared the user's keyring: a write that
    plone.protect would otherwise refuse without a CSRF token, undoing the logout on
    the server. Clearing one's own secret is harmless to force: it is allowed."""
    plugin = session_plugin()
    manager = queryUtility(IKeyManager)
    if plugin is None or manager is None or not plugin.getProperty("per_user_keyring"):
        return
    ring = manager.get(f"{plugin.secret_prefix}{event.object.getId()}")
    if ring is not None:
        safeWrite(ring)
