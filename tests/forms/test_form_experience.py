"""The form experience every service form gets (src/dichvucong/forms/form.py,
fields.py): Vietnamese messages next to their fields and in a summary that links to
them, files kept through an error and through "Change", visitors asked to log in
first, dates typed dd/mm/yyyy, the keyboards phones need, the primary button."""

from datetime import date
from datetime import timedelta
from dichvucong.base.dates import portal_now
from dichvucong.forms import drafts
from dichvucong.forms.fields import input_purpose
from dichvucong.forms.fields import not_in_the_future
from plone.namedfile.file import NamedBlobFile
from tests.helpers.pages import field_errors
from tests.helpers.pages import page
from tests.helpers.pages import text
from tests.helpers.pages import vi
from tests.helpers.users import browser_for
from tests.helpers.users import make_user
from urllib.parse import parse_qs
from urllib.parse import urlparse
import io
import pytest
import transaction


PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
CITIZEN = "citizen_form"


@pytest.fixture
def form_url(functional_portal):
    make_user(CITIZEN, "Nguyen Thi Hong Nhung")
    transaction.commit()
    return functional_portal["dich-vu-cong-truc-tuyen"]["dang-ky-khai-sinh"].absolute_url()


@pytest.fixture
def citizen(functional_app, form_url):
    browser = browser_for(functional_app, CITIZEN)
    browser.open(form_url)
    return browser


GOOD = {
    "applicant_id_number": "001190012345",
    "applicant_phone": "0912345678",
    "child_name": "Nguyễn Minh An",
    "child_birth_date": "01/11/2026",
    "child_birth_place": "Bệnh viện Phụ sản Hà Nội",
    "mother_name": "Nguyễn Thị Hồng Nhung",
}
CHOICES = {"relationship": "Mẹ", "child_sex": "Nam", "receiving_agency": "Phường Hoàn Kiếm"}


def fill(browser, upload=True, **answers):
    values = {**GOOD, **answers}
    for name, value in values.items():
        browser.getControl(name=f"form.widgets.{name}").value = value
    for name, label in CHOICES.items():
        try:
            control = browser.getControl(name=f"form.widgets.{name}:list")  # a list
        except LookupError:
            control = browser.getControl(name=f"form.widgets.{name}")  # radio buttons
        control.displayValue = [label]
    if upload:
        file_control = browser.getControl(name="form.widgets.birth_certificate")
        file_control.add_file(io.BytesIO(PDF), "application/pdf", "giay-chung-sinh.pdf")


def send(browser):
    browser.getControl(name="form.buttons.submit").click()


def test_required_answers_missing_are_vietnamese_next_to_fields_and_in_the_summary(citizen):
    fill(citizen, child_name="", mother_name="")
    send(citizen)
    assert citizen.headers["status"].startswith("400")
    assert "There were some errors" not in citizen.contents
    assert "Required input is missing" not in citizen.contents
    required = "Xin điền mục bắt buộc này."
    assert field_errors(citizen) == {"child_name": required, "mother_name": required}
    doc = page(citizen)
    for name in ("child_name", "mother_name"):
        (field,) = doc.cssselect(f"#form-widgets-{name}")
        assert field.get("aria-invalid") == "true"
        assert f"form-widgets-{name}-error" in field.get("aria-describedby").split()
        assert "is-invalid" in field.get("class")
    (summary,) = doc.cssselect("#dvc-error-summary")
    assert summary.get("role") == "alert"
    assert text(summary.cssselect("h2")[0]) == "Có lỗi cần sửa"
    links = [(a.get("href"), text(a)) for a in summary.cssselect("a")]
    assert links == [
        ("#form-widgets-child_name", f"Họ, chữ đệm và tên: {required}"),
        ("#form-widgets-mother_name", f"Họ, chữ đệm và tên người mẹ: {required}"),
    ]
    # One summary, no run-on paragraph of every message.
    assert not doc.cssselect(".portalMessage.statusmessage-error")


def test_the_actions_checks_show_on_their_fields(citizen):
    """The create-dossier action's own checks (phone, ID number) land next to their
    fields, inside their fieldset, in Vietnamese."""
    fill(citizen, applicant_phone="gọi số bàn", applicant_id_number="12345")
    send(citizen)
    errors = field_errors(citizen)
    assert set(errors) == {"applicant_phone", "applicant_id_number"}
    assert errors["applicant_phone"] == vi(
        "Please enter a Vietnamese phone number such as 0912345678."
    )
    assert errors["applicant_phone"] != "Please enter a Vietnamese phone number such as 0912345678."
    (field,) = page(citizen).cssselect("#form-widgets-applicant_phone")
    assert field.get("aria-invalid") == "true"
    hrefs = [a.get("href") for a in page(citizen).cssselect("#dvc-error-summary a")]
    assert hrefs == ["#form-widgets-applicant_id_number", "#form-widgets-applicant_phone"]


