"""The whole life of an online dossier in a real browser (Debian's Chromium):

a citizen submits the birth-registration form on a phone (a mistyped answer first
brings the form back with its error, her file still attached), checks her answers,
gets the code and the receipt; an official of the ward she chose accepts, processes,
asks for a supplement; she sends it; the official decides and returns the result; she
follows every step, downloads the receipt and the result, and rates the service.

Runs on the functional test layer; set E2E_PORTAL_URL (e.g. http://127.0.0.1:8080/hanoi)
to walk a portal started with `make start` and its demo accounts instead.
"""

from tests.e2e.conftest import screenshot
from tests.e2e.conftest import submit_login
from tests.helpers.users import make_official
from tests.helpers.users import make_user
import os
import pytest
import re
import transaction


PASSWORD = "hanoi-demo"
CITIZEN = "congdan"
OFFICIAL = "canbo.hoankiem"
WARD = "HN-P-HOAN-KIEM"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def portal_url(functional):
    """The portal to walk, with a citizen and an official of the ward's agency."""
    if os.environ.get("E2E_PORTAL_URL"):
        return os.environ["E2E_PORTAL_URL"].rstrip("/")
    portal = functional["portal"]
    make_user(CITIZEN, "Nguyen Thi Hong Nhung", password=PASSWORD)
    make_official(OFFICIAL, "Le Minh Thu", WARD, password=PASSWORD)
    transaction.commit()
    return portal.absolute_url()


@pytest.fixture
def browser_as(chromium, tmp_path):
    contexts = []

    def open_as(userid, url, width=390):
        context = chromium.new_context(
            viewport={"width": width, "height": 844}, accept_downloads=True, locale="vi-VN"
        )
        contexts.append(context)
        page = context.new_page()
        page.js_errors = []
        page.on("pageerror", lambda error: page.js_errors.append(str(error)))
        page.goto(f"{url}/login")
        submit_login(page, userid, PASSWORD)
        return page

    yield open_as
    for context in contexts:
        context.close()


def status_code(page):
    return page.locator("#dvc-status-code").inner_text()


def transition(page, name, comment=""):
    form = page.locator(f"#dvc-transition-{name}")
    if comment:
        form.locator("textarea").fill(comment)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")


def download(page, locator, tmp_path):
    with page.expect_download() as info:
        locator.click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path.read_bytes()


