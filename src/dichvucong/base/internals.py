"""The few calls into private Zope, ZCatalog and ZODB API, each behind a named function.

Each docstring says what the call relies on, so a Zope upgrade that changes one of
them breaks this module only. Nothing else in the package should call an
underscore-prefixed method of Zope, a catalog or a persistent object.
"""

from BTrees.IIBTree import IISet
from ZODB.utils import z64


# Catalog brains and indexes (Products.ZCatalog)


def unrestricted_object(brain):
    """The object of a catalog brain, whatever the current user may view.

    Relies on ``AbstractCatalogBrain._unrestrictedGetObject`` (Products.ZCatalog), which
    traverses to the path without permission checks; only for results of
    ``unrestrictedSearchResults`` or where the caller checks access itself.
    """
    return brain._unrestrictedGetObject()


def catalog_index(catalog, index_id):
    """The index ``index_id`` of a Plone catalog tool.

    Relies on the tool's ``_catalog`` (the ZCatalog ``Catalog`` object) and its
    ``getIndex``.
    """
    return catalog._catalog.getIndex(index_id)


def indexed_records(catalog, index_id, value):
    """Record ids the index ``index_id`` holds for ``value`` (one value or a list), as
    an IISet; no catalog query, no security filter.

    Relies on ``catalog_index`` and the plugin index's ``_apply_index`` (the set of record
    ids, or None, first in the tuple it returns).
    """
    found = catalog_index(catalog, index_id)._apply_index({index_id: value})
    if not found or found[0] is None:
        return IISet()
    return found[0]


def document_keys(catalog, index_id):
    """{record id: indexed value} of the index ``index_id`` (a FieldIndex or DateIndex).

    Relies on ``catalog_index`` and the index's ``documentToKeyMap``.
    """
    return catalog_index(catalog, index_id).documentToKeyMap()


def catalog_generation(catalog):
    """(change counter, last commit of the counter), or None while the current
    transaction has changed the catalog (what depends on it must not be shared then:
    the transaction may still be aborted).

    Relies on ``getCounter`` (which also processes the indexing queue), the catalog's
    ``_counter`` (a ``BTrees.Length.Length``) and the persistent attributes
    ``_p_changed``, ``_p_oid`` and ``_p_serial``.
    """
    count = catalog.getCounter()
    counter = getattr(catalog, "_counter", None)
    if counter is None:
        return None if getattr(catalog, "_p_changed", False) else (count, b"")
    if counter._p_changed or counter._p_oid is None:
        return None
    return (count, counter._p_serial)


# Persistent objects (ZODB)


def committed_serial(obj):
    """The serial (transaction id) of the last commit of ``obj``, or None while ``obj``
    is new or changed in the current transaction.

    Relies on the persistent attributes ``_p_serial`` and ``_p_changed``.
    """
    serial = getattr(obj, "_p_serial", z64)
    if obj._p_changed or serial == z64:
        return None
    return serial


def database_of(obj):
    """The ZODB database ``obj`` is stored in, or None while it is not committed yet.

    Relies on the persistent attributes ``_p_oid`` and ``_p_jar`` (the connection) and
    the connection's ``db()``.
    """
    if obj._p_oid is None or obj._p_jar is None:
        return None
    return obj._p_jar.db()


# Zope users (AccessControl user folders)


def set_zope_user_password(users, login, password, roles=()):
    """Create ``login`` in a Zope (root) user folder, or set its password.

    Relies on ``_doAddUser``/``_doChangeUser`` of AccessControl's user folders and, once
    Plone has replaced the root user folder by PlonePAS's pluggable one, on its ``users``
    plugin (whose ``_doChangeUser`` needs plugin types the root folder does not register).
    """
    if users.getUserById(login) is None:
        users._doAddUser(login, password, list(roles), [])
    elif "users" in users.objectIds():
        users.users.updateUserPassword(login, password)
    else:
        users._doChangeUser(login, password, list(roles), [])
