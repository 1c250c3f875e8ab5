"""The citizen's page of a procedure and the page of an agency."""

from datetime import date
from dichvucong import _
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.textfield.value import RichTextValue
from tests.helpers.content import create
from tests.helpers.content import intid
from tests.helpers.pages import en
from tests.helpers.pages import page
from tests.helpers.pages import text
from tests.helpers.pages import vi
from tests.helpers.users import as_site_owner
import pytest
import transaction


SECTIONS = [
    "dvc-result",
    "dvc-applicants",
    "dvc-documents",
    "dvc-channels",
    "dvc-agencies",
    "dvc-steps",
    "dvc-conditions",
    "dvc-legal-basis",
    "dvc-related",
    "dvc-decision",
    "dvc-guide",
]


@pytest.fixture
def site(functional_portal):
    """A published test folder (the site's own catalogue data may grow meanwhile) with
    a ward, a department and a domain. Codes start with T- to stay apart from it."""
    folder = create(functional_portal, "Folder", id="kiem-thu", title="Kiểm thử")
    create(
        folder,
        "Agency",
        id="phuong-ba-dinh",
        title="UBND phường Ba Đình",
        code="T-01",
        kind="ward",
        address="1 Đội Cấn, phường Ba Đình",
        opening_hours="Thứ Hai đến Thứ Sáu, 8:00 - 17:00",
        phone="024 3823 4567",
    )
    create(folder, "Agency", id="so-tu-phap", title="Sở Tư pháp", code="T-02", kind="department")
    create(folder, "Domain", id="ho-tich", title="Hộ tịch", code="t-ho-tich")
    return folder


def make_procedure(folder, publish=True, **fields):
    values = {"title": "Đăng ký khai sinh", "national_code": "T.001193", "level": "full"}
    return create(folder, "Procedure", publish=publish, **{**values, **fields})


def make_form(folder, publish=True):
    return create(
        folder,
        "EasyForm",
        publish=publish,
        id="to-khai-khai-sinh",
        title="Tờ khai đăng ký khai sinh",
    )


@pytest.fixture
def full_procedure(site):
    """A procedure with every section filled, a linked form and related procedures."""
    related = make_procedure(
        site, title="Đăng ký thường trú", national_code="T.004194", id="dang-ky-thuong-tru"
    )
    private = make_procedure(
        site,
        publish=False,
        title="Thủ tục nội bộ chưa công bố",
        national_code="T.999999",
        id="thu-tuc-noi-bo",
    )
    form = make_form(site)
    procedure = make_procedure(
        site,
        id="dang-ky-khai-sinh",
        description="Đăng ký khai sinh cho trẻ em sinh ra tại Hà Nội.",
        local_code="HN-KS-01",
        domain="t-ho-tich",
        applicant_types={"citizen", "organisation"},
        implementing_agency="T-01",
        competent_agency="T-02",
        result="Giấy khai sinh bản chính.\nBản sao giấy khai sinh (nếu có yêu cầu).",
        documents=[
            {"name": "Tờ khai đăng ký khai sinh", "originals": 1, "template_url": "/mau/tk.docx"},
            {"case": "Trẻ sinh ra ở nước ngoài", "name": "Giấy chứng sinh", "copies": 2},
            {"name": "Giấy tờ tùy thân", "template_url": "javascript:alert(1)"},
        ],
        channels=[
            {"channel": "in_person", "time": 1, "time_unit": "working_days", "fee": 0},
            {
                "channel": "online",
                "time": None,
                "time_unit": "working_days",
                "fee": None,
                "fee_note": "Miễn lệ phí khi nộp trực tuyến",
            },
            {"channel": "post", "time": 3, "time_unit": "working_days", "fee": 1500000},
        ],
        steps=["Nộp hồ sơ", "Nhận kết quả"],
        conditions="Không có.",
        legal_basis=[
            {
                "number": "123/2015/NĐ-CP",
                "summary": "Quy định chi tiết Luật Hộ tịch",
                "date": "2015-11-15",
                "issuer": "Chính phủ",
            }
        ],
        publishing_decision="Quyết định số 1/QĐ-UBND",
        guide_text=RichTextValue("<p>Mang theo <strong>bản chính</strong> để đối chiếu.</p>"),
        related_procedures=[intid(related), intid(private)],
        online_form=intid(form),
    )
    transaction.commit()
    return procedure


