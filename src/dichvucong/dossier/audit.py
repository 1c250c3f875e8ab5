"""The dossier's history: who did what, when. Officials see every entry; the applicant
sees the entries that concern them (``public``)."""

from dichvucong.base.dates import portal_now
from dichvucong.base.dates import storable
from plone import api
from plone.protect.utils import safeWrite


def now():
    """Now in the portal's zone, at its fixed UTC offset: what dossiers store."""
    return storable(portal_now())


def record(dossier, action, comment="", public=True, actor=None, when=None, **extra):
    if actor is None:
        user = api.user.get_current()
        actor = user.getId() or "anonymous"
    entry = {
        "when": when or now(),
        "actor": actor,
        "action": action,
        "comment": comment or "",
        "public": public,
        "state": api.content.get_state(dossier, default=None),
        **extra,
    }
    # Reading views (an official opening a dossier) log too: allowed writes.
    safeWrite(dossier.audit)
    safeWrite(dossier)
    dossier.audit.append(entry)
    return entry


def entries(dossier, include_internal):
    return [e for e in dossier.audit if include_internal or e["public"]]
