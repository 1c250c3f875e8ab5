"""The Ministry of Public Security's service forms #1-#7 (ID card, residence,
motorbikes) as a citizen sees them: what each asks, where the citizen picks the police
that receives the dossier (residence and motorbikes) and where the route is fixed (ID
card), papers asked only where the procedure still needs one (never the ID card), and
the checks their field names bring (docs/forms.md) refusing nonsense."""

from tests.helpers.pages import page
from tests.helpers.pages import text
from tests.helpers.users import browser_for
from tests.helpers.users import credentials
from tests.helpers.users import make_user
import base64
import json
import pathlib
import pytest
import requests
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


SAMPLES = pathlib.Path(__file__).parent / "samples"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"

# form id, procedure, nonsense answers: each refused next to its own field.
NONSENSE = [
    ("xac-nhan-so-chung-minh-nhan-dan", "HN-DVCTY-01", {"applicant_old_id_number": "12345678"}),
    # A guest born in 1985 whose number says the 2000s.
    ("thong-bao-luu-tru", "HN-DVCTY-06", {"guest_id_number": "001285012345"}),
    ("dang-ky-thuong-tru", "1.004222", {"household_head_id_number": "999088012345"}),
    (
        "dang-ky-xe-mo-to",
        "HN-DVCTY-07",
        {"vehicle_plate": "29-B1-ABC", "vehicle_frame_number": "RLHJF81OONY123456"},
    ),
]


@pytest.mark.parametrize(("form_id", "procedure", "wrong"), NONSENSE, ids=[n[0] for n in NONSENSE])
def test_nonsense_is_refused_next_to_its_field(
    citizen, functional_portal, form_id, procedure, wrong
):
    sample = json.loads((SAMPLES / f"{form_id}.json").read_text("utf-8"))
    response = requests.post(
        f"{functional_portal.absolute_url()}/@dossiers",
        json={
            "procedure": procedure,
            "answers": {**sample["answers"], **wrong},
            "files": [
                {"field": field, "filename": name, "data": base64.b64encode(PDF).decode()}
                for field, name in sample["files"].items()
            ],
        },
        auth=credentials(CITIZEN),
        headers={"Accept": "application/json"},
        timeout=60,
    )
    assert response.status_code == 400, response.text
    errors = response.json()["error"]["errors"]
    assert set(errors) == set(wrong), errors
