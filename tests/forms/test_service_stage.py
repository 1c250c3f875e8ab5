"""Service stages on the service form's page (forms/stage.py) and the stage's
management view and trial notes (forms/service_stage.py)."""

from dichvucong.catalogue import stages
from dichvucong.dossier.storage import TESTERS_GROUP
from plone.app.testing import TEST_USER_NAME
from tests.dossier.views import call
from tests.dossier.views import fields
from tests.helpers.content import BIRTH
from tests.helpers.content import procedure
from tests.helpers.content import submit_birth
from tests.helpers.pages import page
from tests.helpers.pages import parse
from tests.helpers.pages import text
from tests.helpers.users import add_dossier_people
from tests.helpers.users import browser_for
from tests.helpers.users import make_user
from zExceptions import NotFound
from zExceptions import Unauthorized
import pytest
import transaction


FORM_PATH = ("dich-vu-cong-truc-tuyen", "dang-ky-khai-sinh")


def offered_online(procedure):
    """Is the procedure in the search's "online submission" filter?"""
    return bool(procedure.portal_catalog(UID=procedure.UID(), has_online_form=True))


def switch(context, **widgets):
    return call(context, "service-stage", method="POST", **fields("switch", **widgets))


# The form page (browser)


@pytest.fixture
def functional_trial(functional_portal):
    add_dossier_people()
    make_user("tester_t", "Tester T", groups=[TESTERS_GROUP])
    procedure(BIRTH).online_stage = stages.TRIAL
    transaction.commit()
    return functional_portal


def open_form(portal, userid):
    browser = browser_for(portal.aq_parent, userid)
    browser.open(portal.unrestrictedTraverse("/".join(FORM_PATH)).absolute_url())
    return browser, page(browser)


def test_form_page_in_trial_tells_a_citizen_instead_of_fields(functional_trial):
    _browser, doc = open_form(functional_trial, "citizen_a")
    (notice,) = doc.cssselect("#dvc-stage-notice")
    assert text(notice.cssselect("h2")[0]) == "Dịch vụ đang chạy thử"
    assert "chưa nhận hồ sơ của công dân" in text(notice)
    assert notice.cssselect("a")[0].get("href") == procedure(BIRTH).absolute_url()
    assert not doc.cssselect("#form-widgets-child_name")
    assert not doc.cssselect("#dvc-trial-banner")


@pytest.mark.parametrize("userid", ["tester_t", "official_x"])
def test_form_page_in_trial_shows_testers_the_banner_and_fields(functional_trial, userid):
    _browser, doc = open_form(functional_trial, userid)
    (banner,) = doc.cssselect("#dvc-trial-banner")
    assert text(banner).startswith("Chạy thử")
    assert doc.cssselect("#form-widgets-child_name")
    assert not doc.cssselect("#dvc-stage-notice")


def test_form_page_in_draft_is_closed_to_testers_too(functional_trial):
    procedure(BIRTH).online_stage = stages.DRAFT
    transaction.commit()
    _browser, doc = open_form(functional_trial, "tester_t")
    (notice,) = doc.cssselect("#dvc-stage-notice")
    assert text(notice.cssselect("h2")[0]) == "Sắp mở nộp hồ sơ trực tuyến"
    assert not doc.cssselect("#form-widgets-child_name")


def test_official_form_page_has_neither(functional_trial):
    procedure(BIRTH).online_stage = stages.OFFICIAL
    transaction.commit()
    _browser, doc = open_form(functional_trial, "citizen_a")
    assert doc.cssselect("#form-widgets-child_name")
    assert not doc.cssselect("#dvc-stage-notice, #dvc-trial-banner")


# @@service-stage and @@trial-note


def test_switch_to_official_asks_first_when_nobody_played_the_citizen(in_trial, as_user):
    as_user(TEST_USER_NAME)  # a Manager
    assert not offered_online(in_trial)
    body, response = switch(in_trial, stage="official")
    assert response.getStatus() == 400
    doc = parse(body)
    (error,) = doc.cssselect("#dvc-stage-confirm-error")
    assert text(error).startswith("Chưa ai chạy thử dịch vụ này trong vai công dân.")
    assert in_trial.online_stage == stages.TRIAL

    body, response = switch(in_trial, stage="official", confirm_empty=["selected"])
    assert response.getStatus() == 303
    assert in_trial.online_stage == stages.OFFICIAL
    assert offered_online(in_trial)  # again in the search's filter
    last = stages.history(in_trial)[-1]
    assert (last["from"], last["to"], last["who"]) == ("trial", "official", "test_user_1_")


def test_checklist_lists_the_tester_her_dossier_and_note(in_trial, tester, as_user):
    tried = submit_birth("tester_t")
    as_user("tester_t")
    body, response = call(
        in_trial,
        "trial-note",
        method="POST",
        code=tried.code,
        **fields("save", note="Đã điền đủ các ô; thông báo lỗi ngày sinh rõ ràng."),
    )
    assert response.getStatus() == 303
    assert response.getHeader("Location") == tried.absolute_url()

    as_user(TEST_USER_NAME)
    body, _response = call(in_trial, "service-stage")
    (row,) = parse(body).cssselect("#dvc-stage-checklist tbody tr")
    assert row.get("data-code") == tried.code
    assert row.get("data-userid") == "tester_t"
    cells = [text(cell) for cell in row.cssselect("td")]
    assert cells[0] == "Tester T"
    assert cells[2] == tried.code
    assert cells[3] == "Đã điền đủ các ô; thông báo lỗi ngày sinh rõ ràng."
    assert cells[1] == f"{tried.received_at:%d/%m/%Y %H:%M}"

    # With a checklist, the switch needs no confirmation; the dossier stays a trial one.
    _body, response = switch(in_trial, stage="official")
    assert response.getStatus() == 303
    assert in_trial.online_stage == stages.OFFICIAL
    assert tried.trial is True
    body, _response = call(in_trial, "service-stage")
    assert [
        r.get("data-code") for r in parse(body).cssselect("#dvc-stage-checklist tr[data-code]")
    ] == [tried.code]
    history = parse(body).cssselect("#dvc-stage-history tbody tr")
    assert [text(cell) for cell in history[0].cssselect("td")][2:] == [
        "Chạy thử: chỉ người chạy thử và cán bộ được nộp",
        "Chính thức: mở cho mọi người",
    ]


@pytest.mark.parametrize("userid", ["citizen_a", "official_x", "tester_t"])
def test_only_site_administrators_change_the_stage(in_trial, tester, as_user, userid):
    as_user(userid)
    with pytest.raises(Unauthorized):
        in_trial.restrictedTraverse("@@service-stage")


def test_trial_notes_only_on_ones_own_trial_dossiers(in_trial, tester, as_user):
    tried = submit_birth("official_x")
    as_user("citizen_a")
    with pytest.raises(Unauthorized):
        in_trial.restrictedTraverse("@@trial-note")
    as_user("tester_t")  # not her dossier
    with pytest.raises(NotFound):
        call(in_trial, "trial-note", code=tried.code)
