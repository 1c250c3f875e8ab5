"""profiles/hanoi/ makes the site Hanoi's: title, languages, navigation, contact."""

from dichvucong.catalogue.transfer.importer import import_file
from pathlib import Path
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
import pytest


SECTIONS = [
    ("thu-tuc-hanh-chinh", "Thủ tục hành chính"),
    ("dich-vu-cong-truc-tuyen", "Dịch vụ công trực tuyến"),
    ("huong-dan", "Hướng dẫn"),
    ("tin-tuc", "Tin tức - Truyền thông"),
    ("tra-cuu-ho-so", "Tra cứu hồ sơ"),
    ("thong-ke", "Thống kê"),
    ("hoi-dap-gop-y", "Hỏi đáp - Góp ý"),
]


def test_site_title(portal):
    assert portal.title == "Cổng dịch vụ công thành phố Hà Nội"
    assert api.portal.get_registry_record("plone.site_title") == portal.title


def test_vietnamese_default_english_available(portal):
    assert api.portal.get_registry_record("plone.default_language") == "vi"
    assert api.portal.get_registry_record("plone.available_languages") == ["vi", "en"]
    assert portal.Language() == "vi"


def test_timezone(portal):
    assert api.portal.get_registry_record("plone.portal_timezone") == "Asia/Ho_Chi_Minh"


def test_main_navigation_sections_in_order(portal):
    ids = [obj_id for obj_id in portal.objectIds() if obj_id in dict(SECTIONS)]
    assert ids == [section_id for section_id, _ in SECTIONS]
    for section_id, title in SECTIONS:
        assert portal[section_id].title == title


def test_sections_visible_to_anonymous(portal):
    for section_id, _ in SECTIONS:
        assert api.content.get_state(portal[section_id]) == "published"


def test_contact_details_in_registry(portal):
    prefix = "dichvucong.contact"
    assert "197 Nghi Tàm" in api.portal.get_registry_record(f"{prefix}.address")
    # Unknown facts stay empty rather than invented.
    assert api.portal.get_registry_record(f"{prefix}.phone") in ("", None)


def test_reapplying_city_profile_keeps_editors_work(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    portal["huong-dan"].title = "Hướng dẫn sử dụng"
    api.content.delete(portal["thong-ke"])
    setup = portal.portal_setup
    setup.runAllImportStepsFromProfile("profile-dichvucong:hanoi")
    assert portal["huong-dan"].title == "Hướng dẫn sử dụng"
    # A missing section is recreated, at its place in the navigation.
    assert portal["thong-ke"].title == "Thống kê"
    ids = [obj_id for obj_id in portal.objectIds() if obj_id in dict(SECTIONS)]
    assert ids == [section_id for section_id, _ in SECTIONS]


@pytest.mark.parametrize("section_id", ["thong-ke", "hoi-dap-gop-y"])
def test_placeholder_pages_have_text(portal, section_id):
    assert portal[section_id].text.raw.strip()


def test_lookup_section_shows_the_status_lookup(portal):
    assert portal["tra-cuu-ho-so"].getLayout() == "dossier-lookup"


def test_catalogue_data_imported(portal):
    """The 25 essential services are in the catalogue of a new Hanoi site."""
    brains = api.content.find(portal_type="Procedure", SearchableText="thiet yeu")
    assert len(brains) >= 25
    assert len(api.content.find(portal_type="Agency")) >= 30
    (birth,) = api.content.find(catalogue_code="1.001193")
    assert "khai sinh" in birth.Title.lower()
    assert birth.review_state == "published"


def test_catalogue_data_reimport_is_unchanged(portal):
    folder = Path(__file__).resolve().parents[2] / "profiles" / "hanoi" / "catalogue"
    for kind in ("domains", "agencies", "procedures"):
        report = import_file(portal, (folder / f"{kind}.json").read_bytes(), kind, kind)
        assert report.counts["unchanged"] == len(report.rows), report.summary()