def test_default_view_is_the_procedure_page(full_procedure, browser):
    browser.open(full_procedure.absolute_url())
    assert browser.headers["status"].startswith("200")
    assert page(browser).cssselect(".dvc-proc")


def test_sections_in_order(full_procedure, browser):
    browser.open(full_procedure.absolute_url())
    doc = page(browser)
    sections = doc.cssselect("#content section.dvc-proc-section")
    assert [section.get("id") for section in sections] == SECTIONS
    for section in sections:
        (heading,) = section.cssselect("h2")
        assert text(heading)
    headings = [text(section.cssselect("h2")[0]) for section in sections]
    assert headings[0] == vi(_("What you get"))
    assert headings[2] == vi(_("What to bring"))
    assert headings[5] == "Trình tự thực hiện"  # "Steps", already in the vi catalogue


def test_header_title_codes_and_level(full_procedure, browser):
    browser.open(full_procedure.absolute_url())
    doc = page(browser)
    assert text(doc.cssselect("h1")[0]) == "Đăng ký khai sinh"
    meta = text(doc.cssselect(".dvc-proc-meta")[0])
    assert "Toàn trình" in meta
    assert "T.001193" in meta and "HN-KS-01" in meta
    assert "Hộ tịch" in meta


@pytest.mark.parametrize(
    ("level", "label"),
    [("full", "Toàn trình"), ("partial", "Một phần"), ("offline", "Chưa trực tuyến")],
)
def test_level_badge(site, browser, level, label):
    procedure = make_procedure(site, level=level)
    transaction.commit()
    browser.open(procedure.absolute_url())
    (badge,) = page(browser).cssselect(".dvc-level")
    assert label in text(badge)
    assert f"dvc-level--{level}" in badge.get("class")


def test_submit_online_button_links_the_form(full_procedure, browser):
    browser.open(full_procedure.absolute_url())
    doc = page(browser)
    buttons = doc.cssselect("a.dvc-submit")
    # At the top and again after the documents.
    assert len(buttons) == 2
    form_url = full_procedure.online_form.to_object.absolute_url()
    assert {button.get("href") for button in buttons} == {form_url}
    assert {text(button) for button in buttons} == {vi(_("Submit online"))}
    assert doc.cssselect("#dvc-documents a.dvc-submit")
    assert not doc.cssselect(".dvc-in-person")


def test_submit_online_button_in_vietnamese(full_procedure, browser):
    browser.open(full_procedure.absolute_url())
    assert "Nộp hồ sơ trực tuyến" in browser.contents


def test_no_button_without_a_form(site, browser):
    procedure = make_procedure(site, implementing_agency="T-01")
    transaction.commit()
    browser.open(procedure.absolute_url())
    doc = page(browser)
    assert not doc.cssselect("a.dvc-submit")
    assert vi(_("Submit online")) not in browser.contents
    (note,) = doc.cssselect(".dvc-in-person")
    assert "UBND phường Ba Đình" in text(note)


def test_no_button_when_the_form_is_private(site, browser):
    form = make_form(site, publish=False)
    procedure = make_procedure(site, online_form=intid(form))
    transaction.commit()
    browser.open(procedure.absolute_url())
    doc = page(browser)
    assert not doc.cssselect("a.dvc-submit")
    assert doc.cssselect(".dvc-in-person")


def test_no_button_when_the_form_is_gone(site, browser):
    form = make_form(site)
    procedure = make_procedure(site, online_form=intid(form))
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.content.delete(obj=form, check_linkintegrity=False)
    transaction.commit()
    browser.open(procedure.absolute_url())
    assert not page(browser).cssselect("a.dvc-submit")


def test_documents_grouped_by_case(full_procedure, browser):
    browser.open(full_procedure.absolute_url())
    (section,) = page(browser).cssselect("#dvc-documents")
    groups = section.cssselect(".dvc-doc-group")
    assert [text(group.cssselect("h3")[0]) for group in groups] == [
        vi(_("In every case")),
        "Trẻ sinh ra ở nước ngoài",
    ]
    first = groups[0].cssselect("li")
    assert [text(li.cssselect(".dvc-doc-name")[0]) for li in first] == [
        "Tờ khai đăng ký khai sinh",
        "Giấy tờ tùy thân",
    ]
    assert vi(_("Originals: ${count}", mapping={"count": 1})) in text(first[0])
    assert vi(_("Copies: ${count}", mapping={"count": 2})) in text(groups[1])
    # The template link is kept; a javascript: "link" is not a link.
    links = [a.get("href") for a in section.cssselect("a.dvc-doc-template")]
    assert links == ["/mau/tk.docx"]
    assert "javascript:" not in browser.contents


