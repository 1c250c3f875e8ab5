"""The form experience of service forms in a real browser (Debian's Chromium), on a
phone and on a desktop, in an English (en-US) browser: Vietnamese messages next to
the fields and a summary whose links move the focus to them; the file stays through
the error and through "Sửa" (the dossier is sent without uploading it again); no
"leave this page?" prompt for merely tabbing through the form, one after typing; a
date typed 01/11/2026 is 1 November 2026; visitors are asked to log in first."""

from tests.e2e.conftest import screenshot
from tests.e2e.conftest import submit_login
from tests.helpers.users import make_user
import pytest
import re
import transaction


PASSWORD = "hanoi-demo"
CITIZEN = "congdan.form"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
FORM = "dich-vu-cong-truc-tuyen/dang-ky-khai-sinh"


@pytest.fixture
def portal_url(functional):
    make_user(CITIZEN, "Nguyen Thi Hong Nhung", password=PASSWORD)
    transaction.commit()
    return functional["portal"].absolute_url()


@pytest.fixture
def context_at(chromium):
    contexts = []

    def open_context(width):
        context = chromium.new_context(viewport={"width": width, "height": 900}, locale="en-US")
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


def new_page(context):
    page = context.new_page()
    page.js_errors = []
    page.dialogs = []
    page.on("pageerror", lambda error: page.js_errors.append(str(error)))

    def on_dialog(dialog):
        page.dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return page


def log_in(page, portal_url):
    page.goto(f"{portal_url}/login")
    submit_login(page, CITIZEN, PASSWORD)


def fill_form(page, certificate):
    page.fill("#form-widgets-applicant_id_number", "001190012345")
    page.fill("#form-widgets-applicant_phone", "gọi số bàn")  # the mistake
    page.select_option("#form-widgets-relationship", label="Mẹ")
    page.fill("#form-widgets-child_name", "Nguyễn Minh An")
    page.fill("#form-widgets-child_birth_date", "01/11/2026")
    page.get_by_role("radio", name="Nam", exact=True).check()
    page.fill("#form-widgets-child_birth_place", "Bệnh viện Phụ sản Hà Nội")
    page.fill("#form-widgets-mother_name", "Nguyễn Thị Hồng Nhung")
    page.select_option("#form-widgets-receiving_agency", label="Phường Hoàn Kiếm")
    page.set_input_files("#form-widgets-birth_certificate-input", str(certificate))


def submit(page):
    page.locator("#form-buttons-submit").click()
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("width", [360, 1280])
def test_visitors_are_asked_to_log_in_first(portal_url, context_at, width):
    page = new_page(context_at(width))
    page.goto(f"{portal_url}/{FORM}")
    page.wait_for_load_state("networkidle")
    assert page.locator("#form-widgets-child_name").count() == 0
    button = page.locator("#dossier-login-notice a.btn-primary")
    assert button.inner_text().strip() == "Đăng nhập"
    screenshot(page, f"form-00-login-first-{width}")
    button.click()
    page.wait_for_load_state("networkidle")
    assert "/login" in page.url
    submit_login(page, CITIZEN, PASSWORD)
    # Back on the form, logged in.
    assert page.url.rstrip("/").endswith(FORM)
    assert page.locator("#form-widgets-child_name").count() == 1
    assert page.js_errors == []


@pytest.mark.parametrize("width", [360, 1280])
def test_leave_prompt_only_after_a_change(portal_url, context_at, width):
    page = new_page(context_at(width))
    log_in(page, portal_url)
    page.goto(f"{portal_url}/{FORM}")
    page.wait_for_load_state("networkidle")
    # Tab through the whole form, then leave: no dialog.
    page.locator("#form-widgets-applicant_name").focus()
    for _ in range(16):
        page.keyboard.press("Tab")
    screenshot(page, f"form-04-tabbed-{width}")
    # Merely passing through a field shows no message either.
    assert page.locator("#content .invalid-feedback, #content .warning").count() == 0
    page.locator("#portal-logo").first.click()
    page.wait_for_load_state("networkidle")
    assert page.dialogs == []
    assert FORM not in page.url
    # Type something, then leave: the browser asks (dismissed: she stays).
    page.goto(f"{portal_url}/{FORM}")
    page.wait_for_load_state("networkidle")
    page.locator("#form-widgets-child_name").press_sequentially("Nguyễn")
    with page.expect_event("dialog") as asked:
        page.locator("#portal-logo").first.click()
    assert asked.value.type == "beforeunload"
    assert page.dialogs == ["beforeunload"]
    assert page.url.rstrip("/").endswith(FORM)
    assert page.js_errors == []


@pytest.mark.parametrize("width", [360, 1280])
def test_errors_files_and_dates_through_to_the_dossier(portal_url, context_at, width, tmp_path):
    certificate = tmp_path / "giay-chung-sinh.pdf"
    certificate.write_bytes(PDF)
    page = new_page(context_at(width))
    log_in(page, portal_url)
    page.goto(f"{portal_url}/{FORM}")
    page.wait_for_load_state("networkidle")
    submit_button = page.locator("#form-buttons-submit")
    assert "btn-primary" in submit_button.get_attribute("class")
    fill_form(page, certificate)
    submit(page)

    # The error, in Vietnamese, next to the field and in the summary.
    assert "@@check-answers" not in page.url
    summary = page.locator("#dvc-error-summary")
    assert summary.get_by_role("heading").inner_text() == "Có lỗi cần sửa"
    message = page.locator("#form-widgets-applicant_phone-error")
    assert message.is_visible()
    assert "0912345678" in message.inner_text()
    assert "Please" not in page.locator("#content").inner_text()
    phone = page.locator("#form-widgets-applicant_phone")
    assert phone.get_attribute("aria-invalid") == "true"
    # The file she chose is kept: named, offered to keep.
    assert page.locator("#form-widgets-birth_certificate-kept").inner_text() == (
        "Đã tải lên: giay-chung-sinh.pdf"
    )
    assert page.locator("#form-widgets-birth_certificate-keep").is_checked()
    screenshot(page, f"form-01-error-{width}")
    summary.get_by_role("link", name=re.compile("Số điện thoại")).click()
    assert page.evaluate("document.activeElement.id") == "form-widgets-applicant_phone"
    phone.fill("0912345678")
    submit(page)

    # Check your answers: the date as typed, the file without a second upload.
    assert "@@check-answers" in page.url
    assert page.locator("#answer-child_birth_date .answer-value").inner_text() == "01/11/2026"
    assert page.locator("#answer-birth_certificate .answer-value").inner_text() == (
        "giay-chung-sinh.pdf"
    )
    screenshot(page, f"form-02-check-answers-{width}")
    # "Sửa": the form comes back with the file still attached.
    page.locator("#answer-child_name .answer-change").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#form-widgets-child_birth_date").input_value() == "01/11/2026"
    assert page.locator("#form-widgets-birth_certificate-kept").inner_text() == (
        "Đã tải lên: giay-chung-sinh.pdf"
    )
    screenshot(page, f"form-03-change-{width}")
    page.fill("#form-widgets-child_name", "Nguyễn Minh Anh")
    submit(page)
    assert page.locator("#answer-child_name .answer-value").inner_text() == "Nguyễn Minh Anh"
    page.locator("#submit-dossier").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#dossier-code").inner_text().strip()
    assert page.dialogs == []
    assert page.js_errors == []
