"""The few calls into private Zope, ZCatalog and ZODB API, in one place.

Each function names what it relies on, so a Zope or Plone upgrade that changes one of
them breaks this module, and nothing else needs reading.
"""


def set_zope_user_password(users, user, password, roles=()):
    """Create ``user`` in a Zope (root) user folder, or set its password.

    Relies on ``_doAddUser``/``_doChangeUser`` of ``OFS.userfolder.UserFolder`` and, once
    Plone has replaced the root user folder by PlonePAS's pluggable one, on its ``users``
    plugin (whose ``_doChangeUser`` needs plugin types the root folder does not register).
    """
    if users.getUserById(user) is None:
        users._doAddUser(user, password, list(roles), [])
    elif "users" in users.objectIds():
        users.users.updateUserPassword(user, password)
    else:
        users._doChangeUser(user, password, list(roles), [])
