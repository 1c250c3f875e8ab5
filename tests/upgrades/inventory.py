"""What a site holds, as JSON on stdout (run by `zconsole run zope.conf inventory.py`).

Only generic Plone API, so the same script reads a site with the code of any version:
every content object (path, type, title, state, a few fields), users and groups with
their members, profile versions, and each dossier's code, state, history and files.
"""

from AccessControl.SecurityManagement import newSecurityManager
from plone.base.interfaces import IPloneSiteRoot
from zope.component.hooks import setSite
import json
import os


app = globals()["app"]
site = app[os.environ.get("SITE_ID", "hanoi")]
setSite(site)
newSecurityManager(None, app.acl_users.getUserById("admin").__of__(app.acl_users))
workflow = site.portal_workflow


def state(obj):
    try:
        return workflow.getInfoFor(obj, "review_state")
    except Exception:
        return None


def walk(container, found):
    for obj in container.objectValues():
        if not hasattr(obj, "portal_type") or obj.getId().startswith("portal_"):
            continue
        if IPloneSiteRoot.providedBy(obj) or obj.getId() == "acl_users":
            continue
        path = "/".join(obj.getPhysicalPath()[2:])
        entry = {"type": obj.portal_type, "title": obj.Title(), "state": state(obj)}
        for name in ("code", "national_code", "layout"):
            value = getattr(obj.aq_base, name, None)
            if isinstance(value, str):
                entry[name] = value
        if obj.portal_type == "Dossier":
            entry["history"] = len(getattr(obj, "history", None) or ())
            entry["answers"] = sorted((getattr(obj, "answers", None) or {}).keys())
        found[path] = entry
        if getattr(obj.aq_base, "isPrincipiaFolderish", False):
            walk(obj, found)


content = {}
walk(site, content)
groups = site.portal_groups
setup = site.portal_setup
print(
    json.dumps(
        {
            "content": content,
            "users": sorted(site.acl_users.source_users.getUserIds()),
            "groups": {
                group: sorted(groups.getGroupMembers(group)) for group in groups.getGroupIds()
            },
            "profiles": {
                profile: ".".join(setup.getLastVersionForProfile(profile))
                for profile in ("dichvucong:default", "dichvucong:hanoi")
            },
            "front_page": site.getDefaultPage() if hasattr(site, "getDefaultPage") else None,
        },
        ensure_ascii=False,
        sort_keys=True,
    )
)
