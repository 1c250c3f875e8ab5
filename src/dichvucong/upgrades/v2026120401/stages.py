"""2026120401, service stages (docs/services.md): an existing site gets what
profiles/default gives a new one.

- the role "Service Tester" and the two permissions of the stages (rolemap.xml);
- the testers' group, and the tester role for every agency's officials group;
- the ``dossier_trial`` index and metadata column, filled for the dossiers there are
  (all real ones: no service was in trial before).

Procedures need nothing: one without a stored stage is official (catalogue/stages.py).
"""

from dichvucong.base.internals import unrestricted_object
from dichvucong.catalogue.stages import CHANGE_PERMISSION
from dichvucong.catalogue.stages import TRIAL_PERMISSION
from dichvucong.dossier.storage import TESTER_ROLE
from dichvucong.dossier.storage import ensure_testers_group
from dichvucong.dossier.storage import officials_group_id
from plone import api


PERMISSION_ROLES = {
    TRIAL_PERMISSION: ("Manager", "Site Administrator", "Official", TESTER_ROLE),
    CHANGE_PERMISSION: ("Manager", "Site Administrator"),
}
INDEX = "dossier_trial"


def roles_and_permissions(context):
    portal = api.portal.get()
    if TESTER_ROLE not in portal.valid_roles():
        portal._addRole(TESTER_ROLE)
    for permission, roles in PERMISSION_ROLES.items():
        portal.manage_permission(permission, roles=list(roles), acquire=True)


def testers(context):
    """The testers' group; officials test services in trial too."""
    ensure_testers_group()
    prefix = officials_group_id("")
    for group in api.group.get_groups():
        if group.getId().startswith(prefix):
            api.group.grant_roles(group=group, roles=[TESTER_ROLE])


def trial_index(context):
    catalog = api.portal.get_tool("portal_catalog")
    if INDEX not in catalog.indexes():
        catalog.addIndex(INDEX, "BooleanIndex")
    if INDEX not in catalog.schema():
        catalog.addColumn(INDEX)
    for brain in catalog.unrestrictedSearchResults(portal_type="Dossier"):
        unrestricted_object(brain).reindexObject(idxs=[INDEX])
