"""The dossier store and its partitions; agency groups of officials; the service
testers' group."""

from BTrees.OOBTree import OOBTree
from dichvucong import _
from dichvucong.base.sections import section
from dichvucong.base.sections import section_path
from dichvucong.dossier.codes import make_counters
from plone import api
from plone.dexterity.utils import createContentInContainer
from plone.portlets.constants import CONTEXT_CATEGORY
from plone.portlets.interfaces import ILocalPortletAssignmentManager
from plone.portlets.interfaces import IPortletManager
from zope.component import getMultiAdapter
from zope.component import getUtility
from zope.i18n import translate


OFFICIALS_ROLE = "Official"
LEADER_ROLE = "Leader"
LEADERS_GROUP = "dossier-leaders"
# Who "plays the citizen" while a service is in trial (catalogue/stages.py): the
# testers' group and every agency's officials hold this role, and it gives nothing but
# "dichvucong: Submit to a service in trial" (rolemap.xml).
TESTER_ROLE = "Service Tester"
TESTERS_GROUP = "service-testers"
DRAFTS_SENTINEL = ""


def officials_group_id(agency_code):
    return f"officials-{agency_code}"


def ensure_store(portal):
    """The store, completed on first use if it lacks something (a site made before one
    of its parts existed). Called on every submission: when the store is complete this
    is one lookup."""
    store = section("dossiers", portal)
    if store is not None and getattr(store, "drafts", None) is not None:
        return store
    return setup_store(portal)


def setup_store(portal):
    """Create or complete the store where the city's site data puts it (idempotent;
    install and upgrade steps)."""
    store = section("dossiers", portal)
    if store is None:
        # store_added completes it.
        return createContentInContainer(
            portal,
            "DossierStore",
            id=section_path("dossiers"),
            title=translate(_("Dossiers"), target_language="vi"),
            checkConstraints=False,
        )
    complete_store(store)
    return store


def store_added(store, event):
    """A new store (the city's site data, or setup_store): private, out of the
    navigation, with its counters and drafts."""
    store.exclude_from_nav = True
    _private(store)
    complete_store(store)


def complete_store(store):
    """Add what the store lacks: counters, form schemas, drafts, no portlets."""
    if getattr(store, "counters", None) is None:
        store.counters = make_counters()
    for name in ("schemas", "drafts"):
        if getattr(store, name, None) is None:
            setattr(store, name, OOBTree())
    # A permanent first key: the drafts tree never empties, and ZODB cannot resolve two
    # concurrent changes that leave a bucket empty (every confirmation deletes a draft).
    if DRAFTS_SENTINEL not in store.drafts:
        store.drafts[DRAFTS_SENTINEL] = None
    _block_portlets(store)
    ensure_leaders_group()
    ensure_testers_group()


def _block_portlets(store):
    """No navigation portlet listing agency and month folders beside a dossier."""
    for name in ("plone.leftcolumn", "plone.rightcolumn"):
        manager = getUtility(IPortletManager, name=name)
        assignments = getMultiAdapter((store, manager), ILocalPortletAssignmentManager)
        if not assignments.getBlacklistStatus(CONTEXT_CATEGORY):
            assignments.setBlacklistStatus(CONTEXT_CATEGORY, True)


# The store and its partitions have no workflow: only logged-in users pass through them
# (each dossier's own workflow decides who sees it), anonymous visitors see nothing.
STAFF = ["Manager", "Site Administrator"]
# Managing the store, its folders and its dossiers is for STAFF only: Zope and Plone
# give some of these to Owner, which the applicant is on her dossier (and a page such
# as manage_main is acquired from the dossier's folder). The dossier workflow maps the
# same ones on each dossier.
MANAGEMENT_PERMISSIONS = (
    "Change local roles",
    "Sharing page: Delegate roles",
    "View management screens",
    "Manage properties",
    "Modify view template",
    "CMFEditions: Access previous versions",
    "Undo changes",
    "Take ownership",
)


def _private(folder):
    for permission in ("View", "Access contents information"):
        folder.manage_permission(permission, ["Authenticated", *STAFF], acquire=False)
    folder.manage_permission("List folder contents", [*STAFF, "Leader"], acquire=False)
    management_for_staff(folder)
    folder.reindexObjectSecurity()


def management_for_staff(folder):
    """Only STAFF manage ``folder`` (the store or one of its folders)."""
    for permission in MANAGEMENT_PERMISSIONS:
        folder.manage_permission(permission, STAFF, acquire=False)


def get_store():
    return section("dossiers")


def ensure_leaders_group():
    if api.group.get(LEADERS_GROUP) is None:
        api.group.create(
            groupname=LEADERS_GROUP,
            title="Leaders",
            roles=[LEADER_ROLE],
        )


def ensure_testers_group():
    """The service testers' group (members are added by hand; Vietnamese title)."""
    if api.group.get(TESTERS_GROUP) is None:
        api.group.create(
            groupname=TESTERS_GROUP,
            title=translate(_("Service testers"), target_language="vi"),
            description=translate(
                _("Submit dossiers to services in trial, to check them before they go official."),
                target_language="vi",
            ),
            roles=[TESTER_ROLE],
        )


def ensure_officials_group(agency_code, agency_title=""):
    group_id = officials_group_id(agency_code)
    if api.group.get(group_id) is None:
        # Officials test services in trial too (TESTER_ROLE, site-wide); their Official
        # role stays on their agency's folder only.
        api.group.create(
            groupname=group_id,
            title=f"{agency_code} {agency_title}".strip(),
            roles=[TESTER_ROLE],
        )
    return group_id


def _child(container, name, title):
    folder = container.get(name)
    if folder is None:
        folder = createContentInContainer(
            container, "DossierFolder", id=name, title=title, checkConstraints=False
        )
        _private(folder)
    return folder


def partition_for(store, agency_code, agency_title, when):
    """The folder a dossier of ``agency_code`` received at ``when`` goes into."""
    agency_folder = store.get(agency_code.lower())
    if agency_folder is None:
        agency_folder = _child(store, agency_code.lower(), agency_title or agency_code)
        group_id = ensure_officials_group(agency_code, agency_title)
        # The agency's officials reach its dossiers, and only them, through this role.
        agency_folder.manage_setLocalRoles(group_id, [OFFICIALS_ROLE])
        agency_folder.reindexObjectSecurity()
    return _child(agency_folder, f"{when:%Y-%m}", f"{when:%Y-%m}")
