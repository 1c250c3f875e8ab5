"""The procedure search against the real catalog: what a citizen types finds the right
procedure first; facets, pages and permissions; and the engine's building blocks."""

from dichvucong.base.internals import catalog_generation
from dichvucong.base.vietnamese import DEFAULT_ABBREVIATIONS
from dichvucong.base.vietnamese import sort_key
from dichvucong.catalogue.search import engine
from dichvucong.catalogue.search.engine import CatalogueIndex
from dichvucong.catalogue.search.engine import canonical
from dichvucong.catalogue.search.engine import catalogue_index
from dichvucong.catalogue.search.engine import parse_abbreviations
from dichvucong.catalogue.search.engine import search_procedures
from dichvucong.catalogue.search.engine import within_one_edit
from dichvucong.catalogue.search.interfaces import ISearchSettings
from dichvucong.catalogue.search.interfaces import abbreviation_lines
from dichvucong.catalogue.search.params import SearchParams
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
import contextlib
import pytest
import random
import unicodedata


def nfd(text):
    return unicodedata.normalize("NFD", text)


DOMAINS = {
    "ho-tich": "Hộ tịch",
    "cu-tru": "Cư trú",
    "xuat-nhap-canh": "Xuất nhập cảnh",
    "giao-thong": "Giao thông vận tải",
    "tu-phap": "Tư pháp",
    "bao-hiem": "Bảo hiểm",
    "chinh-sach": "Người có công",
    "dat-dai": "Đất đai",
    "thuy-loi": "Thủy lợi",
    "kiem-soat-tthc": "Kiểm soát thủ tục hành chính",
    "kinh-doanh": "Thành lập và hoạt động của hộ kinh doanh",
    "xay-dung": "Xây dựng",
    "quoc-phong": "Quốc phòng",
    "giao-duc": "Giáo dục",
}
AGENCIES = {
    "000.00.01.H26": ("UBND phường Hoàn Kiếm", "ward"),
    "000.00.02.H26": ("Công an thành phố Hà Nội", "department"),
    "000.00.03.H26": ("Sở Tư pháp", "department"),
    "000.00.04.H26": ("Sở Xây dựng", "department"),
    "000.00.05.H26": ("Bảo hiểm xã hội thành phố Hà Nội", "other"),
}
WARD, POLICE, JUSTICE, BUILDING, INSURANCE = AGENCIES

