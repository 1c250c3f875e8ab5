"""The dossier's pages: who sees what, CSRF-protected actions, files and slips.

Integration tests call the views as the users; functional tests go through the
publisher with a test browser (login, forms, tokens, status codes)."""

from AccessControl import Unauthorized
from datetime import date
from datetime import datetime
from datetime import timedelta
from dichvucong.dossier import audit
from dichvucong.dossier import schemas
from dichvucong.dossier.display import format_value
from dichvucong.dossier.storage import get_store
from dichvucong.dossier.views.downloads import content_disposition
from dichvucong.dossier.views.slip_data import applicable_slips
from dichvucong.dossier.views.slip_data import slip_data
from io import BytesIO
from plone import api
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import login
from plone.protect import createToken
from Products.CMFCore.WorkflowCore import WorkflowException
from tests.dossier.views import call
from tests.dossier.views import fields
from tests.dossier.views import walk
from tests.helpers.content import state_of
from tests.helpers.content import submit_birth
from tests.helpers.pages import page
from tests.helpers.pages import parse
from tests.helpers.users import browser_for
from urllib.parse import quote
from webtest.forms import Upload as Upload_
from zExceptions import Forbidden
from zExceptions import NotFound
from zoneinfo import ZoneInfo
from zope.schema import Choice
from zope.schema import List
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary
import pytest
import transaction


TZ = ZoneInfo("Asia/Ho_Chi_Minh")
PDF = b"%PDF-1.4\n% test document\n%%EOF\n"
SCRIPT = "<script>alert(1)</script>"
MODEL = """<model xmlns="http://namespaces.plone.org/supermodel/schema">
  <schema>
    <field name="child_name" type="zope.schema.TextLine">
      <title>Full name of the child</title>
    </field>
    <field name="birth_date" type="zope.schema.Date">
      <title>Date of birth</title>
    </field>
    <field name="sex" type="zope.schema.Choice">
      <title>Sex of the child</title>
      <values>
        <element key="m">Male</element>
        <element key="f">Female</element>
      </values>
    </field>
  </schema>
</model>
"""


class Upload:
    """What the publisher hands a view for a file field."""

    def __init__(self, filename, data):
        self.filename = filename
        self._data = BytesIO(data)

    def read(self, *args):
        return self._data.read(*args)

    def seek(self, *args):
        return self._data.seek(*args)


def assert_views_refused(dossier, *names):
    """The current user may open none of the views ``names`` of ``dossier``."""
    for name in names:
        with pytest.raises(Unauthorized):
            dossier.restrictedTraverse(f"@@{name}")


def confirm(dossier, transition, **widgets):
    """Confirm ``transition`` in the dossier's transition form (POST, with the token)."""
    return call(
        dossier,
        "dossier-transition",
        method="POST",
        transition=transition,
        **fields("confirm", **widgets),
    )


def alerts(doc):
    """The status messages shown at the top of the page."""
    return [e.text_content().strip() for e in doc.cssselect("#global_statusmessage [role=alert]")]


def actions(dossier):
    return [entry["action"] for entry in dossier.audit]


# --- Who sees what (integration) ---------------------------------------------------


def test_citizen_sees_her_dossier(portal, submit, as_user):
    dossier = submit()
    as_user("citizen_a")
    body, _response = call(dossier, "dossier_view")
    doc = parse(body)
    assert doc.get_element_by_id("dvc-dossier-code").text_content() == dossier.code
    assert doc.get_element_by_id("dvc-dossier").get("data-state") == "new"
    # The status in words: the national code is for staff (test_citizen_page.py).
    assert not doc.cssselect("#dvc-status-code")
    assert doc.get_element_by_id("dvc-status-title").get("data-state") == "new"
    assert doc.get_element_by_id("dvc-next-step") is not None
    # An online dossier: when the agency must acknowledge it (8 working hours).
    acknowledge_by = doc.get_element_by_id("dvc-acknowledge-by").text_content()
    assert acknowledge_by == f"{dossier.acknowledge_by:%d/%m/%Y %H:%M}"
    # No staff blocks: no ID number, phone, notes, assignee; no internal history.
    assert not doc.cssselect("#dvc-staff")
    assert "001200012345" not in doc.get_element_by_id("dvc-summary").text_content()
    assert not doc.cssselect("#dvc-due-flag")
    # Her own action: withdraw; no official's transitions.
    # (withdraw: a link to its confirmation page, test_citizen_page.py)
    assert [f.get("data-transition") for f in doc.cssselect(".dvc-transition")] == ["withdraw"]
    assert [li.get("data-slip") for li in doc.cssselect("#dvc-slips li")] == ["receipt"]
    assert "viewed" not in actions(dossier)


