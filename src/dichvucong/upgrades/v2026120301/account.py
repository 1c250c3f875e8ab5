"""2026120301, account menu: an existing site gets what profiles/default gives a new
one. Plone's editing toolbar only for the roles that edit content (rolemap.xml's
"Show Toolbar"), and Plone's dashboard out of the ``user`` actions (actions.xml), which
the header's account menu lists.
"""

from plone import api


SHOW_TOOLBAR = "Show Toolbar"
TOOLBAR_ROLES = ("Manager", "Site Administrator", "Editor", "Contributor", "Reviewer")
HIDDEN_USER_ACTIONS = ("dashboard",)


def toolbar_for_editors(context):
    """Citizens, officials and leaders no longer get the toolbar; staff who edit
    content where they are keep it (roles given globally or on a section)."""
    portal = api.portal.get()
    portal.manage_permission(SHOW_TOOLBAR, roles=list(TOOLBAR_ROLES), acquire=False)


def account_menu_actions(context):
    """The account menu and the toolbar's personal menu no longer offer the dashboard."""
    user = api.portal.get_tool("portal_actions").get("user")
    if user is None:
        return
    for name in HIDDEN_USER_ACTIONS:
        action = user.get(name)
        if action is not None:
            action.visible = False
