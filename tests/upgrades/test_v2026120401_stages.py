"""2026120401, service stages: a site made before them gets the Service Tester role
and the stage permissions, the testers' group (officials test too), and the
dossier_trial index filled for its dossiers (so statistics still count them)."""

from dichvucong.catalogue.stages import CHANGE_PERMISSION
from dichvucong.catalogue.stages import TRIAL_PERMISSION
from dichvucong.dossier.reporting import real_dossiers
from dichvucong.dossier.storage import TESTER_ROLE
from dichvucong.dossier.storage import TESTERS_GROUP
from dichvucong.dossier.storage import officials_group_id
from dichvucong.upgrades.v2026120401 import stages as upgrade
from plone import api
from tests.helpers.content import submit_birth
from tests.helpers.users import AGENCY_X
from tests.helpers.users import add_dossier_people


def roles_of(portal, permission):
    return {r["name"] for r in portal.rolesOfPermission(permission) if r["selected"]}


def test_registered(upgrade_steps):
    handlers = {upgrade.roles_and_permissions, upgrade.testers, upgrade.trial_index}
    steps = [s for s in upgrade_steps if s["step"].handler in handlers]
    assert len(steps) == 3
    assert {(s["source"], s["dest"]) for s in steps} == {(("2026120301",), ("2026120401",))}


def test_old_site_gets_roles_groups_and_index(manager_portal, birth):
    portal = manager_portal
    add_dossier_people()
    dossier = submit_birth("citizen_a")
    officials = officials_group_id(AGENCY_X)
    # The site as it was before 2026120401.
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delIndex("dossier_trial")
    catalog.delColumn("dossier_trial")
    api.group.delete(groupname=TESTERS_GROUP)
    api.group.revoke_roles(groupname=officials, roles=[TESTER_ROLE])
    for permission in (TRIAL_PERMISSION, CHANGE_PERMISSION):
        portal.manage_permission(permission, [], acquire=True)

    upgrade.roles_and_permissions(None)
    upgrade.testers(None)
    upgrade.trial_index(None)

    assert roles_of(portal, TRIAL_PERMISSION) == {
        "Manager",
        "Site Administrator",
        "Official",
        TESTER_ROLE,
    }
    assert roles_of(portal, CHANGE_PERMISSION) == {"Manager", "Site Administrator"}
    assert TESTER_ROLE in api.group.get_roles(groupname=TESTERS_GROUP)
    assert TESTER_ROLE in api.group.get_roles(groupname=officials)
    # Added and filled: without the reindex the new index would hold no dossier and
    # real_dossiers would find none.
    (brain,) = real_dossiers()
    assert brain.dossier_code == dossier.code
    assert brain.dossier_trial is False
