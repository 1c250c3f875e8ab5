"""The 2026120301 step of the dossier page: online dossiers still to be checked get a
result date that does not come before their check; nothing else moves."""

from datetime import datetime
from dichvucong.base.dates import ICT
from dichvucong.dossier.deadlines import calendar_from_registry
from dichvucong.dossier.submission import submit
from dichvucong.upgrades.v2026120301.dossier_page import recount_online_due_dates
from plone import api


MONDAY_9 = datetime(2026, 12, 7, 9, 0, tzinfo=ICT)
TITLE = "Dossier page: online dossiers still to be checked are due no earlier than"


def test_registered(upgrade_steps):
    (step,) = [s for s in upgrade_steps if s["title"].startswith(TITLE)]
    assert (step["source"], step["dest"]) == (("2026120201",), ("2026120301",))


def old_dossier(birth, as_user, userid="citizen_a"):
    """A birth dossier sent on Monday 09:00 and dated as before: due that day, 17:00."""
    as_user(userid)
    dossier = submit(birth, {"applicant_name": "Nguyen Van A", "child_name": "Be"}, when=MONDAY_9)
    dossier.due_at = calendar_from_registry().due_date(MONDAY_9, 1)
    dossier.reindexObject()
    as_user(None)
    return dossier


def test_recounts_dossiers_still_to_be_checked(people, birth, as_user):
    waiting = old_dossier(birth, as_user)
    accepted = old_dossier(birth, as_user, "citizen_b")
    as_user("official_x")
    api.content.transition(accepted, transition="accept")
    old_due = accepted.due_at
    assert waiting.due_at < waiting.acknowledge_by

    recount_online_due_dates(None)

    assert waiting.due_at == datetime(2026, 12, 8, 17, 0, tzinfo=ICT)
    assert waiting.due_at > waiting.acknowledge_by
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=waiting.UID())
    assert brain.dossier_due == waiting.due_at
    # Once checked, the dossier's date is the agency's business: left alone.
    assert accepted.due_at == old_due
    # Run twice, nothing moves again.
    recount_online_due_dates(None)
    assert waiting.due_at == datetime(2026, 12, 8, 17, 0, tzinfo=ICT)
