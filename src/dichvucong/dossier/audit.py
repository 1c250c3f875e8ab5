"""The dossier's history: who did what, when. Officials see every entry; the applicant
sees the entries that concern them (``public``).

Staff opening the dossier page is kept in the audit too (internal ``viewed`` entries:
who looked at a dossier, when) but is not a step of the dossier: the history people
read shows the steps (``steps``), the views are listed apart (``views``). One view is
recorded per official and per ``VIEW_WINDOW``: reloads and the page shown again after
each action of a working session add no line (and no write to the database).
"""

from datetime import timedelta
from dichvucong.base.dates import portal_now
from dichvucong.base.dates import storable
from plone import api
from plone.protect.utils import safeWrite


VIEWED = "viewed"
# Actions that record a reading, not a step of the dossier.
VIEW_ACTIONS = frozenset({VIEWED})
# A new view by the same person is recorded once this long has passed since the last one.
VIEW_WINDOW = timedelta(minutes=30)


def now():
    """Now in the portal's zone, at its fixed UTC offset: what dossiers store."""
    return storable(portal_now())


def current_actor():
    return api.user.get_current().getId() or "anonymous"


def record(dossier, action, comment="", public=True, actor=None, when=None, **extra):
    if actor is None:
        actor = current_actor()
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
    """Every entry the reader may see (the audit), views included."""
    return [e for e in dossier.audit if include_internal or e["public"]]


def steps(dossier, include_internal):
    """The history people read: what happened to the dossier, without the views."""
    return [e for e in entries(dossier, include_internal) if e["action"] not in VIEW_ACTIONS]


def views(dossier):
    """Staff's readings of the dossier (internal entries), oldest first."""
    return [e for e in dossier.audit if e["action"] in VIEW_ACTIONS]


def _seen_lately(dossier, actor, when):
    """Has ``actor`` a view recorded less than VIEW_WINDOW before ``when``?"""
    for entry in reversed(dossier.audit):
        try:
            if when - entry["when"] >= VIEW_WINDOW:
                return False
        except TypeError:  # a naive moment written by hand: not comparable, keep going
            continue
        if entry["action"] in VIEW_ACTIONS and entry["actor"] == actor:
            return True
    return False


def record_view(dossier, actor=None, when=None):
    """Record that staff opened the dossier; None when the same person's last view is
    recent (less than VIEW_WINDOW): that reading is already in the audit."""
    actor = actor or current_actor()
    when = when or now()
    if _seen_lately(dossier, actor, when):
        return None
    return record(dossier, VIEWED, public=False, actor=actor, when=when)