# (title, code, domain, level, applicants, agency, popularity, online form, extra fields)
PROCEDURES = [
    (
        "Đăng ký khai sinh",
        "1.001193",
        "ho-tich",
        "full",
        {"citizen"},
        WARD,
        900,
        True,
        {"keywords": ["làm giấy khai sinh", "khai sinh cho con"]},
    ),
    (
        "Đăng ký khai sinh có yếu tố nước ngoài",
        "1.001695",
        "ho-tich",
        "partial",
        {"citizen"},
        WARD,
        40,
        False,
        {},
    ),
    ("Đăng ký lại khai sinh", "1.004746", "ho-tich", "partial", {"citizen"}, WARD, 60, False, {}),
    (
        "Đăng ký khai tử",
        "1.000656",
        "ho-tich",
        "full",
        {"citizen"},
        WARD,
        300,
        True,
        {"keywords": ["báo tử", "người thân qua đời"]},
    ),
    (
        "Đăng ký kết hôn",
        "1.000894",
        "ho-tich",
        "partial",
        {"citizen"},
        WARD,
        500,
        False,
        {"keywords": ["giấy chứng nhận kết hôn"]},
    ),
    (
        "Cấp giấy xác nhận tình trạng hôn nhân",
        "1.004873",
        "ho-tich",
        "full",
        {"citizen"},
        WARD,
        480,
        True,
        {"keywords": ["giấy xác nhận độc thân"]},
    ),
    (
        "Đăng ký thường trú",
        "1.004194",
        "cu-tru",
        "full",
        {"citizen"},
        POLICE,
        700,
        True,
        {"keywords": ["nhập hộ khẩu"]},
    ),
    (
        "Đăng ký tạm trú",
        "1.004199",
        "cu-tru",
        "full",
        {"citizen"},
        POLICE,
        650,
        True,
        {"keywords": ["tạm trú cho người thuê nhà"]},
    ),
    (
        "Cấp thẻ Căn cước công dân",
        "2.001170",
        "cu-tru",
        "partial",
        {"citizen"},
        POLICE,
        800,
        False,
        {"keywords": ["làm căn cước"]},
    ),
    (
        "Cấp hộ chiếu phổ thông",
        "2.002105",
        "xuat-nhap-canh",
        "full",
        {"citizen"},
        POLICE,
        600,
        True,
        {"keywords": ["làm hộ chiếu", "passport"]},
    ),
    (
        "Cấp đổi giấy phép lái xe",
        "1.002804",
        "giao-thong",
        "full",
        {"citizen"},
        POLICE,
        550,
        True,
        {"keywords": ["đổi bằng lái"]},
    ),
    (
        "Đăng ký xe mô tô, xe gắn máy",
        "2.001940",
        "giao-thong",
        "full",
        {"citizen"},
        POLICE,
        420,
        True,
        {},
    ),
    (
        "Cấp Phiếu lý lịch tư pháp",
        "2.000505",
        "tu-phap",
        "full",
        {"citizen"},
        JUSTICE,
        450,
        True,
        {},
    ),
    (
        "Chứng thực bản sao từ bản chính tại UBND cấp xã",
        "2.000815",
        "tu-phap",
        "partial",
        {"citizen", "organisation"},
        WARD,
        850,
        False,
        {},
    ),
    (
        "Cấp lại thẻ BHYT do mất, hỏng",
        "1.002760",
        "bao-hiem",
        "full",
        {"citizen"},
        INSURANCE,
        350,
        True,
        {},
    ),
    (
        "Giải quyết hưởng BHXH một lần",
        "1.001942",
        "bao-hiem",
        "partial",
        {"citizen"},
        INSURANCE,
        150,
        False,
        {},
    ),
    (
        "Trợ cấp mai táng",
        "1.010821",
        "chinh-sach",
        "offline",
        {"citizen"},
        WARD,
        120,
        False,
        {"description": "Hỗ trợ chi phí mai táng cho thân nhân người có công qua đời."},
    ),
    (
        "Hoà giải tranh chấp đất đai",
        "1.003554",
        "dat-dai",
        "offline",
        {"citizen", "organisation"},
        WARD,
        90,
        False,
        {},
    ),
    (
        "Cấp giấy chứng nhận quyền sử dụng đất lần đầu",
        "1.012790",
        "dat-dai",
        "partial",
        {"citizen", "organisation"},
        BUILDING,
        300,
        False,
        {"keywords": ["làm sổ đỏ"]},
    ),
    (
        "Đăng ký biến động đất đai",
        "1.012791",
        "dat-dai",
        "partial",
        {"citizen", "organisation"},
        BUILDING,
        260,
        False,
        {"keywords": ["sang tên sổ đỏ"]},
    ),
    (
        "Cấp phép hoạt động trong phạm vi bảo vệ công trình thuỷ lợi",
        "1.003347",
        "thuy-loi",
        "partial",
        {"organisation"},
        BUILDING,
        30,
        False,
        {},
    ),
    (
        "Tiếp nhận phản ánh, kiến nghị về quy định TTHC",
        "2.002165",
        "kiem-soat-tthc",
        "full",
        {"citizen", "organisation"},
        JUSTICE,
        10,
        True,
        {},
    ),
    (
        "Đăng ký hộ kinh doanh",
        "2.000575",
        "kinh-doanh",
        "full",
        {"citizen", "organisation"},
        WARD,
        400,
        True,
        {"keywords": ["mở cửa hàng"]},
    ),
    (
        "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        "1.009994",
        "xay-dung",
        "partial",
        {"citizen"},
        BUILDING,
        380,
        False,
        {"keywords": ["xin phép xây nhà"]},
    ),
    (
        "Đăng ký nghĩa vụ quân sự lần đầu",
        "1.001512",
        "quoc-phong",
        "offline",
        {"citizen"},
        WARD,
        100,
        False,
        {},
    ),
    # Same popularity and, for "hoat dong nhom tre", the same score: dictionary order.
    (
        "Đình chỉ hoạt động nhóm trẻ độc lập",
        "1.005097",
        "giao-duc",
        "offline",
        {"organisation"},
        WARD,
        0,
        False,
        {},
    ),
    (
        "Duy trì hoạt động nhóm trẻ độc lập",
        "1.005098",
        "giao-duc",
        "offline",
        {"organisation"},
        WARD,
        0,
        False,
        {},
    ),
]
PRIVATE_TITLE = "Thí điểm cấp giấy khai sinh điện tử"
PUBLIC_COUNT = len(PROCEDURES)


