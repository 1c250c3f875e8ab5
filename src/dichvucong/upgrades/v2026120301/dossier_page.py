"""The dossier page's topic of 2026120301: online dossiers not yet checked get a result
date that does not come before their check.

Until now an online dossier's result date counted from its arrival, so a same-day
procedure sent at 09:00 was "due" at 17:00 while the agency had until 09:00 the next
working day to check it. New dossiers count from the acknowledgement deadline
(``WorkingCalendar.online_due_date``); this step recounts the online dossiers still
waiting for that check (state ``new``: no pause, no apology has moved their date yet).
A date only ever moves later: no citizen loses time she was promised.
"""

from dichvucong.base.internals import unrestricted_object
from dichvucong.dossier.deadlines import calendar_from_registry
from dichvucong.dossier.submission import processing_time
from plone import api
from plone.app.uuid.utils import uuidToObject
import logging


logger = logging.getLogger("dichvucong.upgrades")


def recounted_due(dossier, calendar):
    """The new result date of an online dossier still to be checked, or None to keep."""
    if dossier.channel != "online" or dossier.received_at is None:
        return None
    procedure = uuidToObject(dossier.procedure_uid, unrestricted=True)
    if procedure is None:
        return None
    amount, unit = processing_time(procedure, dossier.channel)
    due = calendar.online_due_date(dossier.received_at, amount, unit)
    if due is None or (dossier.due_at is not None and due <= dossier.due_at):
        return None
    return due


def recount_online_due_dates(context):
    catalog = api.portal.get_tool("portal_catalog")
    calendar = calendar_from_registry()
    changed = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="Dossier", review_state="new"):
        dossier = unrestricted_object(brain)
        due = recounted_due(dossier, calendar)
        if due is None:
            continue
        dossier.due_at = due
        dossier.reindexObject(idxs=["dossier_due"])
        changed += 1
    logger.info("Online dossiers still to be checked with a later result date: %s", changed)
