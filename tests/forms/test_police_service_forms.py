"""The Ministry of Public Security's service forms #1-#7 (ID card, residence,
motorbikes) as a citizen sees them: what each asks, where the citizen picks the police
that receives the dossier (residence and motorbikes) and where the route is fixed (ID
card), and papers asked only where the procedure still needs one (never the ID card)."""

from tests.helpers.pages import page
from tests.helpers.pages import text
from tests.helpers.users import browser_for
from tests.helpers.users import make_user
import pytest
import transaction


CITIZEN = "citizen_police_forms"

# form id: (labels the citizen reads, file fields, picks the receiving police)
FORMS = {
    "xac-nhan-so-chung-minh-nhan-dan": (
        ["Số Chứng minh nhân dân 9 số đã được cấp", "Nhận kết quả"],
        [],
        False,
    ),
    "cap-lai-doi-the-can-cuoc": (
        ["Vì sao Ông/Bà cần đổi hoặc cấp lại thẻ?", "Ông/Bà muốn nhận thẻ ở đâu?"],
        [],
        False,
    ),
    "dang-ky-thuong-tru": (
        ["Nơi đăng ký thường trú", "Quan hệ của Ông/Bà với chủ hộ"],
        ["residence_proof"],
        True,
    ),
    "dang-ky-tam-tru": (
        ["Nơi đăng ký tạm trú", "Ông/Bà tạm trú đến ngày nào?"],
        ["residence_proof"],
        True,
    ),
    "khai-bao-tam-vang": (
        ["Ông/Bà thuộc trường hợp nào?", "Nơi Ông/Bà đến"],
        ["permission_document"],
        True,
    ),
    "thong-bao-luu-tru": (
        ["Nơi lưu trú", "Người đến lưu trú", "Lưu trú từ ngày"],
        [],
        True,
    ),
    "dang-ky-xe-mo-to": (
        ["Số khung", "Số máy", "Màu sơn", "Hóa đơn mua xe"],
        ["vehicle_invoice", "vehicle_origin_document"],
        True,
    ),
}


@pytest.fixture
def citizen(functional_app, functional_portal):
    make_user(CITIZEN, "Nguyễn Thị Lan")
    transaction.commit()
    return browser_for(functional_app, CITIZEN)


@pytest.mark.parametrize("form_id", FORMS)
def test_the_form_asks_its_questions_and_only_the_papers_it_needs(
    citizen, functional_portal, form_id
):
    labels, files, picks_police = FORMS[form_id]
    citizen.open(functional_portal["dich-vu-cong-truc-tuyen"][form_id].absolute_url())
    assert citizen.headers["status"].startswith("200")
    shown = text(page(citizen).cssselect("#content")[0])
    for label in ["Người nộp hồ sơ", "Số định danh cá nhân của người nộp hồ sơ", *labels]:
        assert label in shown, label
    uploads = [
        element.get("name").removeprefix("form.widgets.")
        for element in page(citizen).cssselect("input[type=file]")
    ]
    assert sorted(uploads) == sorted(files)
    if picks_police:
        police = citizen.getControl(name="form.widgets.receiving_agency:list")
        assert "Công an phường Hoàn Kiếm" in police.displayOptions
        assert "Phường Hoàn Kiếm" not in police.displayOptions
    else:
        assert not page(citizen).cssselect("[name^='form.widgets.receiving_agency']")