@pytest.mark.parametrize("userid", ["citizen_b", None, "official_y"])
def test_others_cannot_open_the_dossier(portal, submit, as_user, userid):
    dossier = submit()
    as_user(userid)
    assert_views_refused(
        dossier,
        "dossier_view",
        "dossier-transition",
        "dossier-file",
        "dossier-slip",
        "dossier-note",
    )


def test_official_sees_internals_and_is_recorded(portal, submit, as_user):
    dossier = submit()
    as_user("official_x")
    body, _ = call(dossier, "dossier_view")
    doc = parse(body)
    staff = doc.get_element_by_id("dvc-staff")
    assert doc.get_element_by_id("dvc-applicant-id-number").text_content() == "001200012345"
    assert doc.get_element_by_id("dvc-applicant-phone").text_content() == "0912345678"
    assert staff.cssselect("#dvc-notes #dvc-note-form")
    assert staff.cssselect(
        "#dvc-assignment select[name='form.widgets.assignee:list'] option[value=official_x]"
    )
    assert doc.get_element_by_id("dvc-due-flag").get("data-flag") in (
        "on_time",
        "due_soon",
        "overdue",
    )
    assert {f.get("data-transition") for f in doc.cssselect("form.dvc-transition")} == {
        "accept",
        "refuse",
    }
    # Comments required by refuse are marked required.
    refuse = doc.get_element_by_id("dvc-transition-refuse")
    assert refuse.cssselect("textarea[name='form.widgets.comment']")[0].get("required") == (
        "required"
    )
    # Every form carries the CSRF token.
    for form in doc.cssselect("form[method=post]"):
        assert form.cssselect("input[name=_authenticator]")[0].get("value")
    viewed = [entry for entry in dossier.audit if entry["action"] == "viewed"]
    assert len(viewed) == 1
    assert viewed[0]["public"] is False
    assert viewed[0]["actor"] == "official_x"


def test_leader_reads_without_buttons(portal, submit, as_user):
    dossier = submit()
    as_user("leader")
    body, _ = call(dossier, "dossier_view")
    doc = parse(body)
    assert doc.cssselect("#dvc-staff #dvc-applicant")
    assert not doc.cssselect("form.dvc-transition")
    assert not doc.cssselect("#dvc-note-form, #dvc-assign-form, #dvc-result-form")
    body, response = call(dossier, "dossier-transition", method="POST", transition="accept")
    assert response.getStatus() == 403
    assert api.content.get_state(dossier) == "new"
    assert_views_refused(dossier, "dossier-note")


def test_citizen_does_not_see_internal_history(portal, submit, as_user):
    dossier = submit()
    as_user("official_x")
    call(dossier, "dossier-note", method="POST", **fields("note", text="Call the hospital"))
    assert dossier.notes[-1]["text"] == "Call the hospital"
    as_user("citizen_a")
    body, _ = call(dossier, "dossier_view")
    doc = parse(body)
    assert "Call the hospital" not in body
    assert [li.get("data-action") for li in doc.cssselect("#dvc-history li")] == ["submitted"]


# --- Answers ---------------------------------------------------------------------


def test_answers_with_the_labels_of_their_form(portal, submit, as_user):
    dossier = submit(birth_date=date(2025, 1, 2), sex="f")
    dossier.schema_version = schemas.archive(get_store(), MODEL)
    as_user("citizen_a")
    doc = parse(call(dossier, "dossier_view")[0])
    label = doc.get_element_by_id("dvc-answer-label-child_name")
    assert label.text_content() == "Full name of the child"
    assert doc.get_element_by_id("dvc-answer-birth_date").text_content().strip() == "02/01/2025"
    assert doc.get_element_by_id("dvc-answer-sex").text_content().strip() == "Female"
    # Answers the form does not define keep their field name as label.
    assert doc.get_element_by_id("dvc-answer-label-applicant_phone").text_content() == (
        "applicant_phone"
    )


