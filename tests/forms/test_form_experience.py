"""The form experience every service form gets (src/dichvucong/forms/form.py,
fields.py): Vietnamese messages next to their fields and in a summary that links to
them, files kept through an error and through "Change", visitors asked to log in
first, dates typed dd/mm/yyyy, the keyboards phones need, the primary button."""

from datetime import date
from datetime import timedelta
from dichvucong.base.dates import portal_now
from dichvucong.forms.fields import input_purpose
from dichvucong.forms.fields import not_in_the_future
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
        control = browser.getControl(name=f"form.widgets.{name}:list")
        control.displayValue = [label]
    if upload:
        file_control = browser.getControl(name="form.widgets.birth_certificate")
        file_control.add_file(io.BytesIO(PDF), "application/pdf", "giay-chung-sinh.pdf")


def send(browser):
    browser.getControl(name="form.buttons.submit").click()


def errors_of(browser):
    """{field name: message} shown next to the fields."""
    shown = {}
    for element in page(browser).cssselect(".invalid-feedback[id$='-error']"):
        name = element.get("id")[len("form-widgets-") : -len("-error")]
        shown[name] = text(element)
    return shown


def test_errors_are_vietnamese_next_to_their_fields_and_in_a_summary(citizen):
    fill(citizen, applicant_phone="gọi số bàn", child_name="")
    send(citizen)
    doc = page(citizen)
    assert "There were some errors" not in citizen.contents
    assert "Required input is missing" not in citizen.contents
    errors = errors_of(citizen)
    assert errors == {
        "applicant_phone": vi("Please enter a Vietnamese phone number such as 0912345678."),
        "child_name": "Xin điền mục bắt buộc này.",
    } or errors == {"child_name": "Xin điền mục bắt buộc này."}
    for name in errors:
        (field,) = doc.cssselect(f"#form-widgets-{name}")
        assert field.get("aria-invalid") == "true"
        assert f"form-widgets-{name}-error" in field.get("aria-describedby").split()
        assert "is-invalid" in field.get("class")
    (summary,) = doc.cssselect("#dvc-error-summary")
    assert summary.get("role") == "alert"
    assert text(summary.cssselect("h2")[0]) == vi("There is a problem")
    links = {a.get("href"): text(a) for a in summary.cssselect("a")}
    assert "#form-widgets-child_name" in links
    assert links["#form-widgets-child_name"].endswith("Xin điền mục bắt buộc này.")