def kept(browser):
    """The file the form offers to keep: (token, file name shown), or None."""
    doc = page(browser)
    tokens = doc.cssselect("input[name='form.widgets.birth_certificate.kept']")
    if not tokens:
        return None
    return tokens[0].get("value"), text(doc.cssselect("#form-widgets-birth_certificate-kept")[0])


def test_an_uploaded_file_survives_an_error_elsewhere(citizen, form_url):
    fill(citizen, applicant_phone="gọi số bàn")
    send(citizen)
    token, shown = kept(citizen)
    assert token
    assert shown == "Đã tải lên: giay-chung-sinh.pdf"
    assert "Giữ tệp này" in citizen.contents and "Thay tệp khác" in citizen.contents
    assert "File already uploaded" not in citizen.contents
    assert "Keep existing file" not in citizen.contents
    # The token, never the file, is in the page; the keep choice is checked.
    assert citizen.getControl(name="form.widgets.birth_certificate.action").value == ["keep"]
    citizen.getControl(name="form.widgets.applicant_phone").value = "0912345678"
    send(citizen)
    assert "@@check-answers?draft=" in citizen.url
    assert "giay-chung-sinh.pdf" in text(page(citizen).cssselect("#answer-birth_certificate")[0])


def test_a_refused_file_is_not_offered_again(citizen):
    fill(citizen, upload=False)
    citizen.getControl(name="form.widgets.birth_certificate").add_file(
        io.BytesIO(b"MZ\x90\x00"), "application/pdf", "virus.exe"
    )
    send(citizen)
    assert kept(citizen) is None
    assert "birth_certificate" in field_errors(citizen)
    assert "virus.exe" not in citizen.contents


def test_a_kept_file_is_only_its_owners_on_its_form(form, portal, as_user):
    """The token in the page reaches the file only for the citizen who uploaded it,
    on the form it was uploaded to."""
    as_user("citizen_a")
    token = drafts.keep_file(form, "birth_certificate", NamedBlobFile(PDF, filename="a.pdf"))
    assert drafts.kept_file(form, token, "birth_certificate").filename == "a.pdf"
    assert drafts.kept_file(form, token, "child_name") is None
    assert drafts.kept_file(portal, token, "birth_certificate") is None
    as_user("citizen_b")
    assert drafts.kept_file(form, token, "birth_certificate") is None


def test_change_from_check_answers_keeps_the_file(citizen):
    fill(citizen)
    send(citizen)
    assert "@@check-answers?draft=" in citizen.url
    change = page(citizen).cssselect("#answer-child_name .answer-change")[0].get("href")
    citizen.open(change)
    assert citizen.getControl(name="form.widgets.child_name").value == "Nguyễn Minh An"
    _token, shown = kept(citizen)
    assert shown == "Đã tải lên: giay-chung-sinh.pdf"
    citizen.getControl(name="form.widgets.child_name").value = "Nguyễn Minh Anh"
    send(citizen)
    assert "@@check-answers?draft=" in citizen.url
    doc = page(citizen)
    assert text(doc.cssselect("#answer-child_name .answer-value")[0]) == "Nguyễn Minh Anh"
    assert text(doc.cssselect("#answer-birth_certificate .answer-value")[0]) == (
        "giay-chung-sinh.pdf"
    )
    citizen.getControl(name="form.submitted").click()
    assert citizen.url.endswith("/@@dossier-submitted")


def test_visitors_are_asked_to_log_in_before_the_form(functional_app, form_url):
    visitor = browser_for(functional_app)
    visitor.open(form_url)
    doc = page(visitor)
    (notice,) = doc.cssselect("#dossier-login-notice")
    assert text(notice.cssselect("h2")[0]) == "Xin Ông/Bà đăng nhập trước"
    (button,) = notice.cssselect("a.btn-primary")
    assert text(button) == "Đăng nhập"
    href = urlparse(button.get("href"))
    assert href.path.endswith("/login")
    assert parse_qs(href.query)["came_from"] == [form_url]
    # No fields they could not send.
    assert not doc.cssselect("form#form")
    assert not doc.cssselect("input[name='form.widgets.child_name']")


