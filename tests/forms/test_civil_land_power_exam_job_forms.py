"""The service forms of #15, #16 and #21-#25 (death, marriage, land, electricity, exam,
unemployment) as a citizen sees them: the questions of each declaration under its
headings, in Vietnamese; a file asked for only where the procedure still needs a paper
(never the ID card); closed lists offered as choices; and the checks their field names
bring (docs/forms.md) refusing nonsense."""

from tests.forms.test_every_service_form import rest_body
from tests.forms.test_every_service_form import sample
from tests.helpers.pages import page
from tests.helpers.pages import text
from tests.helpers.users import browser_for
from tests.helpers.users import credentials
from tests.helpers.users import make_user
import pytest
import requests
import transaction


CITIZEN = "citizen_form_pages"

# form id: ({heading: [labels under it, in order]}, the file fields it asks for)
PAGES = {
    "dang-ky-khai-tu": (
        {
            "Người đã mất": ["Họ, chữ đệm và tên", "Ngày, tháng, năm sinh", "Ngày mất", "Nơi mất"],
            "Giấy tờ": ["Giấy báo tử"],
            "Nơi nhận hồ sơ": ["Ủy ban nhân dân phường, xã nhận hồ sơ"],
        },
        {"death_notice"},
    ),
    "dang-ky-ket-hon": (
        {
            "Bên nữ": ["Họ, chữ đệm và tên", "Ngày, tháng, năm sinh", "Kết hôn lần thứ mấy"],
            "Bên nam": ["Họ, chữ đệm và tên", "Ngày, tháng, năm sinh", "Kết hôn lần thứ mấy"],
        },
        set(),
    ),
    "dang-ky-bien-dong-dat-dai": (
        {
            "Địa chỉ thửa đất": ["Phường, xã", "Số nhà, đường phố, tổ, thôn"],
            "Giấy chứng nhận và thửa đất": [
                "Số phát hành Giấy chứng nhận",
                "Thửa đất số",
                "Tờ bản đồ số",
            ],
            "Nội dung biến động": ["Loại biến động", "Nội dung thay đổi"],
        },
        {"contract"},
    ),
    "cap-dien-moi-ha-ap": (
        {
            "Địa chỉ nơi cần cấp điện": ["Phường, xã", "Số nhà, đường phố, tổ, thôn"],
            "Nhu cầu dùng điện": ["Mục đích dùng điện", "Công suất dự kiến (kW)"],
        },
        {"premises_paper"},
    ),
    "thay-doi-chu-the-hop-dong-dien": (
        {
            "Hợp đồng mua bán điện hiện có": ["Mã khách hàng", "Người đang đứng tên hợp đồng"],
        },
        {"ownership_proof"},
    ),
    "dang-ky-du-thi-tot-nghiep-thpt": (
        {
            "Thí sinh": ["Họ, chữ đệm và tên", "Ngày, tháng, năm sinh", "Số định danh cá nhân"],
            "Nơi học và nơi đăng ký dự thi": ["Trường đang học hoặc đã học lớp 12"],
            "Môn thi": ["Hai môn tự chọn"],
        },
        {"language_certificate"},
    ),
    "huong-tro-cap-that-nghiep": (
        {
            "Công việc đã chấm dứt": [
                "Tên cơ quan, công ty đã làm việc",
                "Ngày chấm dứt hợp đồng lao động",
            ],
            "Nhận tiền trợ cấp": ["Số tài khoản ngân hàng", "Ngân hàng, chi nhánh"],
        },
        {"termination_paper"},
    ),
}


@pytest.fixture
def citizen(functional_app, functional_portal):
    make_user(CITIZEN, "Nguyễn Thị Hồng Nhung")
    transaction.commit()
    return browser_for(functional_app, CITIZEN)


def open_form(browser, portal, form_id):
    browser.open(portal["dich-vu-cong-truc-tuyen"][form_id].absolute_url())
    assert browser.headers["status"].startswith("200")
    return page(browser)


