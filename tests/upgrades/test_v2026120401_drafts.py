"""The 2026120401 "drafts" handler gives an existing site the record of how long a
saved draft of a service form is kept, as the profile gives a new one."""

from dichvucong.forms.drafts import DAYS_RECORD
from dichvucong.forms.drafts import draft_days
from dichvucong.upgrades.v2026120401.drafts import draft_days_record
from plone import api


def test_registered(upgrade_steps):
    handlers = {
        step["step"].handler.__name__ for step in upgrade_steps if step["dest"] == ("2026120401",)
    }
    assert "draft_days_record" in handlers


def test_new_site_keeps_drafts_30_days(portal):
    assert api.portal.get_registry_record(DAYS_RECORD) == 30
    assert draft_days() == 30


def test_an_existing_site_gets_the_record(portal):
    records = api.portal.get_tool("portal_registry").records
    del records[DAYS_RECORD]
    assert api.portal.get_registry_record(DAYS_RECORD, default=None) is None
    draft_days_record(None)
    assert api.portal.get_registry_record(DAYS_RECORD) == 30
    api.portal.set_registry_record(DAYS_RECORD, 14)
    assert draft_days() == 14
