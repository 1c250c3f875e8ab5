"""Importing and exporting the catalogue: upsert by code, row by row, with a report."""

from dichvucong.catalogue.transfer.exporter import export
from dichvucong.catalogue.transfer.importer import import_file
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
import json
import pytest
import transaction


DOMAINS = [{"code": "t-ho-tich", "title": "Hộ tịch (thử)"}]
AGENCIES = [
    {"code": "T-CITY", "title": "Thành phố thử", "kind": "city"},
    {"code": "T-WARD", "title": "Phường thử", "kind": "ward", "parent": "T-CITY"},
]


def procedure(code, title, **extra):
    record = {
        "local_code": code,
        "title": title,
        "level": "full",
        "domain": "t-ho-tich",
        "implementing_agency": "T-WARD",
        "applicant_types": ["citizen"],
        "channels": [{"channel": "online", "time": 3, "time_unit": "working_days", "fee": None}],
        "documents": [{"name": "Tờ khai", "originals": 1, "copies": 0}],
        "keywords": ["khai sinh"],
    }
    record.update(extra)
    return record


def as_json(records):
    return json.dumps(records, ensure_ascii=False).encode("utf-8")


@pytest.fixture
def site(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    assert not import_file(portal, as_json(DOMAINS), "domains.json", "domains").rejected
    assert not import_file(portal, as_json(AGENCIES), "agencies.json", "agencies").rejected
    return portal


def find(code):
    brains = api.content.find(catalogue_code=code)
    return brains[0].getObject() if brains else None


def test_import_creates_published_records_in_place(site):
    report = import_file(
        site,
        as_json(
            [procedure("T-1", "Đăng ký khai sinh thử"), procedure("T-2", "Đăng ký kết hôn thử")]
        ),
        "procedures.json",
        "procedures",
    )
    assert report.counts == {"created": 2, "updated": 0, "unchanged": 0, "rejected": 0}
    obj = find("T-1")
    assert obj.aq_parent.getId() == "thu-tuc-hanh-chinh"
    assert api.content.get_state(obj) == "published"
    assert obj.channels[0]["time"] == 3 and obj.applicant_types == {"citizen"}
    ward = find("T-WARD")
    assert ward.aq_parent.getId() == find("T-CITY").getId()


def test_reimport_unchanged_writes_nothing(site):
    data = as_json([procedure(f"T-{n}", f"Thủ tục thử {n}") for n in range(20)])
    import_file(site, data, "procedures.json", "procedures")
    transaction.savepoint()
    jar = site._p_jar
    report = import_file(site, data, "procedures.json", "procedures")
    assert report.counts["unchanged"] == 20
    assert report.counts["created"] == report.counts["updated"] == 0
    assert jar._registered_objects == []


def test_update_reports_changed_fields(site):
    import_file(site, as_json([procedure("T-1", "Thủ tục A")]), "procedures.json", "procedures")
    changed = procedure("T-1", "Thủ tục A", result="Giấy khai sinh", level="partial")
    report = import_file(site, as_json([changed]), "procedures.json", "procedures")
    (row,) = report.rows
    assert row.status == "updated"
    assert set(row.changed) == {"result", "level"}
    assert find("T-1").level == "partial"


def test_dry_run_writes_nothing(site):
    report = import_file(
        site, as_json([procedure("T-9", "Thủ tục chạy thử")]), "p.json", "procedures", dry_run=True
    )
    assert report.counts["created"] == 1 and report.dry_run
    assert find("T-9") is None


def test_bad_rows_rejected_whole_others_imported(site):
    rows = [
        procedure("T-1", "Hợp lệ"),
        procedure("T-2", "Kênh sai", channels=[{"channel": "fax"}]),
        procedure("T-3", "Lĩnh vực không có", domain="khong-co"),
        procedure("T-4", "Mức độ sai", level="every"),
        {"local_code": "T-5", "title": "Thiếu mức độ"},
        procedure("T-6", "Trường lạ", colour="red"),
        procedure("T-7", "Ngày sai", popularity="nhiều"),
        "not an object",
    ]
    report = import_file(site, as_json(rows), "procedures.json", "procedures")
    assert report.counts["created"] == 1
    rejected = {row.row: row.reason for row in report.rejected}
    assert sorted(rejected) == [2, 3, 4, 5, 6, 7, 8]
    assert "channel" in rejected[2] or "fax" in rejected[2]
    assert "khong-co" in rejected[3]
    assert "level" in rejected[5]
    assert "colour" in rejected[6]
    for code in ("T-2", "T-3", "T-4", "T-5", "T-6", "T-7"):
        assert find(code) is None


def test_duplicate_codes_rejected(site):
    rows = [procedure("T-1", "Một"), procedure("T-1", "Hai"), procedure("T-2", "Ba")]
    report = import_file(site, as_json(rows), "procedures.json", "procedures")
    assert [row.status for row in report.rows] == ["rejected", "rejected", "created"]
    assert "more than once" in report.rows[0].reason
    assert find("T-1") is None


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        ("Đăng ký".encode("cp1258", errors="replace") + b"\xff\xfe", "p.csv", "not UTF-8"),
        (b"local_code,title\nT-1,Thu tuc\n", "p.csv", "missing required column"),
        (b'{"not": "a list"}', "p.json", "list of records"),
        (b"[1, 2", "p.json", "not valid JSON"),
        (bytes(range(256)) * 40960, "garbage.bin", "not UTF-8"),
        (b"A" * (10 * 1024 * 1024), "garbage.csv", "not valid CSV"),
        (b"", "p.json", "empty"),
        (b"[]", "p.json", "no records"),
    ],
)
def test_malformed_files_change_nothing(site, data, filename, message):
    before = len(api.content.find(portal_type="Procedure"))
    report = import_file(site, data, filename, "procedures")
    assert message in report.error
    assert report.rows == []
    assert len(api.content.find(portal_type="Procedure")) == before


