"""Drafts in a real browser (Debian's Chromium), every page through the axe gate: a
citizen saves half the birth registration form, logs out, logs in, finds the draft on
"Hồ sơ của tôi" with the service name and its expiry date, resumes it, finishes and
submits it (the draft is then gone); an expired draft disappears and she is told; a
login session that ends mid-form gives the answers back after logging in again.

Screenshots of the draft list and of the restored form: /tmp/shots-drafts/."""

from datetime import timedelta
from dichvucong.base.dates import portal_now
from dichvucong.dossier import audit
from dichvucong.dossier.storage import ensure_store
from dichvucong.forms import notice
from pathlib import Path
from plone import api
from tests.e2e.conftest import submit_login
from tests.helpers.users import make_user
from urllib.parse import parse_qs
from urllib.parse import urlparse
import pytest
import tempfile
import transaction


PASSWORD = "hanoi-demo"
CITIZEN = "congdan.nhap"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
FORM = "dich-vu-cong-truc-tuyen/dang-ky-khai-sinh"
SERVICE = "Đăng ký khai sinh trực tuyến"
SHOTS = Path(tempfile.gettempdir()) / "shots-drafts"


@pytest.fixture
def portal_url(functional):
    make_user(CITIZEN, "Nguyen Thi Hong Nhung", password=PASSWORD)
    transaction.commit()
    notice.PARKINGS.reset()
    return functional["portal"].absolute_url()


@pytest.fixture
def new_page(chromium):
    contexts = []

    def opener(width=1280):
        context = chromium.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
        contexts.append(context)
        page = context.new_page()
        page.js_errors = []
        page.on("pageerror", lambda error: page.js_errors.append(str(error)))
        page.on("dialog", lambda dialog: dialog.dismiss())
        return page

    yield opener
    for context in contexts:
        context.close()


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def log_in(page, portal_url):
    page.goto(f"{portal_url}/login")
    submit_login(page, CITIZEN, PASSWORD)


def settle(page):
    page.wait_for_load_state("networkidle")


def click(page, selector):
    page.locator(selector).click()
    settle(page)


def half_fill(page, certificate):
    page.fill("#form-widgets-child_name", "Nguyễn Minh An")
    page.fill("#form-widgets-child_birth_date", "01/1")  # still being typed
    page.get_by_label("Nam", exact=True).check()  # radio buttons
    page.set_input_files("#form-widgets-birth_certificate-input", str(certificate))


def finish(page):
    page.fill("#form-widgets-applicant_id_number", "001190012345")
    page.fill("#form-widgets-applicant_phone", "0912345678")
    page.select_option("#form-widgets-relationship", label="Mẹ")
    page.fill("#form-widgets-child_birth_date", "01/11/2025")
    page.fill("#form-widgets-child_birth_place", "Bệnh viện Phụ sản Hà Nội")
    page.fill("#form-widgets-mother_name", "Nguyễn Thị Hồng Nhung")
    page.select_option("#form-widgets-receiving_agency", label="Phường Hoàn Kiếm")


def message(page):
    return " ".join(page.locator(".portalMessage").all_inner_texts())


def expiry_in(days):
    return f"{portal_now().date() + timedelta(days=days):%d/%m/%Y}"


def save_draft(page, portal_url, certificate):
    page.goto(f"{portal_url}/{FORM}")
    settle(page)
    half_fill(page, certificate)
    click(page, "#form-buttons-save_draft")
    assert "Đã lưu bản nháp" in message(page)
    assert expiry_in(30) in message(page)
    return parse_qs(urlparse(page.url).query)["draft"][0]