def clear_catalogue(portal):
    """Remove the city's shipped catalogue: the tests count exactly what they create."""
    for folder_id in ("thu-tuc-hanh-chinh", "co-quan", "linh-vuc"):
        folder = portal[folder_id]
        objects = [folder[name] for name in folder.objectIds()]
        if objects:
            api.content.delete(objects=objects, check_linkintegrity=False)
    assert not api.content.find(portal_type=["Procedure", "Agency", "Domain"])


def create_catalogue(portal):
    """Domains, agencies, procedures (published) and one private draft procedure."""
    clear_catalogue(portal)
    folder = portal["thu-tuc-hanh-chinh"]
    for code, title in DOMAINS.items():
        api.content.create(container=portal["linh-vuc"], type="Domain", title=title, code=code)
    for code, (title, kind) in AGENCIES.items():
        api.content.create(
            container=portal["co-quan"], type="Agency", title=title, code=code, kind=kind
        )
    form = api.content.create(container=portal, type="Document", id="bieu-mau", title="Form")
    form_id = getUtility(IIntIds).getId(form)
    created = {}
    for title, code, domain, level, applicants, agency, popularity, online, extra in PROCEDURES:
        procedure = api.content.create(
            container=folder,
            type="Procedure",
            title=title,
            national_code=code,
            domain=domain,
            level=level,
            applicant_types=applicants,
            implementing_agency=agency,
            competent_agency=JUSTICE if domain == "tu-phap" else None,
            popularity=popularity,
            online_form=RelationValue(form_id) if online else None,
            **extra,
        )
        procedure.reindexObject()
        api.content.transition(procedure, "publish")
        created[title] = procedure
    created[PRIVATE_TITLE] = api.content.create(
        container=folder,
        type="Procedure",
        title=PRIVATE_TITLE,
        local_code="HNKS99",
        domain="ho-tich",
        level="full",
        popularity=5000,
    )
    return created


@contextlib.contextmanager
def anonymous(portal):
    logout()
    try:
        yield
    finally:
        login(portal, TEST_USER_NAME)


def run(portal, text="", filters=None, b_start=0, b_size=50):
    _index, result = search_procedures(portal, text, filters, b_start, b_size)
    return result


def titles(result):
    return [hit.record.title for hit in result.hits]