def test_channels_fees_and_time(full_procedure, browser):
    browser.open(full_procedure.absolute_url())
    rows = page(browser).cssselect("#dvc-channels tbody tr")
    cells = [[text(cell) for cell in row.cssselect(".dvc-value")] for row in rows]
    tbc = vi(_("To be confirmed"))
    assert cells[0] == [
        vi(_("${number} working days", mapping={"number": "1"})),
        vi(_("Free of charge")),
    ]
    assert cells[1] == [tbc, tbc]
    assert cells[2][1] == vi(_("${amount} VND", mapping={"amount": "1.500.000"}))
    assert "Miễn lệ phí khi nộp trực tuyến" in text(rows[1])
    assert [text(row.cssselect("th")[0]) for row in rows] == [
        "Trực tiếp",
        "Trực tuyến",
        "Qua dịch vụ bưu chính",
    ]


def test_unknown_time_and_fee_in_english(site, browser):
    procedure = make_procedure(site, channels=[{"channel": "online", "time": None, "fee": None}])
    transaction.commit()
    browser.open(f"{site.portal_url()}?set_language=en")
    browser.open(procedure.absolute_url())
    (row,) = page(browser).cssselect("#dvc-channels tbody tr")
    values = [text(value) for value in row.cssselect(".dvc-value")]
    assert values == ["To be confirmed", "To be confirmed"]
    assert all("dvc-tbc" in value.get("class") for value in row.cssselect(".dvc-value"))
    assert "0" not in " ".join(values)
    assert text(page(browser).cssselect("#dvc-channels-heading")[0]) == en(
        _("Fees and processing time")
    )


def test_where_steps_legal_basis(full_procedure, browser):
    browser.open(full_procedure.absolute_url())
    doc = page(browser)
    where = text(doc.cssselect("#dvc-agencies")[0])
    assert "UBND phường Ba Đình" in where and "Sở Tư pháp" in where
    assert "T-01" not in where  # names, not codes
    assert "1 Đội Cấn" in where
    (tel,) = doc.cssselect('#dvc-agencies a[href^="tel:"]')
    assert tel.get("href") == "tel:02438234567"
    steps = [text(li) for li in doc.cssselect("#dvc-steps ol > li")]
    assert steps == ["Nộp hồ sơ", "Nhận kết quả"]
    legal = text(doc.cssselect("#dvc-legal-basis li")[0])
    assert "123/2015/NĐ-CP" in legal and "15/11/2015" in legal and "Chính phủ" in legal
    assert "Quyết định số 1/QĐ-UBND" in text(doc.cssselect("#dvc-decision")[0])
    (guide,) = doc.cssselect("#dvc-guide .dvc-guide")
    assert guide.cssselect("strong")[0].text == "bản chính"


def test_private_agency_named_but_not_linked(site, browser):
    create(
        site,
        "Agency",
        publish=False,
        id="chua-cong-bo",
        title="Chi nhánh chưa công bố",
        code="T-03",
        kind="branch",
        address="Địa chỉ nháp",
    )
    procedure = make_procedure(site, implementing_agency="T-03", competent_agency="T-404")
    transaction.commit()
    browser.open(procedure.absolute_url())
    (where,) = page(browser).cssselect("#dvc-agencies")
    assert "Chi nhánh chưa công bố" in text(where)
    assert "T-404" in text(where)  # an unknown code is shown as it is
    assert not where.cssselect("a")
    assert "Địa chỉ nháp" not in browser.contents


def test_private_related_procedure_not_linked_for_anonymous(full_procedure, browser):
    browser.open(full_procedure.absolute_url())
    links = page(browser).cssselect("#dvc-related a")
    assert [text(link) for link in links] == ["Đăng ký thường trú"]
    assert "Thủ tục nội bộ chưa công bố" not in browser.contents
    assert "thu-tuc-noi-bo" not in browser.contents


def test_editor_sees_the_private_related_procedure(full_procedure, browser):
    as_site_owner(browser).open(full_procedure.absolute_url())
    links = [text(link) for link in page(browser).cssselect("#dvc-related a")]
    assert "Thủ tục nội bộ chưa công bố" in links


