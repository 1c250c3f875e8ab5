"""The Hanoi catalogue data (profiles/hanoi/catalogue/*.json), checked without a site.

The files follow docs/catalogue-format.md; the structured fields of procedures must pass
the same JSON schemas as the edit form and the import.
"""

from dichvucong.catalogue.content.procedure import CHANNELS_SCHEMA
from dichvucong.catalogue.content.procedure import DOCUMENTS_SCHEMA
from dichvucong.catalogue.content.procedure import LEGAL_BASIS_SCHEMA
from dichvucong.catalogue.transfer.kinds import KINDS
from pathlib import Path
import datetime
import json
import jsonschema
import pytest
import re
import unicodedata


DATA = Path(__file__).resolve().parents[2] / "profiles" / "hanoi" / "catalogue"
FILES = ("domains", "agencies", "procedures")

# The import format's own field lists and required fields.
FIELDS = {name: set(kind.fields) for name, kind in KINDS.items()}
REQUIRED = {name: kind.required for name, kind in KINDS.items()}
AGENCY_KINDS = {
    "city",
    "department",
    "centre",
    "branch",
    "ward",
    "commune",
    "district",
    "police",
    "other",
}
LEVELS = {"full", "partial", "offline"}
APPLICANT_TYPES = {"citizen", "organisation"}
ESSENTIAL = "dịch vụ công thiết yếu"

# The code patterns documented in profiles/hanoi/catalogue/README.md.
DOMAIN_CODE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
AGENCY_CODE = re.compile(r"HN(-[A-Z0-9]+)*")
NATIONAL_CODE = re.compile(r"\d\.\d{6}")
LOCAL_CODE = re.compile(r"HN-DVCTY-\d{2}")
# A Vietnamese phone number: 0 or +84, then 8 to 10 digits, maybe grouped.
PHONE = re.compile(r"(?<![\d./])(?:\+84[ .-]?|0)\d(?:[ .-]?\d){7,9}(?![\d/])")


def load(name):
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def code_of(name, record):
    if name == "procedures":
        return record.get("national_code") or record.get("local_code")
    return record["code"]


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)


def is_date(text):
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) is not None


@pytest.fixture(scope="module")
def data():
    return {name: load(name) for name in FILES}


@pytest.mark.parametrize("name", FILES)
def test_file_is_a_pretty_printed_list_of_objects(name):
    text = (DATA / f"{name}.json").read_text(encoding="utf-8")
    records = json.loads(text)
    assert isinstance(records, list)
    assert records
    assert all(isinstance(record, dict) for record in records)
    assert text == json.dumps(records, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("name", FILES)
def test_required_and_known_fields(name, data):
    for record in data[name]:
        unknown = set(record) - FIELDS[name]
        assert not unknown, (record.get("title"), unknown)
        for field in REQUIRED[name]:
            assert isinstance(record.get(field), str), (record.get("title"), field)
            assert record[field].strip(), (record.get("title"), field)


@pytest.mark.parametrize("name", FILES)
def test_codes_unique_and_ascii(name, data):
    codes = [code_of(name, record) for record in data[name]]
    assert all(codes), name
    assert len(codes) == len(set(codes)), name
    for code in codes:
        assert code.isascii(), code
        assert " " not in code, code


def test_code_patterns(data):
    for domain in data["domains"]:
        assert DOMAIN_CODE.fullmatch(domain["code"]), domain["code"]
    for agency in data["agencies"]:
        assert AGENCY_CODE.fullmatch(agency["code"]), agency["code"]
    for procedure in data["procedures"]:
        assert procedure.get("national_code") or procedure.get("local_code")
        if "national_code" in procedure:
            assert NATIONAL_CODE.fullmatch(procedure["national_code"])
        if "local_code" in procedure:
            assert LOCAL_CODE.fullmatch(procedure["local_code"])


def test_agencies(data):
    codes = {agency["code"] for agency in data["agencies"]}
    for agency in data["agencies"]:
        assert agency["kind"] in AGENCY_KINDS, agency["code"]
        parent = agency.get("parent")
        if parent:
            assert parent in codes, (agency["code"], parent)
            assert parent != agency["code"]
        for field in ("valid_from", "valid_to"):
            if agency.get(field):
                assert is_date(agency[field]), (agency["code"], field)
        if agency["kind"] in ("ward", "commune"):
            assert agency.get("parent") == "HN", agency["code"]
            assert agency.get("valid_from") == "2025-07-01", agency["code"]
    assert [a["code"] for a in data["agencies"] if a["kind"] == "city"] == ["HN"]


def test_procedure_values(data):
    for procedure in data["procedures"]:
        code = code_of("procedures", procedure)
        assert procedure["level"] in LEVELS, code
        assert set(procedure.get("applicant_types", [])) <= APPLICANT_TYPES, code
        for field in ("steps", "keywords", "related_procedures"):
            values = procedure.get(field, [])
            assert isinstance(values, list), (code, field)
            assert all(isinstance(v, str) and v.strip() for v in values), (code, field)
        if "popularity" in procedure:
            assert isinstance(procedure["popularity"], int), code
            assert procedure["popularity"] >= 0, code


def test_procedure_references(data):
    domains = {domain["code"] for domain in data["domains"]}
    agencies = {agency["code"] for agency in data["agencies"]}
    procedures = {code_of("procedures", p) for p in data["procedures"]}
    for procedure in data["procedures"]:
        code = code_of("procedures", procedure)
        if procedure.get("domain"):
            assert procedure["domain"] in domains, (code, procedure["domain"])
        for field in ("implementing_agency", "competent_agency"):
            if procedure.get(field):
                assert procedure[field] in agencies, (code, field, procedure[field])
        for related in procedure.get("related_procedures", []):
            assert related in procedures, (code, related)
            assert related != code


@pytest.mark.parametrize(
    ("field", "schema"),
    [
        ("channels", CHANNELS_SCHEMA),
        ("documents", DOCUMENTS_SCHEMA),
        ("legal_basis", LEGAL_BASIS_SCHEMA),
    ],
)
def test_json_fields_match_the_schemas(data, field, schema):
    schema = json.loads(schema)
    jsonschema.Draft202012Validator.check_schema(schema)
    for procedure in data["procedures"]:
        if field in procedure:
            jsonschema.validate(procedure[field], schema)


def test_legal_basis_dates(data):
    for procedure in data["procedures"]:
        for entry in procedure.get("legal_basis", []):
            if entry.get("date"):
                assert is_date(entry["date"]), (procedure["title"], entry["number"])


@pytest.mark.parametrize("name", FILES)
def test_text_is_nfc(name, data):
    for text in strings(data[name]):
        assert unicodedata.normalize("NFC", text) == text, text


def test_essential_services_are_tagged(data):
    tagged = [p for p in data["procedures"] if ESSENTIAL in p.get("keywords", [])]
    assert len(tagged) >= 25


@pytest.mark.parametrize("name", FILES)
def test_no_phone_numbers(name, data):
    for record in data[name]:
        assert not record.get("phone"), record.get("code")
    for text in strings(data[name]):
        assert not PHONE.search(text), text