def test_answers_are_typed():
    colours = SimpleVocabulary([SimpleTerm("r", "r", "Red"), SimpleTerm("g", "g", "Green")])
    assert format_value(date(2025, 1, 2)) == ["02/01/2025"]
    assert format_value(datetime(2025, 1, 2, 1, 30, tzinfo=ZoneInfo("UTC"))) == ["02/01/2025 08:30"]
    assert format_value(1500000.0) == ["1.500.000"]
    assert format_value(["a", "b"]) == ["a", "b"]
    assert format_value("line 1\nline 2") == ["line 1", "line 2"]
    assert format_value(["g", "x"], List(value_type=Choice(vocabulary=colours))) == ["Green", "x"]
    assert format_value(None) == format_value("") == []
    assert [str(v) for v in format_value(True)] == ["Yes"]


def test_unknown_schema_falls_back_to_field_names(portal, submit, as_user):
    dossier = submit()
    dossier.schema_version = "0123456789abcdef"
    as_user("citizen_a")
    doc = parse(call(dossier, "dossier_view")[0])
    assert doc.get_element_by_id("dvc-answer-label-child_name").text_content() == "child_name"


def test_answers_are_escaped(portal, submit, as_user):
    dossier = submit()
    dossier.answers["child_name"] = SCRIPT
    as_user("official_x")
    body, _ = call(dossier, "dossier_view")
    assert SCRIPT not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert parse(body).get_element_by_id("dvc-answer-child_name").text_content().strip() == SCRIPT


# --- Transitions -------------------------------------------------------------------


def test_transition_needs_the_token(portal, submit, as_user):
    dossier = submit()
    as_user("official_x")
    with pytest.raises(Forbidden):
        call(dossier, "dossier-transition", method="POST", token=False, transition="accept")
    assert api.content.get_state(dossier) == "new"


def test_transition_get_only_asks(portal, submit, as_user):
    dossier = submit()
    as_user("official_x")
    body, response = call(dossier, "dossier-transition", transition="accept")
    assert response.getStatus() == 200
    assert parse(body).cssselect("form#dvc-transition-accept textarea[name='form.widgets.comment']")
    assert api.content.get_state(dossier) == "new"


def test_transition_by_official(portal, submit, as_user):
    dossier = submit()
    as_user("official_x")
    _body, response = confirm(dossier, "accept", comment="Complete")
    assert response.getStatus() == 303
    assert response.getHeader("Location") == dossier.absolute_url()
    assert api.content.get_state(dossier) == "accepted"
    assert dossier.audit[-1]["action"] == "accept"
    assert dossier.audit[-1]["comment"] == "Complete"


def test_citizen_cannot_do_an_official_transition(portal, submit, as_user):
    dossier = submit()
    as_user("citizen_a")
    body, response = call(dossier, "dossier-transition", method="POST", transition="accept")
    assert response.getStatus() == 403
    assert alerts(parse(body))
    assert api.content.get_state(dossier) == "new"
    assert actions(dossier) == ["submitted"]


def test_required_comment(portal, submit, as_user):
    dossier = submit()
    as_user("official_x")
    body, response = confirm(dossier, "refuse")
    assert response.getStatus() == 400
    doc = parse(body)
    assert doc.get_element_by_id("dvc-error") is not None
    assert "is-invalid" in doc.get_element_by_id("dvc-comment-refuse").get("class")
    assert api.content.get_state(dossier) == "new"
    # The workflow's own check stands behind the form's.
    with pytest.raises(WorkflowException):
        api.portal.get_tool("portal_workflow").doActionFor(dossier, "refuse")
    confirm(dossier, "refuse", comment="Wrong form")
    assert api.content.get_state(dossier) == "refused"
    assert applicable_slips(dossier) == ["receipt", "refusal"]