def test_html_in_fields_is_escaped(site, browser):
    attack = '<script>alert("x")</script><b>bold</b>'
    procedure = make_procedure(
        site,
        title=f"Thủ tục {attack}",
        result=attack,
        conditions=attack,
        steps=[attack],
        documents=[{"case": attack, "name": attack, "template_url": '"><script>x</script>'}],
        channels=[{"channel": "online", "time": 1, "time_note": attack, "fee_note": attack}],
        legal_basis=[{"number": attack, "summary": attack, "issuer": attack}],
        publishing_decision=attack,
        guide_text=RichTextValue('<p>ok <em>note</em></p><script>alert("x")</script>'),
    )
    transaction.commit()
    browser.open(procedure.absolute_url())
    assert "<script>alert" not in browser.contents
    assert "<b>bold</b>" not in browser.contents
    assert "&lt;script&gt;alert" in browser.contents
    doc = page(browser)
    assert not doc.cssselect("#content b")
    assert not doc.cssselect("#content script")
    # The rich text keeps its markup, through Plone's safe_html filter.
    assert doc.cssselect("#dvc-guide p em")


def test_empty_procedure_shows_to_be_confirmed(site, browser):
    procedure = make_procedure(site, level="offline")
    transaction.commit()
    browser.open(procedure.absolute_url())
    doc = page(browser)
    ids = [section.get("id") for section in doc.cssselect("section.dvc-proc-section")]
    assert ids == ["dvc-documents", "dvc-channels", "dvc-agencies"]
    for section_id in ids:
        assert text(doc.cssselect(f"#{section_id} .dvc-tbc")[0]) == vi(_("To be confirmed"))
    assert doc.cssselect(".dvc-in-person")


def test_one_print_button_and_print_styles(full_procedure, browser):
    browser.open(full_procedure.absolute_url())
    # The reader tools' button (publishing/home), not a second one of the catalogue's.
    assert len(page(browser).cssselect("button[data-dvc-print]")) == 1
    assert not page(browser).cssselect("button.dvc-print")
    assert "++plone++dichvucong-catalogue/catalogue.css" in browser.contents
    browser.open(f"{full_procedure.portal_url()}/++plone++dichvucong-catalogue/catalogue.css")
    assert "@media print" in browser.contents


def test_agency_page_lists_its_procedures(full_procedure, site, browser):
    make_procedure(
        site,
        id="cap-ban-sao",
        title="Cấp bản sao trích lục hộ tịch",
        national_code="T.000635",
        competent_agency="T-01",
    )
    make_procedure(site, id="khac", title="Thủ tục của cơ quan khác", national_code="T.000001")
    create(
        site["phuong-ba-dinh"],
        "Agency",
        id="bo-phan-mot-cua",
        title="Bộ phận một cửa phường Ba Đình",
        code="T-01.01",
        kind="branch",
    )
    transaction.commit()
    browser.open(site["phuong-ba-dinh"].absolute_url())
    doc = page(browser)
    assert text(doc.cssselect("h1")[0]) == "UBND phường Ba Đình"
    details = text(doc.cssselect(".dvc-agency-details")[0])
    assert "Phường" in details  # kind, from the vocabulary
    assert "1 Đội Cấn" in details and "8:00 - 17:00" in details
    procedures = [text(a) for a in doc.cssselect("#dvc-agency-procedures a")]
    # Implementing or competent here, in Vietnamese alphabetical order.
    assert procedures == ["Cấp bản sao trích lục hộ tịch", "Đăng ký khai sinh"]
    units = [text(a) for a in doc.cssselect("#dvc-units a")]
    assert units == ["Bộ phận một cửa phường Ba Đình"]
    assert not doc.cssselect(".dvc-validity")


def test_dissolved_agency_shows_its_end(site, browser):
    old = create(
        site,
        "Agency",
        id="quan-ba-dinh",
        title="UBND quận Ba Đình",
        code="T-99",
        kind="district",
        valid_to=date(2025, 6, 30),
    )
    transaction.commit()
    browser.open(old.absolute_url())
    (validity,) = page(browser).cssselect(".dvc-validity")
    assert "dvc-validity--ended" in validity.get("class")
    assert vi(_("Valid until ${date}", mapping={"date": "30/06/2025"})) in text(validity)
