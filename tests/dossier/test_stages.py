"""Service stages seen from the dossiers (catalogue/stages.py, docs/services.md): who
may submit in draft and trial, the trial mark on the dossier and wherever it is
listed, statistics' query without trial dossiers, the switch keeping them marked."""

from dichvucong.catalogue import stages
from dichvucong.dossier.reporting import real_dossiers
from dichvucong.dossier.reporting import real_dossiers_query
from dichvucong.dossier.slips.render import slip_html
from dichvucong.dossier.storage import TESTERS_GROUP
from dichvucong.dossier.submission import FORM_ERROR
from dichvucong.dossier.submission import SubmissionError
from dichvucong.dossier.views.slip_data import slip_data
from tests.dossier.test_lists import render
from tests.dossier.test_lists import request_  # noqa: F401 (fixture)
from tests.dossier.test_lists import worklist
from tests.dossier.views import call
from tests.helpers.content import BIRTH
from tests.helpers.content import BIRTH_ANSWERS
from tests.helpers.content import submit_birth
from tests.helpers.pages import parse
from tests.helpers.pages import vi
from tests.helpers.users import add_dossier_people
from tests.helpers.users import credentials
from tests.helpers.users import make_user
import pytest
import requests
import transaction


def refusal_of(userid):
    with pytest.raises(SubmissionError) as refused:
        submit_birth(userid)
    return refused.value.errors


def test_procedures_without_a_stage_are_official(birth):
    """A procedure that never had a stage (a site older than stages) stays open."""
    birth._online_stage = None
    assert birth.online_stage == stages.OFFICIAL
    assert submit_birth("citizen_a").trial is False


def test_trial_refuses_a_citizen_with_a_clear_message(in_trial):
    errors = refusal_of("citizen_a")
    assert set(errors) == {FORM_ERROR}
    message = vi(errors[FORM_ERROR])
    assert message.startswith("Dịch vụ này đang chạy thử, chưa nhận hồ sơ của công dân.")
    assert "Ông/Bà vui lòng quay lại sau" in message


@pytest.mark.parametrize("userid", ["tester_t", "official_x", "official_y"])
def test_trial_accepts_testers_and_officials_and_marks_their_dossier(in_trial, tester, userid):
    dossier = submit_birth(userid)
    assert dossier.trial is True
    brains = in_trial.portal_catalog.unrestrictedSearchResults(
        portal_type="Dossier", dossier_trial=True
    )
    assert [brain.dossier_code for brain in brains] == [dossier.code]


@pytest.mark.parametrize("userid", ["citizen_a", "tester_t", "official_x"])
def test_draft_refuses_everyone(birth, tester, userid):
    birth.online_stage = stages.DRAFT
    errors = refusal_of(userid)
    assert vi(errors[FORM_ERROR]).startswith("Dịch vụ này chưa nhận hồ sơ trực tuyến.")


def test_official_dossiers_are_real(birth):
    assert submit_birth("citizen_a").trial is False


def test_switch_to_official_keeps_trial_dossiers_and_opens_the_service(in_trial, tester):
    tried = submit_birth("tester_t")
    in_trial.online_stage = stages.OFFICIAL
    real = submit_birth("citizen_a")
    assert tried.trial is True
    assert real.trial is False
    switches = [(entry["from"], entry["to"]) for entry in stages.history(in_trial)]
    assert switches[-2:] == [(stages.OFFICIAL, stages.TRIAL), (stages.TRIAL, stages.OFFICIAL)]


def test_real_dossiers_leave_trial_dossiers_out(in_trial, tester):
    """The one query statistics and national sync count with."""
    tried = submit_birth("tester_t")
    in_trial.online_stage = stages.OFFICIAL
    real = submit_birth("citizen_a")
    assert real_dossiers_query()["dossier_trial"] is False
    codes = [brain.dossier_code for brain in real_dossiers(dossier_procedure=in_trial.code)]
    assert codes == [real.code]
    assert tried.code not in codes


def test_dossier_page_marks_a_trial_dossier(in_trial, tester, as_user):
    tried = submit_birth("tester_t")
    as_user("official_x")
    body, _response = call(tried, "dossier_view")
    assert parse(body).get_element_by_id("dvc-trial").text_content().strip() == "Hồ sơ chạy thử"
    # The tester who sent it is offered to note what she checked; the official is not.
    assert not parse(body).cssselect("#dvc-trial-note")
    as_user("tester_t")
    body, _response = call(tried, "dossier_view")
    (link,) = parse(body).cssselect("#dvc-trial-note a")
    assert link.get("href") == f"{in_trial.absolute_url()}/@@trial-note?code={tried.code}"


