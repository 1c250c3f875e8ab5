"""A catalogue editor adds a row to a procedure's table in a real browser (Debian's
Chromium): the datagrid adds rows with JavaScript, the page shows the new row."""

from tests.e2e.conftest import screenshot
from tests.e2e.conftest import submit_login
from tests.helpers.content import table_procedure
from tests.helpers.users import make_editor
import pytest
import re
import transaction


EDITOR = "bientap.thutuc"
PASSWORD = "mat-khau-bien-tap-2"


@pytest.fixture
def procedure(functional):
    """A published procedure with one channel, and an editor of the catalogue folder."""
    folder = functional["portal"]["thu-tuc-hanh-chinh"]
    make_editor(EDITOR, folder, password=PASSWORD)
    procedure = table_procedure(
        folder,
        "thu-them-dong",
        "Thủ tục thử thêm dòng",
        "T-DONG-01",
        channels=[{"channel": "in_person", "time": 5, "time_unit": "working_days", "fee": None}],
    )
    transaction.commit()
    return procedure


def log_in(open_page, portal_url):
    page = open_page(f"{portal_url}/login")
    submit_login(page, EDITOR, PASSWORD)
    return page


def test_editor_adds_a_channel_row(open_page, procedure):
    page = log_in(open_page, procedure.portal_url())
    page.goto(f"{procedure.absolute_url()}/edit", wait_until="networkidle")
    page.locator(".autotoc-nav a", has_text="Chi tiết").click()
    table = page.locator("#form-widgets-channels")
    assert table.is_visible()
    assert page.locator("textarea[name='form.widgets.channels']").count() == 0
    rows = table.locator("tbody tr:visible")
    assert rows.count() == 2  # the procedure's row and the empty row at the end
    # Typing in the empty row makes it a row of the table and opens a new empty one.
    new = rows.nth(1)
    new.locator("select[name$='widgets.channel:list']").select_option(label="Qua dịch vụ bưu chính")
    new.locator("input[name$='widgets.time']").fill("0,5")
    new.locator("select[name$='widgets.time_unit:list']").select_option(label="Ngày làm việc")
    new.locator("input[name$='widgets.fee']").fill("25000")
    new.locator("input[name$='widgets.fee_note']").fill("Cước bưu chính tính riêng")
    assert table.locator("tbody tr:visible").count() == 3
    screenshot(page, "procedure-tables-edit-1280")
    # A wide table scrolls inside the form; the page itself never scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    page.locator("#form-buttons-save").click()
    page.wait_for_load_state("networkidle")
    assert page.url == procedure.absolute_url()
    rows = page.locator("#dvc-channels tbody tr")
    assert rows.count() == 2
    assert re.sub(r"\s+", " ", rows.nth(1).inner_text()).startswith("Qua dịch vụ bưu chính")
    assert "0,5 ngày làm việc" in rows.nth(1).inner_text()
    assert "25.000" in rows.nth(1).inner_text()
    screenshot(page, "procedure-tables-page-1280")
    transaction.begin()
    assert procedure.channels == [
        {"channel": "in_person", "time": 5, "time_unit": "working_days", "fee": None},
        {
            "channel": "post",
            "time": 0.5,
            "time_unit": "working_days",
            "fee": 25000,
            "fee_note": "Cước bưu chính tính riêng",
        },
    ]
    assert page.js_errors == []