def test_citizen_withdraws(portal, submit, as_user):
    dossier = submit()
    as_user("citizen_a")
    # Withdrawing asks first: only its confirmation page withdraws (test_citizen_page.py).
    confirm(dossier, "withdraw", comment="Moved")
    assert api.content.get_state(dossier) == "new"
    call(dossier, "dossier-withdraw", method="POST", **fields("withdraw", comment="Moved"))
    assert api.content.get_state(dossier) == "withdrawn"


# --- Staff actions -------------------------------------------------------------------


def test_staff_actions_are_post_only_with_token(portal, submit, as_user):
    dossier = submit()
    as_user("official_x")
    _body, response = call(dossier, "dossier-note", text="Hello")
    assert response.getStatus() == 303
    assert list(dossier.notes) == []
    with pytest.raises(Forbidden):
        call(dossier, "dossier-note", method="POST", token=False, text="Hello")
    assert list(dossier.notes) == []
    as_user("citizen_a")
    assert_views_refused(
        dossier, "dossier-note", "dossier-assign", "dossier-result", "dossier-apology"
    )


def test_note(portal, submit, as_user):
    dossier = submit()
    as_user("official_x")
    _body, response = call(dossier, "dossier-note", method="POST", **fields("note", text="  "))
    assert response.getStatus() == 400
    assert list(dossier.notes) == []
    call(dossier, "dossier-note", method="POST", **fields("note", text="Call the hospital"))
    (note,) = dossier.notes
    assert note["actor"] == "official_x"
    assert note["text"] == "Call the hospital"
    assert isinstance(note["when"], datetime)
    entry = dossier.audit[-1]
    assert (entry["action"], entry["public"]) == ("note_added", False)
    doc = parse(call(dossier, "dossier_view")[0])
    assert "Call the hospital" in doc.get_element_by_id("dvc-notes-list").text_content()


def test_assign(portal, submit, as_user):
    dossier = submit()
    as_user("official_x")
    _body, response = call(
        dossier, "dossier-assign", method="POST", **fields("assign", assignee=["official_y"])
    )
    assert response.getStatus() == 400
    assert dossier.assignee is None
    call(dossier, "dossier-assign", method="POST", **fields("assign", assignee=["official_x"]))
    assert dossier.assignee == "official_x"
    entry = dossier.audit[-1]
    assert (entry["action"], entry["public"], entry["assignee"]) == (
        "assigned",
        False,
        "official_x",
    )
    (brain,) = api.content.find(dossier_assignee="official_x", portal_type="Dossier")
    assert brain.dossier_code == dossier.code


def test_result_upload(portal, submit, as_user):
    dossier = submit()
    walk(dossier, as_user, "accept", "start_processing", "decide")
    _body, response = call(
        dossier,
        "dossier-result",
        method="POST",
        **fields("result", file=Upload("result.exe", b"MZ\x90\x00")),
    )
    assert response.getStatus() == 400
    assert dossier.files_of("result") == []
    call(
        dossier,
        "dossier-result",
        method="POST",
        **fields("result", file=Upload("Giay khai sinh.pdf", PDF)),
    )
    (result,) = dossier.files_of("result")
    assert result.filename == "Giay khai sinh.pdf"
    entry = dossier.audit[-1]
    assert (entry["action"], entry["public"], entry["file"]) == (
        "result_uploaded",
        True,
        result.name,
    )
    assert "return_result" in [
        t["id"] for t in api.portal.get_tool("portal_workflow").getTransitionsFor(dossier)
    ]


