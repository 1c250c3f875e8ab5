"""The citizen's dossier page in a real browser (Debian's Chromium), on a phone and a
desktop: the breadcrumb leads to "Hồ sơ của tôi", the status is in words (no national
code), and "Rút hồ sơ" asks first: going back changes nothing, confirming withdraws."""

from dichvucong.dossier.submission import submit
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import login
from plone.app.testing import logout
from tests.e2e.conftest import screenshot
from tests.e2e.conftest import submit_login
from tests.helpers.content import BIRTH
from tests.helpers.content import procedure
from tests.helpers.content import state_of
from tests.helpers.users import PASSWORD
from tests.helpers.users import make_user
import pytest
import transaction


CITIZEN = "congdan.rut"


@pytest.fixture
def dossier(functional):
    """A birth dossier the citizen sent through the real submission code, with the
    city's birth form (its labels) and the honeypot's empty answer as easyform hands
    it over."""
    portal = functional["portal"]
    make_user(CITIZEN, "Pham Thi Lan")
    login(portal, CITIZEN)
    dossier = submit(
        procedure(BIRTH),
        {
            "applicant_name": "Phạm Thị Lan",
            "applicant_id_number": "001190054321",
            "applicant_phone": "0987654321",
            "child_name": "Phạm Minh Khôi",
            "honeypot": "",
        },
        form=portal["dich-vu-cong-truc-tuyen"]["dang-ky-khai-sinh"],
    )
    logout()
    login(portal, TEST_USER_NAME)
    transaction.commit()
    return dossier


def log_in(open_page, portal_url, width):
    page = open_page(f"{portal_url}/login", width=width)
    submit_login(page, CITIZEN, PASSWORD)
    return page


def crumbs(page):
    return [
        " ".join(text.split()) for text in page.locator("#portal-breadcrumbs li").all_inner_texts()
    ]


@pytest.mark.parametrize("width", [360, 1280])
def test_citizen_withdraws_after_confirming(functional, open_page, dossier, width):
    portal_url = functional["portal"].absolute_url()
    page = log_in(open_page, portal_url, width)
    page.goto(dossier.absolute_url())
    page.wait_for_load_state("networkidle")

    # Where she is: through her own list, never the store's folders.
    assert page.locator("#portal-breadcrumbs").is_visible()
    assert crumbs(page) == ["Trang chủ", "Hồ sơ của tôi", dossier.code]
    my_dossiers = page.locator("#portal-breadcrumbs a", has_text="Hồ sơ của tôi")
    assert my_dossiers.get_attribute("href") == f"{portal_url}/@@my-dossiers"
    # The status in words; no national code; her answers only.
    assert page.locator("#dvc-status-title").inner_text().strip() == "Mới đăng ký"
    assert page.locator("#dvc-status-code").count() == 0
    assert "Mã trạng thái" not in page.locator("#dvc-dossier").inner_text()
    assert page.locator("#dvc-answers [data-field=honeypot]").count() == 0
    assert page.locator("#dvc-answer-label-child_name").inner_text() == "Họ, chữ đệm và tên"
    assert "Ông/Bà" in page.locator("#dvc-next-step").inner_text()
    screenshot(page, f"citizen-dossier-01-page-{width}")

    # "Rút hồ sơ" asks first, and says what it means.
    page.get_by_role("link", name="Rút hồ sơ", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{dossier.absolute_url()}/@@dossier-withdraw"
    assert page.locator("h1").inner_text().strip() == "Ông/Bà muốn rút hồ sơ này?"
    assert "dừng hẳn" in page.locator("#dvc-withdraw-meaning").inner_text()
    assert page.get_by_role("button", name="Xác nhận rút hồ sơ").is_visible()
    assert crumbs(page)[:2] == ["Trang chủ", "Hồ sơ của tôi"]
    screenshot(page, f"citizen-dossier-02-confirm-{width}")

    # "Quay lại": back on the dossier, nothing changed.
    page.get_by_role("link", name="Quay lại", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert page.url == dossier.absolute_url()
    assert page.locator("#dvc-status-title").inner_text().strip() == "Mới đăng ký"
    assert state_of(dossier) == "new"

    # Confirming withdraws.
    page.get_by_role("link", name="Rút hồ sơ", exact=True).click()
    page.wait_for_load_state("networkidle")
    page.get_by_label("Lý do rút hồ sơ (không bắt buộc)").fill("Nộp nhầm thủ tục")
    page.get_by_role("button", name="Xác nhận rút hồ sơ").click()
    page.wait_for_load_state("networkidle")
    assert page.url == dossier.absolute_url()
    assert state_of(dossier) == "withdrawn"
    assert page.locator("#dvc-status-title").inner_text().strip() == "Công dân yêu cầu rút hồ sơ"
    assert page.get_by_role("link", name="Rút hồ sơ", exact=True).count() == 0
    screenshot(page, f"citizen-dossier-03-withdrawn-{width}")
    assert page.js_errors == []
