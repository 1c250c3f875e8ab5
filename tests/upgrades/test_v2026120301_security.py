"""The 2026120301 security steps give an existing site what a new one gets: the
records of the security headers, dossiers (and their store) managed by staff only, and
logout that ends the session on the server."""

from AccessControl.PermissionRole import rolesForPermissionOn
from dichvucong.base.headers import DEFAULTS
from dichvucong.base.headers import PREFIX
from dichvucong.dossier.storage import MANAGEMENT_PERMISSIONS
from dichvucong.dossier.storage import get_store
from dichvucong.upgrades.v2026120301.security import dossier_management_permissions
from dichvucong.upgrades.v2026120301.security import import_security_headers
from dichvucong.upgrades.v2026120301.security import logout_ends_sessions
from plone import api
from Products.DCWorkflow.utils import modifyRolesForPermission
from tests.helpers.content import submit_birth
from tests.helpers.users import add_dossier_people
import pytest


STEPS = (
    "dichvucong.upgrades.v2026120301.security.import_security_headers",
    "dichvucong.upgrades.v2026120301.security.dossier_management_permissions",
    "dichvucong.upgrades.v2026120301.security.logout_ends_sessions",
)


def test_steps_registered(upgrade_steps):
    handlers = {
        f"{step['step'].handler.__module__}.{step['step'].handler.__name__}"
        for step in upgrade_steps
        if step["dest"] == ("2026120301",)
    }
    assert set(STEPS) <= handlers


def test_new_site_has_it_all(portal):
    for name, value in DEFAULTS.items():
        assert api.portal.get_registry_record(f"{PREFIX}.{name}") == value
    assert portal.acl_users.session.getProperty("per_user_keyring") is True


def test_header_records_imported(portal):
    records = api.portal.get_tool("portal_registry").records
    for name in DEFAULTS:
        del records[f"{PREFIX}.{name}"]
    api.portal.set_registry_record("plone.other_settings", '{"height": 300}')
    import_security_headers(None)
    for name, value in DEFAULTS.items():
        assert api.portal.get_registry_record(f"{PREFIX}.{name}") == value
    # Only these records: what an administrator set elsewhere stays.
    assert api.portal.get_registry_record("plone.other_settings") == '{"height": 300}'


def test_per_user_keyrings_enabled(portal):
    portal.acl_users.session.per_user_keyring = False
    logout_ends_sessions(None)
    assert portal.acl_users.session.getProperty("per_user_keyring") is True


@pytest.fixture
def old_dossier(manager_portal):
    """A dossier, its folders and store with the permissions of a site made before
    2026120301: the applicant (Owner) manages them as Zope and Plone let owners."""
    add_dossier_people()
    dossier = submit_birth()
    for obj in (get_store(), dossier.__parent__, dossier.__parent__.__parent__, dossier):
        for permission in MANAGEMENT_PERMISSIONS:
            # (A list: acquired too.)
            modifyRolesForPermission(obj, permission, ["Manager", "Owner"])
    return dossier


def test_dossiers_managed_by_staff_only(old_dossier):
    assert "Owner" in rolesForPermissionOn("Sharing page: Delegate roles", old_dossier)
    dossier_management_permissions(None)
    folder = old_dossier.__parent__
    for obj in (old_dossier, folder, folder.__parent__, get_store()):
        for permission in MANAGEMENT_PERMISSIONS:
            assert set(rolesForPermissionOn(permission, obj)) == {
                "Manager",
                "Site Administrator",
            }, (obj, permission)
    # What the dossier's state gives stays.
    assert "Owner" in rolesForPermissionOn("View", old_dossier)
    assert "Owner" in rolesForPermissionOn("dichvucong: Withdraw dossier", old_dossier)