def test_apology(portal, submit, as_user):
    dossier = submit()
    walk(dossier, as_user, "accept", "start_processing")
    previous = dossier.due_at
    today = audit.now().date()
    body, response = call(
        dossier,
        "dossier-apology",
        method="POST",
        **fields("apology", reason="Waiting", new_date=f"{today:%d/%m/%Y}"),
    )
    assert response.getStatus() == 400
    assert "is-invalid" in parse(body).get_element_by_id("dvc-apology-date").get("class")
    body, response = call(
        dossier,
        "dossier-apology",
        method="POST",
        **fields("apology", reason="", new_date="31/02/2030"),
    )
    assert response.getStatus() == 400
    assert dossier.due_at == previous
    assert "apology" not in applicable_slips(dossier)
    new_day = today + timedelta(days=10)
    call(
        dossier,
        "dossier-apology",
        method="POST",
        **fields("apology", reason="The land registry is late", new_date=f"{new_day:%d/%m/%Y}"),
    )
    assert dossier.due_at == datetime(new_day.year, new_day.month, new_day.day, 17, tzinfo=TZ)
    entry = dossier.audit[-1]
    assert entry["action"] == "apology"
    assert entry["public"] is True
    assert entry["comment"] == "The land registry is late"
    assert entry["new_due"] == dossier.due_at
    assert "apology" in applicable_slips(dossier)
    data = slip_data(dossier, "apology")
    assert data["reason"] == "The land registry is late"
    assert data["new_due_at"] == dossier.due_at
    assert data["due_at"] == previous
    assert data["official_name"] == "Official X"


# --- Supplement --------------------------------------------------------------------


@pytest.fixture
def waiting(submit, as_user):
    """A dossier whose agency asked for a supplement."""
    dossier = submit()
    walk(dossier, as_user, "accept", "start_processing")
    api.content.transition(dossier, transition="request_supplement", comment="Add the ID card")
    as_user("citizen_a")
    return dossier


@pytest.mark.parametrize(
    "bad",
    [
        Upload("tool.exe", b"MZ\x90\x00"),
        Upload("x.pdf", b"this is not a pdf"),
        Upload("../a.pdf", PDF),
    ],
)
def test_supplement_with_a_bad_file_changes_nothing(portal, waiting, bad):
    dossier = waiting
    count = len(dossier.audit)
    body, response = call(
        dossier,
        "dossier-supplement",
        method="POST",
        **fields("send", message="Here it is", files=[Upload("id-card.pdf", PDF), bad]),
    )
    assert response.getStatus() == 400
    doc = parse(body)
    assert doc.get_element_by_id("dvc-error") is not None
    # The message is kept for the next try.
    assert doc.get_element_by_id("dvc-supplement-message").text_content() == "Here it is"
    assert dossier.files_of("supplement") == []
    assert api.content.get_state(dossier) == "supplement_requested"
    assert len(dossier.audit) == count


def test_supplement(portal, waiting):
    dossier = waiting
    body, response = call(dossier, "dossier-supplement")
    doc = parse(body)
    assert doc.get_element_by_id("dvc-reason").text_content().count("Add the ID card") == 1
    assert doc.cssselect("form#dvc-supplement-form[enctype='multipart/form-data']")
    doc = parse(call(dossier, "dossier_view")[0])
    assert doc.cssselect("#dvc-supplement form#dvc-supplement-form")
    assert "supplement" not in [
        f.get("data-transition") for f in doc.cssselect("form.dvc-transition")
    ]
    body, response = call(
        dossier,
        "dossier-supplement",
        method="POST",
        **fields(
            "send",
            message="Here it is",
            files=[Upload("id-card.pdf", PDF), Upload("photo.png", b"\x89PNG\r\n\x1a\nxx")],
        ),
    )
    assert response.getStatus() == 303
    assert api.content.get_state(dossier) == "processing"
    assert sorted(a.filename for a in dossier.files_of("supplement")) == [
        "id-card.pdf",
        "photo.png",
    ]
    entry = dossier.audit[-1]
    assert (entry["action"], entry["comment"], entry["actor"]) == (
        "supplement",
        "Here it is",
        "citizen_a",
    )


def test_supplement_needs_something(portal, waiting):
    _body, response = call(
        waiting, "dossier-supplement", method="POST", **fields("send", message=" ")
    )
    assert response.getStatus() == 400
    assert api.content.get_state(waiting) == "supplement_requested"


def test_supplement_only_when_asked(portal, submit, as_user):
    dossier = submit()
    as_user("citizen_a")
    assert_views_refused(dossier, "dossier-supplement")
    assert "supplement" not in applicable_slips(dossier)