# What a citizen types -> the procedure that must come first.
QUERIES = [
    # Accents, case, Unicode forms
    ("dang ky khai sinh", "Đăng ký khai sinh"),
    ("DANG KY KHAI SINH", "Đăng ký khai sinh"),
    ("Đăng ký khai sinh", "Đăng ký khai sinh"),
    (nfd("Đăng ký khai tử"), "Đăng ký khai tử"),
    (nfd("ĐĂNG KÝ KẾT HÔN"), "Đăng ký kết hôn"),
    ("dang ky khai tu", "Đăng ký khai tử"),
    ("đăng ký thường trú", "Đăng ký thường trú"),
    ("Dang ky tam tru", "Đăng ký tạm trú"),
    ("cap doi giay phep lai xe", "Cấp đổi giấy phép lái xe"),
    ("đang ky xe may", "Đăng ký xe mô tô, xe gắn máy"),
    # Tone placement: hòa/hoà, thủy/thuỷ
    ("hòa giải", "Hoà giải tranh chấp đất đai"),
    ("hoà giải đất đai", "Hoà giải tranh chấp đất đai"),
    ("công trình thủy lợi", "Cấp phép hoạt động trong phạm vi bảo vệ công trình thuỷ lợi"),
    ("thuy loi", "Cấp phép hoạt động trong phạm vi bảo vệ công trình thuỷ lợi"),
    # Abbreviations, both ways
    ("BHYT", "Cấp lại thẻ BHYT do mất, hỏng"),
    ("cap lai the bao hiem y te", "Cấp lại thẻ BHYT do mất, hỏng"),
    ("CCCD", "Cấp thẻ Căn cước công dân"),
    ("lam cccd", "Cấp thẻ Căn cước công dân"),
    ("GPLX", "Cấp đổi giấy phép lái xe"),
    ("doi gplx", "Cấp đổi giấy phép lái xe"),
    ("LLTP", "Cấp Phiếu lý lịch tư pháp"),
    ("TTHC", "Tiếp nhận phản ánh, kiến nghị về quy định TTHC"),
    ("phan anh thu tuc hanh chinh", "Tiếp nhận phản ánh, kiến nghị về quy định TTHC"),
    ("chứng thực UBND", "Chứng thực bản sao từ bản chính tại UBND cấp xã"),
    ("chung thuc uy ban nhan dan", "Chứng thực bản sao từ bản chính tại UBND cấp xã"),
    ("bhxh mot lan", "Giải quyết hưởng BHXH một lần"),
    # One typo
    ("khai snh", "Đăng ký khai sinh"),
    ("dnag ky thuong tru", "Đăng ký thường trú"),
    ("cap ho chiue", "Cấp hộ chiếu phổ thông"),
    ("ly lich tu phap", "Cấp Phiếu lý lịch tư pháp"),
    ("ly lcih tu phap", "Cấp Phiếu lý lịch tư pháp"),
    ("tro cap mai tnag", "Trợ cấp mai táng"),
    # i/y
    ("dang ki ket hon", "Đăng ký kết hôn"),
    ("đăng kí tạm trú", "Đăng ký tạm trú"),
    ("li lich tu phap", "Cấp Phiếu lý lịch tư pháp"),
    # Prefix of the last word while typing
    ("dang ky khai s", "Đăng ký khai sinh"),
    ("cap ho ch", "Cấp hộ chiếu phổ thông"),
    ("dang ky ket h", "Đăng ký kết hôn"),
    # Codes
    ("1.001193", "Đăng ký khai sinh"),
    ("1.000894", "Đăng ký kết hôn"),
    (" 2.000505 ", "Cấp Phiếu lý lịch tư pháp"),
    # Keywords and description
    ("lam so do", "Cấp giấy chứng nhận quyền sử dụng đất lần đầu"),
    ("xin phep xay nha", "Cấp giấy phép xây dựng nhà ở riêng lẻ"),
    ("mo cua hang", "Đăng ký hộ kinh doanh"),
    ("bao tu", "Đăng ký khai tử"),
    ("giay xac nhan doc than", "Cấp giấy xác nhận tình trạng hôn nhân"),
    ("passport", "Cấp hộ chiếu phổ thông"),
    ("nguoi co cong", "Trợ cấp mai táng"),
    # No procedure has every word: the closest one
    ("dang ky ket hon o dau", "Đăng ký kết hôn"),
]


@pytest.fixture(scope="class")
def catalogue(portal_class):
    setRoles(portal_class, TEST_USER_ID, ["Manager"])
    return create_catalogue(portal_class)


class TestQueries:
    @pytest.mark.parametrize(("query", "expected"), QUERIES)
    def test_intended_procedure_first(self, portal_class, catalogue, query, expected):
        with anonymous(portal_class):
            result = run(portal_class, query)
        assert result.hits, f"nothing found for {query!r}"
        assert titles(result)[0] == expected, (query, titles(result)[:5])

    def test_at_least_thirty_pairs(self):
        assert len(QUERIES) >= 30

    def test_ranking_tiers(self, portal_class, catalogue):
        # The whole title typed ranks above a longer title with the same phrase.
        full = {h.record.title: h.score for h in run(portal_class, "dang ky khai sinh").hits}
        assert full["Đăng ký khai sinh"] > full["Đăng ký khai sinh có yếu tố nước ngoài"]
        # exact phrase > all words in the title > keywords only > typo
        phrase = run(portal_class, "ho chieu pho thong").hits[0].score
        words_in_title = run(portal_class, "pho thong ho chieu").hits[0].score
        keyword = run(portal_class, "lam ho chieu").hits[0].score
        fuzzy = run(portal_class, "ho chiue pho thong").hits[0].score
        assert phrase > words_in_title > keyword > fuzzy > 0

    def test_unknown_words_empty(self, portal_class, catalogue):
        result = run(portal_class, "qwzx vbnm")
        assert result.total == 0 and result.hits == []

    def test_partial_is_flagged(self, portal_class, catalogue):
        assert run(portal_class, "dang ky ket hon o dau").partial is True
        assert run(portal_class, "dang ky ket hon").partial is False

    def test_popularity_breaks_ties(self, portal_class, catalogue):
        with anonymous(portal_class):
            hits = run(portal_class, "dang ky").hits
        top = [hit for hit in hits if hit.score == hits[0].score]
        popularity = [hit.record.popularity for hit in top]
        assert len(top) > 5
        assert popularity == sorted(popularity, reverse=True)
        assert top[0].record.title == "Đăng ký khai sinh"

    def test_dictionary_order_for_equal_scores(self, portal_class, catalogue):
        hits = run(portal_class, "hoat dong nhom tre doc lap").hits
        assert hits[0].score == hits[1].score
        # d before đ in Vietnamese (plain folding would put "dinh" before "duy").
        assert titles_of(hits[:2]) == [
            "Duy trì hoạt động nhóm trẻ độc lập",
            "Đình chỉ hoạt động nhóm trẻ độc lập",
        ]
        browse = run(portal_class, "", {"domain": ["giao-duc"]})
        assert titles(browse) == titles_of(hits[:2])
        assert sorted(titles(browse), key=sort_key) == titles(browse)

    def test_browse_without_query(self, portal_class, catalogue):
        with anonymous(portal_class):
            result = run(portal_class, "")
        assert result.total == PUBLIC_COUNT
        popularity = [hit.record.popularity for hit in result.hits]
        assert popularity == sorted(popularity, reverse=True)
        assert {hit.score for hit in result.hits} == {0}


