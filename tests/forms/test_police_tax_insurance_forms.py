"""What the forms of services #8-#13, #19 and #20 (traffic fines, passport, seals,
driving licence, criminal record, household health insurance, tax registration) ask
beyond the harness of test_every_service_form.py: the papers each still needs, the
questions that may stay empty, and what the citizen reads on the page."""

from collective.easyform.api import get_schema
from dichvucong.dossier.api.answers import form_fields
from tests.forms.test_every_service_form import CITIZEN
from tests.forms.test_every_service_form import dossier_at
from tests.forms.test_every_service_form import rest_body
from tests.forms.test_every_service_form import rest_post
from tests.forms.test_every_service_form import sample
from tests.forms.test_every_service_form import service_form
from tests.helpers.pages import page
from tests.helpers.pages import text
from tests.helpers.users import browser_for
from tests.helpers.users import make_user
import pytest
import transaction


# The papers these procedures still need; everything else the State holds.
PAPERS = {
    "nop-phat-vi-pham-giao-thong": set(),
    "cap-ho-chieu-pho-thong": {"portrait_photo"},
    "khac-con-dau-moi": {"establishment_document"},
    "khac-con-dau-thu-nho": set(),
    "cap-doi-giay-phep-lai-xe": {"health_certificate"},
    "cap-phieu-ly-lich-tu-phap": set(),
    "gia-han-bhyt-ho-gia-dinh": set(),
    "dang-ky-thue-ca-nhan": set(),
}


@pytest.fixture
def site(functional_portal):
    make_user(CITIZEN, "Nguyễn Thị Hồng Nhung")
    transaction.commit()
    return functional_portal


def errors(response):
    assert response.status_code == 400, response.text
    return response.json()["error"]["errors"]


@pytest.mark.parametrize("form_id", sorted(PAPERS))
def test_only_the_papers_the_procedure_still_needs_and_nothing_the_id_number_gives(site, form_id):
    answers, files = form_fields(service_form(site, form_id))
    assert set(files) == PAPERS[form_id]
    assert not {"applicant_birth_date", "applicant_sex"} & set(answers)
    assert not [name for name in answers if name.startswith("applicant_") and "ward" in name]


def test_a_class_a1_licence_is_exchanged_without_a_health_certificate(site):
    data = sample("cap-doi-giay-phep-lai-xe")
    answers = {**data["answers"], "licence_class": "A1"}
    response = rest_post(site, rest_body("cap-doi-giay-phep-lai-xe", answers, {}))
    assert response.status_code == 201, response.text
    assert dossier_at(site, response.headers["Location"]).agency_code == "HN-CAHN-PC08"


def test_the_licence_form_says_when_the_health_certificate_is_needed(site, functional_app):
    browser = browser_for(functional_app, CITIZEN)
    browser.open(service_form(site, "cap-doi-giay-phep-lai-xe").absolute_url())
    shown = page(browser)
    field = shown.cssselect("#formfield-form-widgets-health_certificate")[0]
    assert "Giấy khám sức khỏe của người lái xe" in text(field)
    assert "trừ hạng A1, A, B1" in text(field)
    assert not field.cssselect(".required")
    assert shown.cssselect("#formfield-form-widgets-licence_number .required")


def test_a_passport_needs_the_portrait_photo(site):
    data = sample("cap-ho-chieu-pho-thong")
    response = rest_post(site, rest_body("cap-ho-chieu-pho-thong", data["answers"], {}))
    assert set(errors(response)) == {"portrait_photo"}


def test_a_second_household_member_may_be_left_out_but_is_checked_when_given(site):
    data = sample("gia-han-bhyt-ho-gia-dinh")
    alone = {k: v for k, v in data["answers"].items() if not k.startswith("member2_")}
    response = rest_post(site, rest_body("gia-han-bhyt-ho-gia-dinh", alone, {}))
    assert response.status_code == 201, response.text
    assert dossier_at(site, response.headers["Location"]).agency_code == "HN-BHXH"

    # Born in 2012, but the century digit 1 says a woman born in the 1900s.
    wrong = {**data["answers"], "member2_id_number": "001112023456"}
    response = rest_post(site, rest_body("gia-han-bhyt-ho-gia-dinh", wrong, {}))
    assert set(errors(response)) == {"member2_id_number"}


def test_the_criminal_record_form_reads_as_its_declaration(site, functional_app):
    form = service_form(site, "cap-phieu-ly-lich-tu-phap")
    assert "Mẫu số 03/2013/TT-LLTP" in form.fields_model.split("<schema")[0]
    browser = browser_for(functional_app, CITIZEN)
    browser.open(form.absolute_url())
    shown = text(page(browser).cssselect("form#form")[0])
    for words in (
        "Loại Phiếu lý lịch tư pháp",
        "Phiếu số 1",
        "Phiếu số 2",
        "Mục đích sử dụng Phiếu",
        "Số lượng Phiếu",
        "Quá trình cư trú từ khi đủ 14 tuổi",
    ):
        assert words in shown
    assert get_schema(form)["copies"].default == 1