# --- Files and slips ----------------------------------------------------------------


def test_file_download(portal, submit, as_user):
    dossier = submit(uploads={"birth_paper": [("Giấy chứng sinh.pdf", PDF)]})
    (attachment,) = dossier.files_of("submitted")
    as_user("citizen_a")
    doc = parse(call(dossier, "dossier_view")[0])
    (link,) = doc.cssselect("#dvc-files-submitted a.dvc-file-link")
    assert link.get("href").endswith(f"/@@dossier-file/{attachment.name}")
    body, response = call(dossier, "dossier-file", traverse=attachment.name)
    data = body if isinstance(body, bytes) else b"".join(body)
    assert data == PDF
    assert response.getHeader("Content-Type") == "application/pdf"
    disposition = response.getHeader("Content-Disposition")
    assert disposition.startswith("attachment; ")
    assert f"filename*=UTF-8''{quote('Giấy chứng sinh.pdf')}" in disposition
    assert disposition.isascii()
    entry = dossier.audit[-1]
    assert (entry["action"], entry["public"], entry["file"], entry["actor"]) == (
        "downloaded",
        True,
        attachment.name,
        "citizen_a",
    )
    with pytest.raises(NotFound):
        call(dossier, "dossier-file", traverse="999-submitted")


def test_content_disposition():
    assert (
        content_disposition('a"b.pdf')
        == "attachment; filename=\"ab.pdf\"; filename*=UTF-8''a%22b.pdf"
    )
    assert content_disposition("Đơn.pdf").startswith('attachment; filename="Don.pdf"; ')


def test_slip_download(portal, submit, as_user):
    dossier = submit(uploads={"birth_paper": [("birth.pdf", PDF)]})
    as_user("citizen_a")
    body, response = call(dossier, "dossier-slip", traverse="receipt")
    assert body.startswith(b"%PDF")
    assert response.getHeader("Content-Type") == "application/pdf"
    entry = dossier.audit[-1]
    assert (entry["action"], entry["public"], entry["slip"]) == ("downloaded", True, "receipt")
    for kind in ("refusal", "supplement", "apology", "nonsense"):
        with pytest.raises(NotFound):
            call(dossier, "dossier-slip", traverse=kind)


def test_slip_data(portal, waiting):
    dossier = waiting
    data = slip_data(dossier, "receipt")
    assert data["dossier_code"] == dossier.code
    assert data["system_name"] == api.portal.get_registry_record("plone.site_title")
    assert data["applicant_id_number"] == "001200012345"
    assert data["lookup_url"] == f"{api.portal.get().absolute_url()}/tra-cuu-ho-so"
    assert data["channel_title"]
    assert data["official_name"] == "Official X"  # who accepted it
    data = slip_data(dossier, "supplement")
    assert data["reason"] == "Add the ID card"
    assert data["official_name"] == "Official X"
    assert applicable_slips(dossier) == ["receipt", "supplement"]


# --- Through the publisher (functional) -------------------------------------------------


@pytest.fixture
def site(functional_people):
    """Users and one dossier of citizen_a, committed for the test browser."""
    portal = functional_people
    dossier = submit_birth(
        applicant_id_number=None,
        applicant_phone=None,
        child_name=SCRIPT.replace("<", ""),
        uploads={"birth_paper": [("birth.pdf", PDF)]},
    )
    dossier.answers["child_name"] = SCRIPT
    transaction.commit()
    return portal, dossier


def add_files(form, *files):
    """Choose several files in the form's <input type="file" multiple>."""
    # zope.testbrowser's add_file sets one file; webtest takes a list for "multiple".
    form._form["form.widgets.files"] = [Upload_(name, data) for name, data in files]


def test_http_citizen_page(functional_app, site):
    _portal, dossier = site
    browser = browser_for(functional_app, "citizen_a")
    browser.open(dossier.absolute_url())
    assert browser.headers["status"].startswith("200")
    doc = page(browser)
    assert doc.get_element_by_id("dvc-dossier-code").text_content() == dossier.code
    assert not doc.cssselect("#dvc-staff")
    assert SCRIPT not in browser.contents
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in browser.contents
    # Personal data: not cached, not revalidated (each opening is recorded).
    assert browser.headers["Cache-Control"] == "private, no-store"
    assert "ETag" not in browser.headers