def test_agency_parent_must_exist(site):
    rows = [{"code": "T-X", "title": "Xã mồ côi", "kind": "commune", "parent": "NOPE"}]
    report = import_file(site, as_json(rows), "agencies.json", "agencies")
    assert "NOPE" in report.rejected[0].reason


def test_related_procedures_resolved_within_the_file(site):
    rows = [
        procedure("T-1", "Khai sinh", related_procedures=["T-2"]),
        procedure("T-2", "Thường trú"),
    ]
    report = import_file(site, as_json(rows), "procedures.json", "procedures")
    assert report.counts["created"] == 2
    assert [rel.to_object.code for rel in find("T-1").related_procedures] == ["T-2"]
    again = import_file(site, as_json(rows), "procedures.json", "procedures")
    assert again.counts["unchanged"] == 2


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_reimports_unchanged(site, fmt):
    rows = [procedure("T-1", "Khai sinh", steps=["Nộp", "Nhận"]), procedure("T-2", "Kết hôn")]
    import_file(site, as_json(rows), "procedures.json", "procedures")
    for kind in ("domains", "agencies", "procedures"):
        data = export(site, kind, fmt)
        report = import_file(site, data, f"{kind}.{fmt}", kind)
        assert report.error == ""
        assert report.counts["unchanged"] == len(report.rows), report.as_dict()
        assert report.rows


def test_csv_import(site):
    csv_text = (
        "local_code,title,level,keywords,channels\n"
        'T-C1,Cấp bản sao,partial,bản sao | trích lục,"[{""channel"": ""post"", ""fee"": 8000}]"\n'
    )
    report = import_file(site, csv_text.encode("utf-8"), "procedures.csv", "procedures")
    assert report.counts["created"] == 1, report.as_dict()
    obj = find("T-C1")
    assert obj.keywords == ["bản sao", "trích lục"]
    assert obj.channels == [{"channel": "post", "fee": 8000}]
