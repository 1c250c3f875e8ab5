"""The catalogue types: addable where they should be, with the fields editors fill."""

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from zope.interface import Invalid
import pytest


@pytest.fixture
def manager(portal):
    """A folder of its own: the Hanoi catalogue data is in the site too."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return api.content.create(container=portal, type="Folder", id="test-area", title="Test")


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
    from dichvucong.catalogue.content.procedure import IProcedure

    class Data:
        national_code = None
        local_code = None

    with pytest.raises(Invalid):
        IProcedure.validateInvariants(Data())


def test_upgrade_step_registered(setup_tool):
    listed = setup_tool.listUpgrades("dichvucong:default", show_old=True)
    steps = [step for item in listed for step in (item if isinstance(item, list) else [item])]
    assert any(step["dest"] == ("2026112102",) for step in steps)
