"""The catalogue types: addable where they should be, with the fields editors fill."""

from dichvucong.catalogue.content.procedure import IProcedure
from plone import api
from plone.restapi.interfaces import ISerializeToJson
from zope.component import getMultiAdapter
from zope.interface import Invalid
import pytest


@pytest.fixture
def manager(manager_portal):
    """A folder of its own: the Hanoi catalogue data is in the site too."""
    return api.content.create(container=manager_portal, type="Folder", id="test-area", title="Test")


def find(folder, **query):
    return api.content.find(context=folder, **query)


@pytest.mark.parametrize("portal_type", ["Procedure", "Agency", "Domain"])
def test_fti(get_fti, portal_type):
    fti = get_fti(portal_type)
    assert fti is not None
    assert fti.klass == f"dichvucong.catalogue.content.{portal_type.lower()}.{portal_type}"


def test_procedure_fields_and_indexes(manager):
    domain = api.content.create(
        container=manager, type="Domain", id="ho-tich", title="Hộ tịch", code="t-ho-tich"
    )
    agency = api.content.create(
        container=manager,
        type="Agency",
        id="ubnd",
        title="UBND phường",
        code="T-000.01",
        kind="ward",
    )
    procedure = api.content.create(
        container=manager,
        type="Procedure",
        title="Đăng ký khai sinh",
        national_code="1.001193",
        level="full",
        domain="t-ho-tich",
        applicant_types={"citizen"},
        implementing_agency="T-000.01",
        channels=[{"channel": "online", "time": None, "time_unit": "working_days"}],
        keywords=["làm giấy khai sinh"],
    )
    assert procedure.code == "1.001193"
    brains = find(manager, catalogue_code="1.001193")
    assert [b.getObject() for b in brains] == [procedure]
    (brain,) = api.content.find(procedure_domain="t-ho-tich", procedure_agencies="T-000.01")
    assert brain.procedure_level == "full"
    assert brain.has_online_form is False
    assert domain.code == "t-ho-tich" and agency.is_current()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dang ky khai sinh", 1),
        ("1.001193", 1),
        ("lam giay khai sinh", 1),
        ("khai tu", 0),
    ],
)
def test_site_wide_search(manager, query, expected):
    api.content.create(
        container=manager,
        type="Procedure",
        title="Đăng ký khai sinh",
        national_code="1.001193",
        keywords=["làm giấy khai sinh"],
    )
    assert len(find(manager, SearchableText=query, portal_type="Procedure")) == expected


def test_abbreviations_in_site_wide_search(manager):
    api.content.create(
        container=manager, type="Procedure", title="Cấp thẻ căn cước công dân", local_code="L1"
    )
    api.content.create(
        container=manager, type="Procedure", title="Cấp lại thẻ BHYT", local_code="L2"
    )
    assert len(find(manager, SearchableText="CCCD", portal_type="Procedure")) == 1
    assert len(find(manager, SearchableText="bao hiem y te", portal_type="Procedure")) == 1


def test_procedure_needs_a_code():
    class Data:
        national_code = None
        local_code = None

    with pytest.raises(Invalid):
        IProcedure.validateInvariants(Data())


def test_alphabetical_listing_in_vietnamese_order(manager):
    titles = ["Đăng ký khai tử", "Duy trì hộ tịch", "Ân giảm", "An toàn thực phẩm", "Cấp phép"]
    for number, title in enumerate(titles):
        api.content.create(
            container=manager, type="Procedure", title=title, local_code=f"T-S{number}"
        )
    listed = [b.Title for b in find(manager, portal_type="Procedure", sort_on="sortable_title")]
    assert listed == [
        "An toàn thực phẩm",
        "Ân giảm",
        "Cấp phép",
        "Duy trì hộ tịch",
        "Đăng ký khai tử",
    ]


def test_procedure_through_the_rest_api(manager):
    procedure = api.content.create(
        container=manager,
        type="Procedure",
        title="Đăng ký tạm trú thử",
        local_code="T-R1",
        level="full",
        applicant_types={"citizen"},
        channels=[{"channel": "online", "time": 3, "time_unit": "working_days", "fee": 7000}],
        documents=[{"name": "Tờ khai thay đổi thông tin cư trú", "originals": 1}],
        legal_basis=[{"number": "55/2021/NĐ-CP"}],
        steps=["Nộp hồ sơ", "Nhận kết quả"],
        keywords=["tạm trú"],
    )
    data = getMultiAdapter((procedure, manager.REQUEST), ISerializeToJson)()
    assert data["local_code"] == "T-R1"
    assert data["level"]["token"] == "full"
    assert data["channels"][0]["fee"] == 7000
    assert data["documents"][0]["name"].startswith("Tờ khai")
    assert data["legal_basis"][0]["number"] == "55/2021/NĐ-CP"
    assert data["steps"] == ["Nộp hồ sơ", "Nhận kết quả"]
    assert [t["token"] for t in data["applicant_types"]] == ["citizen"]