def titles_of(hits):
    return [hit.record.title for hit in hits]


class TestFacetsAndPages:
    def test_facet_counts(self, portal_class, catalogue):
        with anonymous(portal_class):
            result = run(portal_class, "")
        facets = result.facets
        assert facets["domain"]["ho-tich"] == 6
        assert facets["domain"]["dat-dai"] == 3
        assert facets["level"] == {"full": 12, "partial": 10, "offline": 5}
        assert facets["online"] == {"1": 12, "0": 15}
        assert facets["applicant"]["organisation"] == 9
        assert facets["agency"][JUSTICE] == 3
        assert sum(facets["level"].values()) == result.total

    def test_filter_narrows_and_keeps_sibling_counts(self, portal_class, catalogue):
        with anonymous(portal_class):
            result = run(portal_class, "dang ky", {"domain": ["cu-tru"]})
        assert titles(result) == ["Đăng ký thường trú", "Đăng ký tạm trú"]
        # Other domains are still counted for this query, so the citizen can switch.
        assert result.facets["domain"]["cu-tru"] == 2
        assert result.facets["domain"]["ho-tich"] == 5
        # Other facets count within the chosen domain.
        assert result.facets["level"] == {"full": 2}

    def test_filters_combine(self, portal_class, catalogue):
        with anonymous(portal_class):
            both = run(portal_class, "", {"domain": ["cu-tru", "xuat-nhap-canh"]})
            online = run(portal_class, "", {"domain": ["cu-tru", "ho-tich"], "online": ["1"]})
            level = run(portal_class, "cap", {"level": ["partial"], "applicant": ["organisation"]})
            agency = run(portal_class, "", {"agency": [JUSTICE]})
        assert both.total == 4
        assert set(titles(online)) == {
            "Đăng ký khai sinh",
            "Đăng ký khai tử",
            "Cấp giấy xác nhận tình trạng hôn nhân",
            "Đăng ký thường trú",
            "Đăng ký tạm trú",
        }
        assert set(titles(level)) == {
            "Chứng thực bản sao từ bản chính tại UBND cấp xã",
            "Cấp giấy chứng nhận quyền sử dụng đất lần đầu",
            "Cấp phép hoạt động trong phạm vi bảo vệ công trình thuỷ lợi",
        }
        assert set(titles(agency)) == {
            "Cấp Phiếu lý lịch tư pháp",
            "Chứng thực bản sao từ bản chính tại UBND cấp xã",
            "Tiếp nhận phản ánh, kiến nghị về quy định TTHC",
        }

    def test_batching(self, portal_class, catalogue):
        with anonymous(portal_class):
            everything = titles(run(portal_class, "dang ky", b_size=100))
            first = run(portal_class, "dang ky", b_start=0, b_size=5)
            second = run(portal_class, "dang ky", b_start=5, b_size=5)
            beyond = run(portal_class, "dang ky", b_start=500, b_size=5)
        assert first.total == second.total == len(everything) > 10
        assert titles(first) + titles(second) == everything[:10]
        assert beyond.hits == [] and beyond.total == len(everything)

    def test_private_procedure_only_for_editors(self, portal_class, catalogue):
        with anonymous(portal_class):
            anonymous_result = run(portal_class, "khai sinh dien tu")
            anonymous_all = run(portal_class, "")
            by_code = run(portal_class, "HNKS99")
        assert PRIVATE_TITLE not in titles(anonymous_result)
        assert PRIVATE_TITLE not in titles(anonymous_all)
        assert by_code.total == 0
        # The draft's words do not change what anonymous users get either.
        assert anonymous_result.partial is True
        assert anonymous_all.facets["domain"]["ho-tich"] == 6

        setRoles(portal_class, TEST_USER_ID, ["Editor"])
        try:
            editor_result = run(portal_class, "khai sinh dien tu")
            editor_all = run(portal_class, "")
        finally:
            setRoles(portal_class, TEST_USER_ID, ["Manager"])
        assert titles(editor_result)[0] == PRIVATE_TITLE
        assert editor_all.total == PUBLIC_COUNT + 1
        assert editor_all.facets["domain"]["ho-tich"] == 7

    def test_member_without_role_sees_published_only(self, portal_class, catalogue):
        api.user.create(email="citizen@example.org", username="citizen", password="secret-12345")
        with api.env.adopt_user(username="citizen"):
            result = run(portal_class, "")
        assert result.total == PUBLIC_COUNT

    def test_facet_titles_in_index(self, portal_class, catalogue):
        index, _result = search_procedures(portal_class, "")
        assert index.domain_titles["thuy-loi"] == "Thủy lợi"
        assert index.agency_titles[WARD] == "UBND phường Hoàn Kiếm"