@pytest.mark.parametrize("userid", ["citizen_b", "official_y"])
def test_http_others_are_refused(functional_app, site, userid):
    _portal, dossier = site
    browser = browser_for(functional_app, userid)
    browser.open(dossier.absolute_url())
    assert dossier.code not in browser.contents
    # Logged-in users without the permission land on Plone's "insufficient privileges".
    assert "insufficient-privileges" in browser.url


def test_http_anonymous_goes_to_login(functional_app, site):
    _portal, dossier = site
    browser = browser_for(functional_app)
    browser.open(dossier.absolute_url())
    assert dossier.code not in browser.contents
    assert "login" in browser.url
    browser.open(f"{dossier.absolute_url()}/@@dossier-file/001-submitted")
    assert PDF not in browser._response.body
    assert "login" in browser.url


def test_http_official_sees_internals(functional_app, site):
    _portal, dossier = site
    browser = browser_for(functional_app, "official_x")
    browser.open(dossier.absolute_url())
    doc = page(browser)
    assert doc.get_element_by_id("dvc-applicant-id-number") is not None
    assert doc.cssselect("#dvc-staff #dvc-note-form")
    transaction.begin()
    assert [e["action"] for e in dossier.audit][-1] == "viewed"


def test_http_transition_form(functional_app, site):
    _portal, dossier = site
    browser = browser_for(functional_app, "official_x")
    browser.open(dossier.absolute_url())
    form = browser.getForm(id="dvc-transition-refuse")
    form.submit(name="form.buttons.confirm")
    # No reason: error shown, nothing changed.
    assert browser.headers["status"].startswith("400")
    assert page(browser).get_element_by_id("dvc-error") is not None
    assert state_of(dossier) == "new"
    browser.open(dossier.absolute_url())
    form = browser.getForm(id="dvc-transition-accept")
    form.getControl(name="form.widgets.comment").value = "All documents present"
    form.submit(name="form.buttons.confirm")
    assert browser.url == dossier.absolute_url()
    assert state_of(dossier) == "accepted"
    (accept,) = [e for e in dossier.audit if e["action"] == "accept"]
    assert (accept["actor"], accept["comment"]) == ("official_x", "All documents present")


def test_http_forged_post_is_forbidden(functional_app, site):
    _portal, dossier = site
    browser = browser_for(functional_app, "official_x")
    browser.post(f"{dossier.absolute_url()}/@@dossier-transition", "transition=accept")
    assert browser.headers["status"].startswith("403")
    assert state_of(dossier) == "new"
    browser.post(
        f"{dossier.absolute_url()}/@@dossier-transition",
        "transition=accept&_authenticator=forged",
    )
    assert browser.headers["status"].startswith("403")
    assert state_of(dossier) == "new"
    # A GET never changes anything.
    browser.open(f"{dossier.absolute_url()}/@@dossier-transition?transition=accept")
    assert browser.headers["status"].startswith("200")
    assert state_of(dossier) == "new"


def test_http_leader_and_citizen_cannot_post_official_transitions(functional_app, site):
    portal, dossier = site
    for userid in ("leader", "citizen_a"):
        browser = browser_for(functional_app, userid)
        browser.open(dossier.absolute_url())
        # (withdraw: a link to its confirmation page, test_citizen_page.py)
        transitions = [f.get("data-transition") for f in page(browser).cssselect(".dvc-transition")]
        assert transitions == ([] if userid == "leader" else ["withdraw"])
        # A valid token of that user: only the workflow says no.
        login(portal, userid)
        token = createToken()
        login(portal, TEST_USER_NAME)
        browser.post(
            f"{dossier.absolute_url()}/@@dossier-transition",
            f"transition=accept&_authenticator={token}",
        )
        assert browser.headers["status"].startswith("403"), userid
        assert alerts(page(browser)), userid
        assert state_of(dossier) == "new"


