"""2026120301, account menu: an existing site gets what the profile gives a new one,
the toolbar for the roles that edit content only, and no dashboard in the user actions."""

from dichvucong.upgrades.v2026120301.account import HIDDEN_USER_ACTIONS
from dichvucong.upgrades.v2026120301.account import SHOW_TOOLBAR
from dichvucong.upgrades.v2026120301.account import TOOLBAR_ROLES
from dichvucong.upgrades.v2026120301.account import account_menu_actions
from dichvucong.upgrades.v2026120301.account import toolbar_for_editors
from plone import api


def toolbar_roles(portal):
    return {role["name"] for role in portal.rolesOfPermission(SHOW_TOOLBAR) if role["selected"]}


def acquires(portal):
    return bool(portal.permission_settings(SHOW_TOOLBAR)[0]["acquire"])


def user_actions():
    return api.portal.get_tool("portal_actions").user


def test_steps_are_registered(upgrade_steps):
    handlers = {
        step["step"].handler.__name__ for step in upgrade_steps if step["dest"] == ("2026120301",)
    }
    assert {"toolbar_for_editors", "account_menu_actions"} <= handlers


def test_new_site_has_what_the_steps_give(portal):
    assert toolbar_roles(portal) == set(TOOLBAR_ROLES)
    assert not acquires(portal)
    for name in HIDDEN_USER_ACTIONS:
        assert not user_actions()[name].visible


def test_toolbar_leaves_members_and_owners(portal):
    """A site made before 2026120301: Plone's default, every logged-in person."""
    portal.manage_permission(SHOW_TOOLBAR, roles=["Authenticated"], acquire=False)
    toolbar_for_editors(None)
    assert toolbar_roles(portal) == set(TOOLBAR_ROLES)
    assert not {"Authenticated", "Member", "Owner", "Official", "Leader"} & toolbar_roles(portal)
    toolbar_for_editors(None)  # twice: the same
    assert toolbar_roles(portal) == set(TOOLBAR_ROLES)


def test_dashboard_leaves_the_user_actions(portal):
    user_actions()["dashboard"].visible = True
    account_menu_actions(None)
    assert not user_actions()["dashboard"].visible
    assert user_actions()["logout"].visible
    assert user_actions()["my-dossiers"].visible