@pytest.mark.parametrize(
    "typed,stored",
    [("01/11/2025", "01/11/2025"), ("1/2/2025", "01/02/2025"), ("2025-03-04", "04/03/2025")],
)
def test_dates_are_typed_day_month_year(citizen, typed, stored):
    (field,) = page(citizen).cssselect("#form-widgets-child_birth_date")
    assert field.get("type") == "text"
    assert field.get("inputmode") == "numeric"
    assert field.get("autocomplete") == "off"
    assert "form-widgets-child_birth_date-format" in field.get("aria-describedby")
    hint = text(page(citizen).cssselect("#form-widgets-child_birth_date-format")[0])
    assert hint == "Ngày/tháng/năm, ví dụ 01/11/2026"
    fill(citizen, child_birth_date=typed)
    send(citizen)
    assert "@@check-answers?draft=" in citizen.url
    assert text(page(citizen).cssselect("#answer-child_birth_date .answer-value")[0]) == stored


@pytest.mark.parametrize("typed", ["31/02/2025", "13/13/2025", "hôm qua", "01-11-2025"])
def test_a_date_that_is_no_date_is_refused_in_vietnamese(citizen, typed):
    fill(citizen, child_birth_date=typed)
    send(citizen)
    assert field_errors(citizen) == {
        "child_birth_date": "Ngày không hợp lệ: xin nhập ngày/tháng/năm, ví dụ 01/11/2026."
    }
    # What was typed stays, to be corrected.
    assert citizen.getControl(name="form.widgets.child_birth_date").value == typed


def test_a_birth_date_in_the_future_is_refused(citizen):
    tomorrow = portal_now().date() + timedelta(days=1)
    fill(citizen, child_birth_date=f"{tomorrow:%d/%m/%Y}")
    send(citizen)
    assert field_errors(citizen) == {
        "child_birth_date": "Ngày này ở tương lai: xin Ông/Bà kiểm tra lại ngày, tháng, năm."
    }


def test_the_not_in_the_future_check(integration):
    today = portal_now().date()
    assert not_in_the_future(today) is None
    assert not_in_the_future(None) is None
    assert not_in_the_future(today + timedelta(days=1))
    assert not_in_the_future(date(2030, 1, 1))


def test_phone_id_email_and_name_inputs_bring_up_the_right_keyboard(citizen):
    doc = page(citizen)

    def attributes(name):
        (field,) = doc.cssselect(f"#form-widgets-{name}")
        return field.get("inputmode"), field.get("autocomplete")

    assert attributes("applicant_phone") == ("tel", "tel")
    assert attributes("applicant_id_number") == ("numeric", "off")
    assert attributes("applicant_email") == ("email", "email")
    assert attributes("applicant_name") == (None, "name")
    # Somebody else's name is not the applicant's to autofill.
    assert attributes("child_name") == (None, "off")


@pytest.mark.parametrize(
    "name,expected",
    [
        ("applicant_phone", {"inputmode": "tel", "autocomplete": "tel"}),
        ("father_phone", {"inputmode": "tel", "autocomplete": "off"}),
        ("owner_id_number", {"inputmode": "numeric", "autocomplete": "off"}),
        ("applicant_email", {"inputmode": "email", "autocomplete": "email"}),
        ("applicant_name", {"autocomplete": "name"}),
        ("child_birth_place", {}),
    ],
)
def test_input_purpose_by_field_name(name, expected):
    assert input_purpose(name) == expected


def test_the_primary_action_looks_primary(citizen):
    (button,) = page(citizen).cssselect("#form-buttons-submit")
    assert "btn-primary" in button.get("class").split()
    assert "btn-secondary" not in button.get("class").split()
    assert text(button) == "Tiếp tục"


def test_no_unload_pattern_the_forms_script_asks_instead(citizen):
    """Plone's pat-formunloadalert asked on mere tabbing; form.js asks only after a
    change (tests/e2e/test_form_experience.py)."""
    (form,) = page(citizen).cssselect("form#form")
    assert "pat-formunloadalert" not in form.get("class")
    # Nor the browser's own messages (its language) on merely passing a field: the
    # server checks, in Vietnamese.
    assert "pat-validation" not in form.get("class")
    assert page(citizen).cssselect("script[src$='++plone++dichvucong-forms/form.js']")


def test_a_kept_files_token_is_no_draft_to_confirm(portal, form, as_user):
    """The token of a kept file opens no check-your-answers page (nothing to send)."""
    as_user("citizen_a")
    token = drafts.keep_file(form, "birth_certificate", NamedBlobFile(PDF, filename="a.pdf"))
    request = portal.REQUEST
    request.form.update({"draft": token})
    form.restrictedTraverse("@@check-answers")()
    assert request.response.getHeader("location") == form.absolute_url()