def labels_under(doc, heading):
    (fieldset,) = [
        f for f in doc.cssselect("form#form fieldset") if text(f.find("legend")) == heading
    ]
    return [text(label) for label in fieldset.cssselect(".field > label.form-label")]


@pytest.mark.parametrize("form_id", sorted(PAGES))
def test_the_form_asks_its_declarations_questions_under_their_headings(
    citizen, functional_portal, form_id
):
    headings, files = PAGES[form_id]
    doc = open_form(citizen, functional_portal, form_id)
    legends = [text(legend) for legend in doc.cssselect("form#form legend")]
    assert "Người nộp hồ sơ" in legends
    for heading, labels in headings.items():
        shown = labels_under(doc, heading)
        assert [label for label in shown if label in labels] == labels, shown
    uploads = {
        element.get("name").removeprefix("form.widgets.")
        for element in doc.cssselect("form#form input[type=file]")
    }
    # Only the papers the procedure still needs: never the ID card the State holds.
    assert uploads == files


def test_the_exam_subjects_are_ticked_from_the_electives(citizen, functional_portal):
    doc = open_form(citizen, functional_portal, "dang-ky-du-thi-tot-nghiep-thpt")
    boxes = doc.cssselect("input[type=checkbox][name='form.widgets.exam_subjects:list']")
    labels = [text(doc.cssselect(f"label[for='{box.get('id')}']")[0]) for box in boxes]
    assert len(labels) == 16
    assert {"Vật lí", "Lịch sử", "Tin học", "Tiếng Anh"} <= set(labels)
    # Toán and Ngữ văn are for everyone: not offered as a choice.
    assert not {"Toán", "Ngữ văn"} & set(labels)


@pytest.mark.parametrize(
    "form_id, name, options",
    [
        ("cap-dien-moi-ha-ap", "purpose", 4),
        ("cap-dien-moi-ha-ap", "phases", 3),
        ("thay-doi-chu-the-hop-dong-dien", "change_reason", 4),
        ("dang-ky-du-thi-tot-nghiep-thpt", "candidate_kind", 2),
    ],
)
def test_short_closed_lists_are_radio_buttons(citizen, functional_portal, form_id, name, options):
    doc = open_form(citizen, functional_portal, form_id)
    radios = doc.cssselect(f"input[type=radio][name='form.widgets.{name}']")
    assert len(radios) == options


# form id, nonsense answers, the field each is refused next to.
NONSENSE = [
    # Died before being born.
    ("dang-ky-khai-tu", {"deceased_death_date": "1939-01-01"}, "deceased_death_date"),
    # A number whose century digit says 2040 for someone born in 1940.
    ("dang-ky-khai-tu", {"deceased_id_number": "001240012345"}, "deceased_id_number"),
    # A husband of 18.
    (
        "dang-ky-ket-hon",
        {"husband_birth_date": "2008-01-01", "husband_id_number": "001208012345"},
        "husband_birth_date",
    ),
    # A girl's number, "Nam" chosen.
    ("dang-ky-du-thi-tot-nghiep-thpt", {"student_sex": "Nam"}, "student_id_number"),
    # Three electives.
    (
        "dang-ky-du-thi-tot-nghiep-thpt",
        {"exam_subjects": ["Vật lí", "Tin học", "Tiếng Anh"]},
        "exam_subjects",
    ),
    ("huong-tro-cap-that-nghiep", {"applicant_phone": "12345"}, "applicant_phone"),
]


@pytest.mark.parametrize(("form_id", "wrong", "field"), NONSENSE)
def test_nonsense_is_refused_next_to_its_field(citizen, functional_portal, form_id, wrong, field):
    data = sample(form_id)
    response = requests.post(
        f"{functional_portal.absolute_url()}/@dossiers",
        json=rest_body(form_id, {**data["answers"], **wrong}, data["files"]),
        auth=credentials(CITIZEN),
        headers={"Accept": "application/json"},
        timeout=60,
    )
    assert response.status_code == 400, response.text
    errors = response.json()["error"]["errors"]
    assert set(errors) == {field}, errors