# ---------------------------------------------------------------------------
# The index cache and the editable abbreviations


def test_index_is_cached_until_the_catalog_changes(portal):
    engine.clear_cache()
    setRoles(portal, TEST_USER_ID, ["Manager"])
    catalog = portal.portal_catalog
    assert catalog_generation(catalog) is not None  # nothing changed in this transaction
    first = catalogue_index(portal)
    assert catalogue_index(portal) is first
    api.content.create(
        container=portal["thu-tuc-hanh-chinh"],
        type="Procedure",
        title="Thủ tục thử nghiệm bộ nhớ đệm",
        local_code="HN-TEST-CACHE",
    )
    # Uncommitted changes: an index of its own, never shared with other transactions.
    assert catalog_generation(catalog) is None
    fresh = catalogue_index(portal)
    assert fresh is not first and fresh.key is None
    assert len(fresh.records) == len(first.records) + 1
    assert "Thủ tục thử nghiệm bộ nhớ đệm" in [r.title for r in fresh.records]


def test_abbreviations_from_the_registry(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    record = api.portal.get_registry_record("dichvucong.abbreviations")
    assert parse_abbreviations(record) == {
        short.upper(): long for short, long in DEFAULT_ABBREVIATIONS.items()
    }
    procedure = api.content.create(
        container=portal["thu-tuc-hanh-chinh"],
        type="Procedure",
        title="Cấp bản sao giấy khai sinh",
        national_code="1.004884",
    )
    api.content.transition(procedure, "publish")
    assert run(portal, "gks").total == 0
    api.portal.set_registry_record("dichvucong.abbreviations", [*record, "GKS=giấy khai sinh"])
    assert titles(run(portal, "gks"))[0] == "Cấp bản sao giấy khai sinh"


def test_registry_default_matches_text_module():
    lines = ISearchSettings["abbreviations"].default
    assert lines == abbreviation_lines(DEFAULT_ABBREVIATIONS)
    assert {k.lower(): v for k, v in parse_abbreviations(lines).items()} == DEFAULT_ABBREVIATIONS


# ---------------------------------------------------------------------------
# Building blocks (no site)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("ky", "ki"),
        ("ki", "ki"),
        ("ly", "li"),
        ("my", "mi"),
        ("quy", "qui"),
        ("y", "i"),
        ("tay", "tay"),  # ay and ai are different rhymes
        ("thuy", "thuy"),
        ("hay", "hay"),
        ("yeu", "yeu"),
        ("001193", "001193"),
    ],
)
def test_canonical_i_y(word, expected):
    assert canonical(word) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("sinh", "snh", True),
        ("sinh", "sinhh", True),
        ("dang", "dnag", True),
        ("chieu", "chiue", True),
        ("tang", "tnag", True),
        ("ket", "kat", True),
        ("sinh", "sinh", True),
        ("sinh", "sanh", True),
        ("sinh", "san", False),
        ("khai", "kahi", True),
        ("khai", "ahki", False),
        ("ho", "hoan", False),
    ],
)
def test_within_one_edit(a, b, expected):
    assert within_one_edit(a, b) is expected
    assert within_one_edit(b, a) is expected


