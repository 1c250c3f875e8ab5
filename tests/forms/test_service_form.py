"""The birth-registration service form: create-dossier action, check your answers,
confirmation; the dossier records the form version it was submitted with; visitors are
asked to log in first."""

from collective.easyform.api import get_actions
from collective.easyform.api import get_schema
from datetime import date
from dichvucong.dossier.schemas import fields_of
from dichvucong.dossier.storage import get_store
from dichvucong.dossier.submission import submit
from dichvucong.forms.action import ICreateDossier
from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.protect import createToken
from tests.helpers.pages import page
from zope.component import getMultiAdapter
import pytest
import re


PDF = b"%PDF-1.4\n% test\n"


def test_city_profile_ships_the_birth_form_linked_to_its_procedure(form, birth):
    assert birth.online_form.to_object.getPhysicalPath() == form.getPhysicalPath()
    assert birth.has_online_form()
    actions = get_actions(form)
    assert [n for n in actions if ICreateDossier.providedBy(actions[n])] == ["tao_ho_so"]
    assert api.content.get_state(form) == "published"


def answers(**extra):
    values = {
        "applicant_name": "Nguyen Thi Hong Nhung",
        "applicant_id_number": "001190012345",
        "applicant_phone": "0912345678",
        "relationship": "Mẹ",
        "child_name": "Nguyen Minh An",
        "child_birth_date": date(2026, 11, 1),
        "child_sex": "Nam",
        "child_birth_place": "Benh vien Phu san Ha Noi",
        "mother_name": "Nguyen Thi Hong Nhung",
        "receiving_agency": "HN-P-HOAN-KIEM",
        "birth_certificate": NamedBlobFile(PDF, filename="giay-chung-sinh.pdf"),
    }
    values.update(extra)
    return values


def run_action(form, request, values):
    action = get_actions(form)["tao_ho_so"]
    return action.onSuccess(values, request)


def form_label(form, name):
    return get_schema(form)[name].title


def count_dossiers():
    return len(api.content.find(portal_type="Dossier", unrestricted=True))


def test_action_keeps_a_draft_and_check_page_creates_one_dossier(portal, form, as_user):
    request = portal.REQUEST
    as_user("citizen_a")
    before = count_dossiers()
    assert run_action(form, request, answers()) is None
    location = request.response.getHeader("location")
    assert "@@check-answers?draft=" in location
    token = location.split("draft=")[1]
    # Nothing is kept on the form and no dossier exists yet.
    assert not getattr(form, "_inputStorage", None)
    assert count_dossiers() == before

    request.form.update({"draft": token})
    view = getMultiAdapter((form, request), name="check-answers")
    html = view()
    rows = {row["name"]: row for row in view.rows()}
    assert rows["child_birth_date"]["value"] == "01/11/2026"
    assert rows["birth_certificate"]["value"] == "giay-chung-sinh.pdf"
    assert rows["child_name"]["change_url"].endswith("#formfield-form-widgets-child_name")
    assert "submit-dossier" in html

    # Confirm (POST with the CSRF token).
    request.method = "POST"
    request.form.update({"form.submitted": "1", "_authenticator": createToken()})
    view = getMultiAdapter((form, request), name="check-answers")
    view()
    assert count_dossiers() == before + 1
    dossier = api.content.find(portal_type="Dossier", dossier_applicant="citizen_a")[0].getObject()
    assert request.response.getHeader("location") == (
        dossier.absolute_url() + "/@@dossier-submitted"
    )
    assert dossier.agency_code == "HN-P-HOAN-KIEM"
    assert dossier.answers["child_name"] == "Nguyen Minh An"
    assert [a.filename for a in dossier.files_of("submitted")] == ["giay-chung-sinh.pdf"]
    assert dossier.schema_version
    # The draft is gone: confirming twice cannot create a second dossier.
    view = getMultiAdapter((form, request), name="check-answers")
    view()
    assert count_dossiers() == before + 1


def test_dossier_keeps_the_schema_it_was_submitted_with(portal, form, birth, as_user):
    as_user("citizen_a")
    old = submit(birth, answers(birth_certificate=None), form=form)
    # An editor renames a field's label afterwards.
    form.fields_model = form.fields_model.replace("Nơi sinh", "Nơi sinh (địa chỉ)")
    new = submit(birth, answers(birth_certificate=None), form=form)
    store = get_store()
    old_titles = {name: f.title for name, f in fields_of(store, old.schema_version)}
    new_titles = {name: f.title for name, f in fields_of(store, new.schema_version)}
    assert old.schema_version != new.schema_version
    assert old_titles["child_birth_place"] == "Nơi sinh"
    assert new_titles["child_birth_place"] == "Nơi sinh (địa chỉ)"


