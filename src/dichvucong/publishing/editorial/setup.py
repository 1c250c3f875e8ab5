"""The editorial groups, and where they work (import step ``dichvucong-editorial``).

Writers and reviewers get their roles as local roles on the sections where
communications content lives (a city profile's ``editorial.json`` names them), not
site-wide: a writer can add and edit there and nowhere else, a reviewer reviews there.

Writers hold Contributor only (not Editor): with Editor they could also edit, retract
or delete the section folder itself, which stays on Plone's default workflow.
communications_workflow gives Contributor what a writer needs on communications
content (see its README).
"""

from dichvucong.base.internals import unrestricted_object
from dichvucong.publishing.editorial.workflow import WORKFLOW_ID
from dichvucong.publishing.editorial.workflow import bound_types
from plone import api
import json
import logging


logger = logging.getLogger(__name__)

DATA_FILE = "editorial.json"
WRITERS_GROUP = "communications-writers"
REVIEWERS_GROUP = "communications-reviewers"
GROUP_ROLES = {
    WRITERS_GROUP: ("Contributor",),
    REVIEWERS_GROUP: ("Reviewer",),
}
DEFAULT_TITLES = {
    WRITERS_GROUP: "Communications writers",
    REVIEWERS_GROUP: "Communications reviewers",
}
KNOWN_KEYS = {"_comment", "groups", "sections"}
GROUP_KEYS = {"title", "description"}
# States of Plone's default workflows and what they become (adopt_existing_content).
STATE_MAP = {
    "private": "draft",
    "pending": "pending",
    "published": "published",
    "visible": "published",
    "internal": "draft",
    "internally_published": "draft",
}


class EditorialDataError(ValueError):
    pass


def import_editorial(context):
    """GenericSetup step: acts on profiles that ship editorial.json (a city's)."""
    raw = context.readDataFile(DATA_FILE)
    if raw is None:
        return
    data = parse(raw, DATA_FILE)
    portal = context.getSite()
    ensure_groups(data.get("groups", {}))
    granted = grant_sections(portal, data.get("sections", []))
    logger.info("Editorial roles on: %s", ", ".join(granted) or "no section")


def parse(raw, name):
    data = json.loads(raw)
    unknown = set(data) - KNOWN_KEYS
    if unknown:
        raise EditorialDataError(f"{name}: unknown keys {sorted(unknown)}")
    for group_id, info in data.get("groups", {}).items():
        if group_id not in GROUP_ROLES:
            raise EditorialDataError(f"{name}: unknown group {group_id!r}")
        extra = set(info) - GROUP_KEYS
        if extra:
            raise EditorialDataError(f"{name}: group {group_id!r}: unknown keys {sorted(extra)}")
    if not all(isinstance(path, str) for path in data.get("sections", [])):
        raise EditorialDataError(f"{name}: sections must be paths relative to the site")
    return data


def ensure_groups(info=None):
    """Create the writers' and reviewers' groups if missing (titles from ``info``)."""
    info = info or {}
    for group_id in GROUP_ROLES:
        if api.group.get(groupname=group_id) is not None:
            continue
        details = info.get(group_id, {})
        api.group.create(
            groupname=group_id,
            title=details.get("title") or DEFAULT_TITLES[group_id],
            description=details.get("description", ""),
        )
    return list(GROUP_ROLES)


def grant_sections(portal, paths):
    """Give the groups their local roles on each section that exists; returns the paths."""
    granted = []
    for path in paths:
        section = portal.unrestrictedTraverse(path.strip("/"), None)
        if section is None:
            logger.warning("Editorial section %s not found: no roles given there", path)
            continue
        for group_id, roles in GROUP_ROLES.items():
            current = set(section.get_local_roles_for_userid(group_id))
            if not set(roles) <= current:
                section.manage_setLocalRoles(group_id, sorted(current | set(roles)))
        section.reindexObjectSecurity()
        granted.append(path)
    return granted


def adopt_existing_content(portal):
    """Give communications_workflow states to items created under another workflow.

    For an upgrade of an existing site: after the bindings change, items of the bound
    types have no communications_workflow history and would all read as drafts. Their
    state in their former workflow is mapped with STATE_MAP (unknown states: draft).
    Returns the number of items adopted."""
    tool = api.portal.get_tool("portal_workflow")
    workflow = tool.getWorkflowById(WORKFLOW_ID)
    catalog = api.portal.get_tool("portal_catalog")
    adopted = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=bound_types()):
        obj = unrestricted_object(brain)
        histories = getattr(obj, "workflow_history", {})
        if histories.get(WORKFLOW_ID):
            continue
        former = [entries[-1] for key, entries in histories.items() if entries]
        former.sort(key=lambda entry: entry.get("time"))
        state = STATE_MAP.get(former[-1].get("review_state"), "draft") if former else "draft"
        tool.setStatusOf(
            WORKFLOW_ID,
            obj,
            {
                "action": None,
                "actor": former[-1].get("actor") if former else None,
                "comments": "",
                "review_state": state,
                "time": former[-1].get("time") if former else obj.modified(),
            },
        )
        workflow.updateRoleMappingsFor(obj)
        obj.reindexObject(idxs=["review_state"])
        obj.reindexObjectSecurity()  # its contents acquire the new View roles
        adopted += 1
    return adopted