def test_dossier_from_form_to_result(portal_url, browser_as, tmp_path):
    certificate = tmp_path / "giay-chung-sinh.pdf"
    certificate.write_bytes(PDF)

    # The citizen finds the service and opens its form from the procedure page.
    citizen = browser_as(CITIZEN, portal_url)
    citizen.goto(f"{portal_url}/thu-tuc-hanh-chinh/dang-ky-khai-sinh")
    citizen.get_by_role("link", name=re.compile("Nộp hồ sơ trực tuyến")).first.click()
    citizen.wait_for_load_state("networkidle")
    # Her name and email come from her account: not asked again.
    assert citizen.locator("#form-widgets-applicant_name").input_value()
    # No stray English: the honeypot's default fieldset has no visible "Default"
    # heading, and lists start with a Vietnamese prompt.
    assert citizen.locator("#fieldsetlegend-default").is_hidden()
    assert citizen.locator("#form-widgets-relationship option").first.inner_text() == (
        "Chọn một mục..."
    )
    citizen.fill("#form-widgets-applicant_id_number", "001190012345")
    # She types words where the phone number goes: the form will come back.
    citizen.fill("#form-widgets-applicant_phone", "gọi số bàn")
    citizen.select_option("#form-widgets-relationship", label="Mẹ")
    citizen.fill("#form-widgets-child_name", "Nguyễn Minh An")
    citizen.fill("#form-widgets-child_birth_date", "01/11/2026")
    citizen.get_by_role("radio", name="Nam", exact=True).check()
    citizen.fill("#form-widgets-child_birth_place", "Bệnh viện Phụ sản Hà Nội")
    citizen.fill("#form-widgets-mother_name", "Nguyễn Thị Hồng Nhung")
    citizen.select_option("#form-widgets-receiving_agency", label="Phường Hoàn Kiếm")
    citizen.set_input_files("#form-widgets-birth_certificate-input", str(certificate))
    citizen.locator("#form-buttons-submit").click()
    citizen.wait_for_load_state("networkidle")
    # The error state: the message names the field, her other answers stay.
    assert "@@check-answers" not in citizen.url
    assert citizen.get_by_role("alert").filter(has_text="Số điện thoại").count() == 1
    assert citizen.locator("#form-widgets-child_name").input_value() == "Nguyễn Minh An"
    screenshot(citizen, "dossier-01-form-error-360")
    # Her file is kept: she does not upload it again.
    assert citizen.locator("#form-widgets-birth_certificate-kept").inner_text() == (
        "Đã tải lên: giay-chung-sinh.pdf"
    )
    citizen.fill("#form-widgets-applicant_phone", "0912345678")
    screenshot(citizen, "dossier-01-form-360")
    citizen.locator("#form-buttons-submit").click()
    citizen.wait_for_load_state("networkidle")

    # Check your answers: every answer, each with a change link.
    assert "@@check-answers" in citizen.url
    assert citizen.locator("#answer-child_name .answer-value").inner_text() == "Nguyễn Minh An"
    assert citizen.locator("#answer-child_birth_date .answer-value").inner_text() == "01/11/2026"
    assert citizen.locator(".answer-change").count() >= 10
    screenshot(citizen, "dossier-02-check-answers-360")
    # Change one answer: the form comes back filled in.
    citizen.locator("#answer-child_name .answer-change").click()
    citizen.wait_for_load_state("networkidle")
    assert citizen.locator("#form-widgets-child_name").input_value() == "Nguyễn Minh An"
    # The file comes back attached too.
    assert citizen.locator("#form-widgets-birth_certificate-kept").inner_text() == (
        "Đã tải lên: giay-chung-sinh.pdf"
    )
    citizen.fill("#form-widgets-child_name", "Nguyễn Minh Anh")
    citizen.locator("#form-buttons-submit").click()
    citizen.wait_for_load_state("networkidle")
    assert citizen.locator("#answer-child_name .answer-value").inner_text() == "Nguyễn Minh Anh"
    citizen.locator("#submit-dossier").click()
    citizen.wait_for_load_state("networkidle")

    # Confirmation: code, due date, receipt.
    code = citizen.locator("#dossier-code").inner_text().strip()
    assert re.fullmatch(rf"{WARD}-\d{{6}}-\d{{4}}", code)
    assert citizen.locator("#dossier-due").inner_text().strip()
    screenshot(citizen, "dossier-03-submitted-360")
    receipt = download(citizen, citizen.locator("#download-receipt"), tmp_path)
    assert receipt.startswith(b"%PDF")
    dossier_url = citizen.url.rsplit("/@@", 1)[0]

    # The ward's official finds it in the worklist and works on it.
    official = browser_as(OFFICIAL, portal_url, width=1280)
    official.goto(f"{portal_url}/ho-so/@@worklist")
    official.wait_for_load_state("networkidle")
    assert code in official.content()
    screenshot(official, "dossier-04-worklist-1280")
    official.get_by_role("link", name=code).first.click()
    official.wait_for_load_state("networkidle")
    assert status_code(official).strip().endswith("1")
    transition(official, "accept")
    transition(official, "start_processing")
    transition(official, "request_supplement", "Xin bổ sung bản chụp rõ nét giấy chứng sinh.")
    assert status_code(official).strip().endswith("5")

    # The citizen sees the request in "My dossiers" and sends the supplement.
    citizen.goto(f"{portal_url}/@@my-dossiers")
    assert code in citizen.content()
    citizen.goto(dossier_url)
    assert "Xin bổ sung" in citizen.content()
    citizen.set_input_files("#dvc-supplement-files", str(certificate))
    citizen.fill("#dvc-supplement-message", "Tôi gửi lại bản chụp rõ hơn.")
    citizen.locator("#dvc-supplement-form button[type=submit]").click()
    citizen.wait_for_load_state("networkidle")
    # The citizen reads the status in words; the national code is for officials.
    assert citizen.locator("#dvc-status-title").inner_text().strip() == "Đang xử lý"
    assert citizen.locator("#dvc-status-code").count() == 0

    # The official decides, attaches the result and returns it.
    official.reload()
    transition(official, "decide")
    result = tmp_path / "trich-luc-khai-sinh.pdf"
    result.write_bytes(PDF.replace(b"1 0 obj", b"2 0 obj"))
    official.set_input_files("#dvc-result-file", str(result))
    official.locator("#dvc-result-form button[type=submit]").click()
    official.wait_for_load_state("networkidle")
    transition(official, "return_result")
    assert status_code(official).strip().endswith("10")
    screenshot(official, "dossier-05-official-returned-1280")

    # The citizen sees every step in the history and downloads the result.
    citizen.goto(dossier_url)
    history = citizen.locator("#dvc-history").inner_text()
    for step in ("accept", "request_supplement", "supplement", "decide", "return_result"):
        assert citizen.locator(f"#dvc-history [data-action='{step}']").count() >= 1, step
    assert history
    screenshot(citizen, "dossier-06-citizen-returned-360")
    result_link = citizen.locator("#dvc-files a[href*='@@dossier-file/']").last
    assert download(citizen, result_link, tmp_path).startswith(b"%PDF")

    # And rates the service from the dossier page.
    citizen.locator("#dvc-rate-link").click()
    citizen.wait_for_load_state("networkidle")
    for criterion in ("overall", "timeliness", "convenience", "attitude"):
        citizen.locator(f"input[name='form.widgets.{criterion}'][value='5']").check()
    citizen.locator("form button[type=submit]").last.click()
    citizen.wait_for_load_state("networkidle")
    citizen.goto(dossier_url)
    assert citizen.locator("#dvc-rate-link").count() == 0
    assert citizen.locator("#dvc-history [data-action='rated']").count() == 1
    assert citizen.js_errors == []
    assert official.js_errors == []
