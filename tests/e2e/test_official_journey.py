"""An official of the receiving agency in a real browser (Debian's Chromium), on a phone
and on a desktop: types a dossier's code in the worklist and lands on it; reloading the
page leaves the history to the real steps (the views are folded apart); until a result
document is attached, the page says why "Trả kết quả" is not offered, then offers it."""

from dichvucong.dossier.storage import LEADERS_GROUP
from dichvucong.dossier.storage import ensure_leaders_group
from dichvucong.dossier.submission import submit
from plone import api
from plone.app.testing import login
from tests.e2e.conftest import screenshot
from tests.e2e.conftest import submit_login
from tests.helpers.content import BIRTH
from tests.helpers.content import procedure
from tests.helpers.users import AGENCY_X
from tests.helpers.users import make_official
from tests.helpers.users import make_user
import pytest
import re
import transaction


PASSWORD = "hanoi-demo"
OFFICIAL = "canbo.ttpvhcc"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
STEPS = ["submitted", "accept", "start_processing", "decide"]


@pytest.fixture
def decided(functional_portal):
    """A birth-registration dossier decided by the agency, no result document yet."""
    portal = functional_portal
    make_user("congdan", "Nguyen Thi Hong Nhung", password=PASSWORD)
    make_official(OFFICIAL, "Le Minh Thu", AGENCY_X, password=PASSWORD)
    login(portal, "congdan")
    dossier = submit(
        procedure(BIRTH), {"applicant_name": "Nguyễn Thị Hồng Nhung", "child_name": "Nguyễn An"}
    )
    login(portal, OFFICIAL)
    for transition in STEPS[1:]:
        api.content.transition(dossier, transition=transition)
    transaction.commit()
    return portal, dossier


def log_in(open_page, portal, width, userid=OFFICIAL):
    page = open_page(f"{portal.absolute_url()}/login", width=width)
    submit_login(page, userid, PASSWORD)
    return page


def history(page):
    return page.locator("#dvc-history-steps > li").evaluate_all(
        "items => items.map(item => item.dataset.action)"
    )


@pytest.mark.parametrize("width", [360, 1280])
def test_official_finds_the_dossier_by_code_and_returns_the_result(
    open_page, decided, tmp_path, width
):
    portal, dossier = decided
    page = log_in(open_page, portal, width)

    # The worklist: the code field, labelled, above the list; part of the code typed in
    # lower case as read out on the phone, then the whole code.
    page.goto(f"{portal.absolute_url()}/ho-so/@@worklist", wait_until="networkidle")
    field = page.get_by_role("textbox", name="Mã hồ sơ", exact=True)
    assert field.is_visible()
    field.fill(dossier.code.rsplit("-", 1)[0].lower())
    field.press("Enter")
    page.wait_for_load_state("networkidle")
    assert page.locator("#dvc-worklist-table [data-code]").count() == 1
    assert page.locator("#dvc-worklist-count").inner_text().startswith("Số hồ sơ có mã chứa")
    page.get_by_role("textbox", name="Mã hồ sơ", exact=True).fill("HN-TTPVHCC-010101-9999")
    page.get_by_role("button", name="Tìm", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#dvc-code-error").inner_text().startswith("Không tìm thấy hồ sơ")
    screenshot(page, f"official-01-worklist-unknown-code-{width}")
    page.get_by_role("textbox", name="Mã hồ sơ", exact=True).fill(dossier.code)
    page.get_by_role("button", name="Tìm", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert page.url == dossier.absolute_url()
    assert page.locator("#dvc-dossier-code").inner_text() == dossier.code

    # Reloads: the history keeps the real steps; one view, folded.
    for _ in range(3):
        page.reload(wait_until="networkidle")
    assert history(page) == STEPS
    views = page.locator("#dvc-staff-views")
    assert views.locator("summary").inner_text().strip() == "Lượt xem của cán bộ (1)"
    assert not views.locator("#dvc-staff-views-list").is_visible()
    views.locator("summary").click()
    assert views.locator("#dvc-staff-views-list li").count() == 1
    assert "Le Minh Thu" in views.locator("#dvc-staff-views-list").inner_text()

    # No result document yet: the hint, linked to the upload, instead of the button.
    hint = page.locator("#dvc-return-hint")
    assert hint.inner_text().strip() == "Đính kèm văn bản kết quả trước khi trả kết quả"
    assert page.locator("#dvc-transition-return_result").count() == 0
    screenshot(page, f"official-02-dossier-hint-{width}")
    hint.get_by_role("link").click()
    assert page.url.endswith("#dvc-result-upload")
    assert page.locator("#dvc-result-upload").is_visible()

    # The result attached: the hint is gone, "Trả kết quả" is offered and returns it.
    result = tmp_path / "trich-luc-khai-sinh.pdf"
    result.write_bytes(PDF)
    page.set_input_files("#dvc-result-file", str(result))
    page.locator("#dvc-result-form button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#dvc-return-hint").count() == 0
    button = page.locator("#dvc-transition-return_result button[type=submit]")
    assert re.fullmatch(r"\s*Trả kết quả\s*", button.inner_text())
    screenshot(page, f"official-03-result-attached-{width}")
    button.click()
    page.wait_for_load_state("networkidle")
    assert history(page) == [*STEPS, "result_uploaded", "return_result"]
    assert page.locator("#dvc-staff-views summary").inner_text().strip() == (
        "Lượt xem của cán bộ (1)"
    )
    assert page.js_errors == []


def test_leader_finds_a_dossier_by_part_of_its_code(open_page, decided):
    """A leader's worklists page (every agency) has the code field too."""
    portal, dossier = decided
    ensure_leaders_group()
    make_user("lanhdao", "Pham Van Lanh", groups=[LEADERS_GROUP], password=PASSWORD)
    transaction.commit()
    page = log_in(open_page, portal, 360, userid="lanhdao")
    page.goto(f"{portal.absolute_url()}/ho-so/@@worklist", wait_until="networkidle")
    field = page.get_by_role("textbox", name="Mã hồ sơ", exact=True)
    field.fill(dossier.code.rsplit("-", 1)[1])
    field.press("Enter")
    page.wait_for_load_state("networkidle")
    found = page.locator("#dvc-code-found")
    assert found.get_by_role("heading").inner_text().startswith("Hồ sơ có mã chứa")
    screenshot(page, "official-04-leader-code-part-360")
    found.get_by_role("link", name=dossier.code).click()
    page.wait_for_load_state("networkidle")
    assert page.url == dossier.absolute_url()
    assert page.js_errors == []