def test_parse_abbreviations_skips_bad_lines():
    lines = ["BHYT = bảo hiểm y tế", "", "no separator", "=nothing", "X=", " GKS=giấy khai sinh "]
    assert parse_abbreviations(lines) == {"BHYT": "bảo hiểm y tế", "GKS": "giấy khai sinh"}


def test_search_params_from_form():
    params = SearchParams.from_form(
        {
            "q": "  dang   ky  ",
            "domain": ["ho-tich", "cu-tru", "ho-tich", ""],
            "level": "full",
            "online": "on",
            "b_start": "20",
            "b_size": "5000",
            "unknown": "x",
        }
    )
    assert params.q == "dang ky"
    assert params.filters == {"domain": ("ho-tich", "cu-tru"), "level": ("full",), "online": ("1",)}
    assert params.b_start == 20 and params.b_size == 100
    assert SearchParams.from_form({"b_start": "x", "b_size": "-3"}).b_start == 0
    toggled = params.toggled("domain", "ho-tich").toggled("agency", "000.01")
    assert toggled.filters["domain"] == ("cu-tru",) and toggled.b_start == 0
    assert toggled.query_string() == (
        "q=dang+ky&domain=cu-tru&agency=000.01&level=full&online=1&b_size=100"
    )
    assert SearchParams().url("http://x/@@procedures") == "http://x/@@procedures"


def synthetic_records(count, seed=7):
    """Realistic-looking titles from common procedure words (for the large-corpus check)."""
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    verbs = ["Cấp", "Cấp lại", "Cấp đổi", "Đăng ký", "Gia hạn", "Thẩm định", "Xác nhận"]
    objects = [
        "giấy phép kinh doanh",
        "giấy phép xây dựng",
        "chứng chỉ hành nghề",
        "giấy chứng nhận đủ điều kiện",
        "thẻ bảo hiểm y tế",
        "giấy phép lao động",
        "hồ sơ địa chính",
        "biển số xe",
        "văn bằng",
        "con dấu",
    ]
    tails = ["dược", "y tế", "giáo dục", "vận tải", "du lịch", "thủy lợi", "môi trường", "đất đai"]
    records = []
    for i in range(count):
        title = f"{rng.choice(verbs)} {rng.choice(objects)} {rng.choice(tails)} số {i}"
        records.append(
            {
                "rid": i,
                "uid": f"uid{i}",
                "path": f"/plone/thu-tuc-hanh-chinh/p{i}",
                "title": title,
                "description": f"Thủ tục {title.lower()} tại Hà Nội.",
                "code": f"9.{i:06d}",
                "level": rng.choice(["full", "partial", "offline"]),
                "domain": f"d{i % 25}",
                "agencies": (f"a{i % 60}",),
                "applicants": ("citizen",),
                "online": i % 3 == 0,
                "popularity": rng.randint(0, 1000),
                "keywords": (),
            }
        )
    records.append({"rid": "needle", "uid": "n", "path": "/p/n", "title": "Đăng ký khai sinh"})
    return records


def test_large_corpus():
    index = CatalogueIndex(synthetic_records(2000))
    assert len(index.records) == 2001
    assert index.search("dang ki khai snh").hits[0].record.title == "Đăng ký khai sinh"
    assert index.search("9.001234").hits[0].record.code == "9.001234"
    result = index.search("cap giay phep", {"level": ["full"]}, b_size=10)
    assert len(result.hits) == 10
    assert all(hit.record.level == "full" for hit in result.hits)
    assert sum(result.facets["level"].values()) > result.total
    visible = frozenset(range(0, 2001, 2))
    some = index.search("bhyt", visible=visible, b_size=2000)
    assert some.total and all(index.by_rid[h.record.rid] in visible for h in some.hits)
