"""A service's online stage in the catalogue (catalogue/stages.py): the procedure
page, the Hanoi data, the catalogue import and export."""

from dichvucong.catalogue import stages
from dichvucong.catalogue.transfer.exporter import export
from dichvucong.catalogue.transfer.importer import import_file
from dichvucong.dossier.storage import TESTERS_GROUP
from pathlib import Path
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.helpers.content import BIRTH
from tests.helpers.content import procedure
from tests.helpers.pages import page
from tests.helpers.pages import text
from tests.helpers.users import add_dossier_people
from tests.helpers.users import as_site_owner
from tests.helpers.users import browser_for
from tests.helpers.users import make_user
import json
import pytest
import transaction


COMING = "Thủ tục này sắp có nộp hồ sơ trực tuyến."
GROUPS = ("HN-DVCTY-17", "HN-DVCTY-18")
HANOI_PROCEDURES = (
    Path(__file__).parents[2] / "profiles" / "hanoi" / "catalogue" / "procedures.json"
)


def test_hanoi_data_opens_23_services_and_drafts_the_two_groups(integration):
    for code in GROUPS:
        assert procedure(code).online_stage == stages.DRAFT
    assert procedure(BIRTH).online_stage == stages.OFFICIAL
    shipped = {
        r.get("national_code") or r["local_code"]: r["online_stage"] for r in shipped_procedures()
    }
    assert sorted(code for code, stage in shipped.items() if stage == stages.DRAFT) == list(GROUPS)
    assert sum(stage == stages.OFFICIAL for stage in shipped.values()) == 23


def shipped_procedures():
    """The procedures of the Hanoi site data, as shipped."""
    return json.loads(HANOI_PROCEDURES.read_text(encoding="utf-8"))


# Import and export


def record(code, **extra):
    return {"local_code": code, "title": f"Thủ tục {code}", "level": "full", **extra}


def test_import_sets_and_export_gives_the_stage(integration):
    portal = integration["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    rows = [record("T-S1", online_stage="trial"), record("T-S2"), record("T-S3", online_stage="x")]
    report = import_file(portal, json.dumps(rows).encode(), "procedures.json", "procedures")
    assert report.counts["created"] == 2
    assert [row.row for row in report.rejected] == [3]
    assert "online_stage" in report.rejected[0].reason
    assert procedure("T-S1").online_stage == stages.TRIAL
    assert procedure("T-S2").online_stage == stages.OFFICIAL  # not given: official
    exported = {
        r["local_code"]: r["online_stage"]
        for r in json.loads(export(portal, "procedures"))
        if r["local_code"]
    }
    assert exported["T-S1"] == "trial"
    # A later import switching the stage is recorded like any switch.
    import_file(
        portal,
        json.dumps([record("T-S1", online_stage="official")]).encode(),
        "procedures.json",
        "procedures",
    )
    assert [(e["from"], e["to"]) for e in stages.history(procedure("T-S1"))][-1] == (
        "trial",
        "official",
    )


# The procedure page


@pytest.fixture
def people(functional_portal):
    add_dossier_people()
    make_user("tester_t", "Tester T", groups=[TESTERS_GROUP])
    transaction.commit()
    return functional_portal


@pytest.mark.parametrize("code", GROUPS)
def test_the_two_groups_say_online_submission_is_coming(people, code):
    browser = browser_for(people.aq_parent, "citizen_a")
    browser.open(procedure(code).absolute_url())
    doc = page(browser)
    assert text(doc.cssselect(".dvc-online-coming")[0]) == COMING
    assert not doc.cssselect("a.dvc-submit")


def test_trial_service_page_for_citizens_and_testers(people):
    birth = procedure(BIRTH)
    birth.online_stage = stages.TRIAL
    transaction.commit()
    citizen = browser_for(people.aq_parent, "citizen_a")
    citizen.open(birth.absolute_url())
    doc = page(citizen)
    assert not doc.cssselect("a.dvc-submit")
    assert text(doc.cssselect(".dvc-online-coming")[0]) == COMING
    for userid in ("tester_t", "official_x"):
        tester = browser_for(people.aq_parent, userid)
        tester.open(birth.absolute_url())
        doc = page(tester)
        assert doc.cssselect("a.dvc-submit")
        assert text(doc.cssselect(".dvc-trial-run")[0]) == "Chạy thử"
        assert not doc.cssselect(".dvc-online-coming")


def test_official_service_page_has_no_stage_marks(people):
    browser = browser_for(people.aq_parent, "citizen_a")
    browser.open(procedure(BIRTH).absolute_url())
    doc = page(browser)
    assert doc.cssselect("a.dvc-submit")
    assert not doc.cssselect(".dvc-trial-run, .dvc-online-coming")


def test_search_offers_online_submission_only_for_official_services(integration):
    birth = procedure(BIRTH)
    catalog = birth.portal_catalog

    def online():
        return {b.catalogue_code for b in catalog(portal_type="Procedure", has_online_form=True)}

    assert BIRTH in online()
    birth.online_stage = stages.TRIAL
    birth.reindexObject()
    assert BIRTH not in online()


def test_site_administrators_find_the_stage_on_the_page(people):
    birth = procedure(BIRTH)
    manager = browser_for(people.aq_parent)
    as_site_owner(manager)
    manager.open(birth.absolute_url())
    (link,) = page(manager).cssselect(".dvc-stage-admin a")
    assert link.get("href") == f"{birth.absolute_url()}/@@service-stage"
    assert text(link) == "Chính thức: mở cho mọi người"
    citizen = browser_for(people.aq_parent, "citizen_a")
    citizen.open(birth.absolute_url())
    assert not page(citizen).cssselect(".dvc-stage-admin")