def test_real_dossier_page_has_no_trial_mark(birth, as_user):
    dossier = submit_birth("citizen_a")
    as_user("citizen_a")
    body, _response = call(dossier, "dossier_view")
    assert not parse(body).cssselect("#dvc-trial")


def test_lists_mark_trial_dossiers(in_trial, tester, as_user, request_):  # noqa: F811
    tried = submit_birth("official_x")
    in_trial.online_stage = stages.OFFICIAL
    real = submit_birth("official_x")
    as_user("official_x")
    _, document = worklist(in_trial.portal_url.getPortalObject(), request_)
    rows = {row.get("data-code"): row for row in document.cssselect("#dvc-worklist-table tbody tr")}
    assert rows[tried.code].cssselect(".dvc-trial-mark")[0].text_content().strip() == (
        "Hồ sơ chạy thử"
    )
    assert not rows[real.code].cssselect(".dvc-trial-mark")
    # "My dossiers" of whoever sent them.
    _, text = render(in_trial.portal_url.getPortalObject(), "my-dossiers", request_)
    mine = {li.get("data-code"): li for li in parse(text).cssselect("#dvc-my-dossiers-list > li")}
    assert mine[tried.code].cssselect(".dvc-trial-mark")
    assert not mine[real.code].cssselect(".dvc-trial-mark")


def test_receipt_slip_says_trial_dossier(in_trial, tester):
    tried = submit_birth("tester_t")
    assert "Hồ sơ chạy thử" in slip_html("receipt", slip_data(tried, "receipt"))
    in_trial.online_stage = stages.OFFICIAL
    real = submit_birth("citizen_a")
    assert "Hồ sơ chạy thử" not in slip_html("receipt", slip_data(real, "receipt"))


# REST @dossiers: the same refusal, the mark in the serialisation.


@pytest.fixture
def rest_trial(functional, functional_portal):
    """The functional site: people, a tester, the birth procedure in trial without its
    form (answers kept as given); committed."""
    add_dossier_people()
    make_user("tester_t", "Tester T", groups=[TESTERS_GROUP])
    procedure = functional_portal.portal_catalog.unrestrictedSearchResults(
        portal_type="Procedure", catalogue_code=BIRTH
    )[0]._unrestrictedGetObject()
    procedure.online_form = None
    procedure.online_stage = stages.TRIAL
    transaction.commit()
    return functional_portal


def post_birth(portal, userid):
    body = {"procedure": BIRTH, "answers": {**BIRTH_ANSWERS}}
    return requests.post(
        f"{portal.absolute_url()}/@dossiers",
        json=body,
        auth=credentials(userid),
        headers={"Accept": "application/json"},
        timeout=60,
    )


def test_rest_refuses_a_citizen_in_trial_and_accepts_a_tester(rest_trial):
    refused = post_birth(rest_trial, "citizen_a")
    assert refused.status_code == 400
    error = refused.json()["error"]
    assert error["message"].startswith("Dịch vụ này đang chạy thử")
    assert set(error["errors"]) == {FORM_ERROR}

    accepted = post_birth(rest_trial, "tester_t")
    assert accepted.status_code == 201, accepted.text
    assert accepted.json()["trial"] is True
    # The dossier's own GET says so too.
    again = requests.get(
        accepted.headers["Location"],
        auth=credentials("tester_t"),
        headers={"Accept": "application/json"},
        timeout=30,
    )
    assert again.json()["trial"] is True


def test_code_search_marks_trial_dossiers(in_trial, tester, as_user, request_):  # noqa: F811
    tried = submit_birth("tester_t")
    in_trial.online_stage = stages.OFFICIAL
    real = submit_birth("citizen_a")
    as_user("leader")  # every agency's worklists: the code search lists what it finds
    part = tried.code[: tried.code.rindex("-")]
    _, text = render(
        in_trial.portal_url.getPortalObject()["ho-so"], "worklist", request_, code=part
    )
    found = {li.get("data-code"): li for li in parse(text).cssselect("li[data-code]")}
    assert found[tried.code].cssselect(".dvc-trial-mark")
    assert not found[real.code].cssselect(".dvc-trial-mark")