@pytest.mark.parametrize(
    "field,value",
    [
        ("child_name", "<script>alert(1)</script>"),
        ("applicant_id_number", "12345"),
        ("applicant_phone", "call me"),
    ],
)
def test_bad_answers_give_field_errors_and_no_draft(portal, form, as_user, field, value):
    as_user("citizen_a")
    request = portal.REQUEST
    errors = run_action(form, request, answers(**{field: value}))
    # On the field only: the service form shows it next to the field (fieldsets
    # included) and in the summary with the field's label (test_form_experience.py).
    assert set(errors) == {field}
    assert errors[field]
    assert request.response.getHeader("location") is None


@pytest.mark.parametrize(
    "filename,data",
    [
        ("virus.exe", b"MZ\x90\x00"),
        ("fake.pdf", b"MZ\x90\x00 not a pdf"),
        ("../../etc/passwd.pdf", PDF),
        ("C:\\Users\\me\\giay.pdf", PDF),
    ],
)
def test_bad_files_are_refused(portal, form, as_user, filename, data):
    as_user("citizen_a")
    errors = run_action(
        form, portal.REQUEST, answers(birth_certificate=NamedBlobFile(data, filename=filename))
    )
    assert set(errors) == {"birth_certificate"}


def test_too_large_file_is_refused(portal, form, as_user):
    api.portal.set_registry_record("dichvucong.dossier.max_upload_mb", 1)
    as_user("citizen_a")
    big = NamedBlobFile(PDF + b"0" * (2 * 1024 * 1024), filename="big.pdf")
    errors = run_action(form, portal.REQUEST, answers(birth_certificate=big))
    assert set(errors) == {"birth_certificate"}
    assert "1 MB" in errors["birth_certificate"]


def test_anonymous_cannot_submit(portal, form, as_user):
    as_user(None)
    errors = run_action(form, portal.REQUEST, answers())
    assert list(errors) == ["FORM_ERROR_MARKER"]


def test_choices_start_empty_so_nobody_sends_a_preselected_ward(portal, form, as_user):
    as_user("citizen_a")
    html = form.restrictedTraverse("@@view")()
    for name in ("relationship", "receiving_agency"):
        select = html.split(f'id="form-widgets-{name}"', 1)[1].split("</select>", 1)[0]
        assert 'value="--NOVALUE--"' in select, name
    # Two options are radio buttons, none of them checked.
    radios = re.findall(r'<input[^>]*name="form.widgets.child_sex"[^>]*>', html)
    assert len(radios) == 2
    assert not [tag for tag in radios if "checked" in tag]


def test_file_input_carries_its_label(portal, form, as_user):
    """The field's <label for> names the widget's wrapper, not the file input in it: the
    input is named by its own aria-label (screen readers, WCAG 1.3.1 / 4.1.2)."""
    as_user("citizen_a")
    html = form.restrictedTraverse("@@view")()
    (tag,) = re.findall(r'<input[^>]*id="form-widgets-birth_certificate-input"[^>]*>', html)
    assert 'type="file"' in tag
    assert f'aria-label="{form_label(form, "birth_certificate")}"' in tag
    assert form_label(form, "birth_certificate") == "Giấy chứng sinh"


def test_service_form_asks_visitors_to_log_in_first(functional_portal, browser):
    """The notice (forms/notice.py) shows on easyform's page, which renders no
    content-body viewlets: it sits above the content."""
    form = functional_portal["dich-vu-cong-truc-tuyen"]["dang-ky-khai-sinh"]
    browser.open(form.absolute_url())
    (notice,) = page(browser).cssselect(".dossier-login-notice")
    assert "/login?came_from=" in notice.cssselect("a")[0].get("href")


def test_no_default_heading_over_a_section_that_shows_nothing(portal, form, as_user):
    """Every question of the city's forms is in a named section; the first, unnamed
    one holds only the hidden spam trap: it gets no "Default" heading."""
    as_user("citizen_a")
    html = form.restrictedTraverse("@@view")()
    legends = re.findall(r"<legend[^>]*>(.*?)</legend>", html, re.S)
    assert legends[0] == "Người nộp hồ sơ"
    assert "Default" not in legends
