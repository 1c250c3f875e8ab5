"""What officials read on the dossier page: the history shows the steps, staff views are
kept in the audit and folded apart; why "Return the result" is not offered yet."""

from datetime import timedelta
from dichvucong.dossier import audit
from dichvucong.dossier.files import check_upload
from dichvucong.dossier.submission import attach
from tests.dossier.views import call
from tests.dossier.views import walk
from tests.helpers.pages import parse
from tests.helpers.pages import text
from tests.helpers.pages import vi


PDF = b"%PDF-1.4\n% result\n%%EOF\n"


def open_page(dossier, as_user, userid):
    as_user(userid)
    return parse(call(dossier, "dossier_view")[0])


def history_actions(document):
    return [li.get("data-action") for li in document.cssselect("#dvc-history-steps > li")]


def views_in_audit(dossier):
    return [(e["actor"], e["public"]) for e in dossier.audit if e["action"] == "viewed"]


# --- Views by staff ----------------------------------------------------------------


def test_reloads_add_no_view_and_the_history_shows_the_steps(portal, submit, as_user):
    dossier = submit()
    for _ in range(5):
        document = open_page(dossier, as_user, "official_x")
    # One reading in the audit (internal), not five.
    assert views_in_audit(dossier) == [("official_x", False)]
    # The history people read: the steps only.
    assert history_actions(document) == ["submitted"]
    folded = document.get_element_by_id("dvc-staff-views")
    assert folded.tag == "details" and folded.get("open") is None
    summary = text(folded.cssselect("summary")[0])
    assert summary == vi("Views by staff (${count})", count=1) == "Lượt xem của cán bộ (1)"
    (line,) = folded.cssselect("#dvc-staff-views-list li")
    assert "Official X" in text(line)
    assert line.cssselect("time[datetime]")


def test_steps_between_views_stay_visible(portal, submit, as_user):
    """An official at work: each action brings the page back; the history shows the
    actions, the views stay folded."""
    dossier = submit()
    open_page(dossier, as_user, "official_x")
    for transition in ("accept", "start_processing"):
        walk(dossier, as_user, transition)
        document = open_page(dossier, as_user, "official_x")
    assert history_actions(document) == ["submitted", "accept", "start_processing"]
    assert len(views_in_audit(dossier)) == 1


def test_a_new_view_after_the_window_and_per_person(portal, submit, as_user):
    dossier = submit()
    open_page(dossier, as_user, "official_x")
    # Someone else within the window: recorded (the audit says who looked).
    open_page(dossier, as_user, "leader")
    assert views_in_audit(dossier) == [("official_x", False), ("leader", False)]
    # The same official after the window: a new line.
    for entry in dossier.audit:
        entry["when"] -= audit.VIEW_WINDOW + timedelta(minutes=1)
    document = open_page(dossier, as_user, "official_x")
    assert [actor for actor, _ in views_in_audit(dossier)] == ["official_x", "leader", "official_x"]
    assert len(document.cssselect("#dvc-staff-views-list li")) == 3
    assert text(document.cssselect("#dvc-staff-views summary")[0]) == "Lượt xem của cán bộ (3)"
    assert history_actions(document) == ["submitted"]


def test_record_view_within_the_window(portal, submit):
    dossier = submit()
    now = audit.now()
    assert audit.record_view(dossier, actor="official_x", when=now)["action"] == "viewed"
    later = now + audit.VIEW_WINDOW - timedelta(seconds=1)
    assert audit.record_view(dossier, actor="official_x", when=later) is None
    after = now + audit.VIEW_WINDOW
    assert audit.record_view(dossier, actor="official_x", when=after) is not None
    assert [e["action"] for e in audit.steps(dossier, include_internal=True)] == ["submitted"]
    assert len(audit.views(dossier)) == 2


def test_the_citizen_never_sees_staff_views(portal, submit, as_user):
    dossier = submit()
    open_page(dossier, as_user, "official_x")
    document = open_page(dossier, as_user, "citizen_a")
    assert not document.cssselect("#dvc-staff-views")
    assert history_actions(document) == ["submitted"]
    assert "Official X" not in text(document.get_element_by_id("dvc-history"))
    # Her own readings are not recorded.
    assert views_in_audit(dossier) == [("official_x", False)]


# --- Why "Return the result" is not offered yet ---------------------------------------


def return_forms(document):
    return document.cssselect("form.dvc-transition[data-transition=return_result]")


def test_hint_before_a_result_is_attached(portal, submit, as_user):
    dossier = submit()
    walk(dossier, as_user, "accept", "start_processing")
    # Not where the result cannot be returned yet.
    assert not open_page(dossier, as_user, "official_x").cssselect("#dvc-return-hint")
    walk(dossier, as_user, "decide")
    document = open_page(dossier, as_user, "official_x")
    hint = document.get_element_by_id("dvc-return-hint")
    expected = vi("Attach the result document before returning the result")
    assert text(hint) == expected == "Đính kèm văn bản kết quả trước khi trả kết quả"
    (link,) = hint.cssselect("a")
    assert link.get("href") == "#dvc-result-upload"
    assert document.get_element_by_id("dvc-result-upload").cssselect("#dvc-result-form")
    assert not return_forms(document)
    # Neither the citizen nor the leader (who return nothing) get the hint.
    for userid in ("citizen_a", "leader"):
        assert not open_page(dossier, as_user, userid).cssselect("#dvc-return-pending")


def test_no_hint_once_the_result_is_attached(portal, submit, as_user):
    dossier = submit()
    walk(dossier, as_user, "accept", "start_processing", "decide")
    attach(dossier, "result", check_upload("ket-qua.pdf", PDF), actor="official_x")
    document = open_page(dossier, as_user, "official_x")
    assert not document.cssselect("#dvc-return-pending, #dvc-return-hint")
    assert return_forms(document)