def test_save_log_out_log_in_resume_and_submit(portal_url, new_page, tmp_path):
    certificate = tmp_path / "giay-chung-sinh.pdf"
    certificate.write_bytes(PDF)
    page = new_page()
    log_in(page, portal_url)
    save_draft(page, portal_url, certificate)
    # Still on the form, as it was left (the date half-typed, the file attached).
    assert page.locator("#form-widgets-child_birth_date").input_value() == "01/1"

    page.goto(f"{portal_url}/logout")
    settle(page)
    log_in(page, portal_url)
    page.goto(f"{portal_url}/@@my-dossiers")
    settle(page)
    draft = page.locator("#dvc-my-drafts .dvc-draft")
    assert draft.count() == 1
    assert draft.locator(".dvc-draft__title").inner_text() == SERVICE
    assert draft.locator(".dvc-draft__expires").inner_text() == expiry_in(30)
    shot(page, "01-my-dossiers-draft-list")

    draft.get_by_role("link", name="Tiếp tục điền").click()
    settle(page)
    assert page.locator("#form-widgets-child_name").input_value() == "Nguyễn Minh An"
    assert page.locator("#form-widgets-child_birth_date").input_value() == "01/1"
    assert page.get_by_label("Nam", exact=True).is_checked()
    assert page.locator("#form-widgets-birth_certificate-kept").inner_text() == (
        "Đã tải lên: giay-chung-sinh.pdf"
    )
    shot(page, "02-form-restored-from-draft")

    finish(page)
    click(page, "#form-buttons-submit")
    assert "@@check-answers" in page.url
    assert page.locator("#answer-birth_certificate .answer-value").inner_text() == (
        "giay-chung-sinh.pdf"
    )
    click(page, "#submit-dossier")
    assert page.url.endswith("/@@dossier-submitted")
    assert page.locator("#dossier-code").inner_text().strip()

    page.goto(f"{portal_url}/@@my-dossiers")
    settle(page)
    assert page.locator("#dvc-my-drafts").count() == 0
    assert page.locator("#dvc-my-dossiers-list .dvc-dossier").count() == 1
    assert page.js_errors == []


def test_an_expired_draft_disappears_and_the_citizen_is_told(portal_url, new_page, tmp_path):
    certificate = tmp_path / "giay-chung-sinh.pdf"
    certificate.write_bytes(PDF)
    page = new_page(width=360)
    log_in(page, portal_url)
    token = save_draft(page, portal_url, certificate)
    resume = page.url
    transaction.begin()
    ensure_store(api.portal.get()).drafts[token].expires = audit.now() - timedelta(minutes=1)
    transaction.commit()

    page.goto(f"{portal_url}/@@my-dossiers")
    settle(page)
    told = page.locator("#dvc-drafts-expired")
    assert told.inner_text() == f"Các bản nháp sau đã hết hạn và đã bị xóa: {SERVICE}."
    assert page.locator(".dvc-draft").count() == 0
    shot(page, "03-my-dossiers-expired-told")
    # Told once.
    page.reload()
    settle(page)
    assert page.locator("#dvc-my-drafts").count() == 0
    # Its old link says so on the form.
    page.goto(resume)
    settle(page)
    assert "Bản nháp đã hết hạn" in message(page)
    assert page.locator("#form-widgets-child_name").input_value() == ""
    assert page.js_errors == []


def test_session_ends_mid_form_and_the_answers_come_back(portal_url, new_page):
    page = new_page()
    log_in(page, portal_url)
    page.goto(f"{portal_url}/{FORM}")
    settle(page)
    page.fill("#form-widgets-child_name", "Nguyễn Minh An")
    page.fill("#form-widgets-child_birth_date", "01/11/2025")
    page.fill("#form-widgets-mother_name", "Nguyễn Thị Hồng Nhung")
    # The login session ends while she types: the browser loses its auth cookie.
    page.context.clear_cookies(name="__ac")
    click(page, "#form-buttons-submit")
    assert "/login" in urlparse(page.url).path
    assert "Nguy" not in page.url
    assert "Phiên đăng nhập của Ông/Bà đã hết" in message(page)
    shot(page, "04-session-ended-login")
    submit_login(page, CITIZEN, PASSWORD)
    # Back on the form, her answers there.
    assert urlparse(page.url).path.endswith(FORM)
    assert page.locator("#form-widgets-child_name").input_value() == "Nguyễn Minh An"
    assert page.locator("#form-widgets-mother_name").input_value() == "Nguyễn Thị Hồng Nhung"
    assert page.locator("#form-widgets-child_birth_date").input_value() == "01/11/2025"
    assert "đã được khôi phục" in message(page)
    shot(page, "05-form-restored-after-login")
    page.goto(f"{portal_url}/@@my-dossiers")
    settle(page)
    assert page.locator(".dvc-draft__title").inner_text() == SERVICE
    assert page.js_errors == []