def test_http_supplement_with_bad_file(functional_app, site):
    portal, dossier = site
    login(portal, "official_x")
    for transition in ("accept", "start_processing"):
        api.content.transition(dossier, transition=transition)
    api.content.transition(dossier, transition="request_supplement", comment="Add the ID card")
    login(portal, TEST_USER_NAME)
    transaction.commit()
    browser = browser_for(functional_app, "citizen_a")
    browser.open(dossier.absolute_url())
    form = browser.getForm(id="dvc-supplement-form")
    add_files(form, ("id-card.pdf", PDF), ("tool.exe", b"MZ\x90\x00"))
    form.getControl(name="form.widgets.message").value = "My ID card"
    form.submit(name="form.buttons.send")
    assert browser.headers["status"].startswith("400")
    assert page(browser).get_element_by_id("dvc-error") is not None
    assert state_of(dossier) == "supplement_requested"
    assert dossier.files_of("supplement") == []
    form = browser.getForm(id="dvc-supplement-form")
    assert form.getControl(name="form.widgets.message").value == "My ID card"
    add_files(form, ("id-card.pdf", PDF), ("photo.jpg", b"\xff\xd8\xff\xe0photo"))
    form.submit(name="form.buttons.send")
    assert browser.url == dossier.absolute_url()
    assert state_of(dossier) == "processing"
    files = sorted(a.filename for a in dossier.files_of("supplement"))
    assert files == ["id-card.pdf", "photo.jpg"]
    (entry,) = [e for e in dossier.audit if e["action"] == "supplement"]
    assert entry["comment"] == "My ID card"


def test_http_downloads(functional_app, site):
    _portal, dossier = site
    browser = browser_for(functional_app, "citizen_a")
    browser.open(dossier.absolute_url())
    doc = page(browser)
    (link,) = doc.cssselect("#dvc-files-submitted a.dvc-file-link")
    browser.open(link.get("href"))
    assert browser.headers["status"].startswith("200")
    assert browser._response.body == PDF
    assert browser.headers["Content-Disposition"].startswith('attachment; filename="birth.pdf"')
    transaction.begin()
    assert dossier.audit[-1]["action"] == "downloaded"
    browser.open(doc.cssselect("#dvc-slips a.dvc-slip-link")[0].get("href"))
    assert browser.headers["status"].startswith("200")
    assert browser.headers["Content-Type"] == "application/pdf"
    assert browser._response.body.startswith(b"%PDF")
    transaction.begin()
    assert dossier.audit[-1].get("slip") == "receipt"
    browser.open(f"{dossier.absolute_url()}/@@dossier-file/nothing-here")
    assert browser.headers["status"].startswith("404")
    browser.open(f"{dossier.absolute_url()}/@@dossier-slip/refusal")
    assert browser.headers["status"].startswith("404")


def test_http_staff_forms(functional_app, site):
    _portal, dossier = site
    browser = browser_for(functional_app, "official_x")
    browser.open(dossier.absolute_url())
    form = browser.getForm(id="dvc-note-form")
    form.getControl(name="form.widgets.text").value = "Call the hospital"
    form.submit(name="form.buttons.note")
    assert browser.url.startswith(dossier.absolute_url())
    form = browser.getForm(id="dvc-assign-form")
    form.getControl(name="form.widgets.assignee:list").value = ["official_x"]
    form.submit(name="form.buttons.assign")
    form = browser.getForm(id="dvc-result-form")
    form.getControl(name="form.widgets.file").add_file(
        BytesIO(PDF), "application/pdf", "Kết quả.pdf"
    )
    form.submit(name="form.buttons.result")
    doc = page(browser)
    assert doc.get_element_by_id("dvc-assignee-name").text_content() == "Official X"
    assert "Call the hospital" in doc.get_element_by_id("dvc-notes-list").text_content()
    (link,) = doc.cssselect("#dvc-files-result a.dvc-file-link")
    assert link.text_content() == "Kết quả.pdf"
    transaction.begin()
    assert dossier.assignee == "official_x"
    assert [a.filename for a in dossier.files_of("result")] == ["Kết quả.pdf"]
    assert {"note_added", "assigned", "result_uploaded"} <= {e["action"] for e in dossier.audit}
