"""benchmarks/generate_catalogue.py: synthetic, reproducible, in the import format."""

from dichvucong.catalogue.content.procedure import CHANNELS_SCHEMA
from dichvucong.catalogue.content.procedure import DOCUMENTS_SCHEMA
from dichvucong.catalogue.content.procedure import LEGAL_BASIS_SCHEMA
from dichvucong.catalogue.transfer.importer import import_file
from dichvucong.catalogue.transfer.kinds import KINDS
from dichvucong.catalogue.transfer.reader import read_rows
from pathlib import Path
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
import importlib.util
import json
import jsonschema
import pytest
import re
import subprocess
import sys


SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "generate_catalogue.py"
FILES = ("domains", "agencies", "procedures")
COUNT = 50


def load_generator():
    spec = importlib.util.spec_from_file_location("generate_catalogue", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generator = load_generator()


def run(out, seed=42, fmt="json", count=COUNT):
    """The script in its own process, as `make bench` runs it."""
    args = ["--count", str(count), "--seed", str(seed), "--out", str(out), "--format", fmt]
    result = subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def json_dir(tmp_path_factory):
    return run(tmp_path_factory.mktemp("json"))


@pytest.fixture(scope="module")
def catalogue(json_dir):
    return {name: json.loads((json_dir / f"{name}.json").read_text("utf-8")) for name in FILES}


def code_of(procedure):
    return procedure.get("national_code") or procedure.get("local_code")


def test_same_seed_same_bytes(json_dir, tmp_path):
    # Another process (another hash seed) and the in-process entry point agree.
    again = tmp_path / "again"
    assert generator.main(["--count", str(COUNT), "--seed", "42", "--out", str(again)]) == 0
    for name in FILES:
        assert (json_dir / f"{name}.json").read_bytes() == (again / f"{name}.json").read_bytes()


def test_other_seed_other_catalogue(json_dir, tmp_path):
    other = tmp_path / "other"
    generator.main(["--count", str(COUNT), "--seed", "7", "--out", str(other)])
    assert (json_dir / "procedures.json").read_bytes() != (other / "procedures.json").read_bytes()


def test_json_lists_with_the_documented_fields(catalogue):
    assert len(catalogue["procedures"]) == COUNT
    for name in FILES:
        records = catalogue[name]
        assert isinstance(records, list) and records
        for record in records:
            assert set(record) <= set(KINDS[name].fields), record
            for required in KINDS[name].required:
                assert record.get(required) not in (None, "", [])


def test_procedures_are_valid_and_synthetic(catalogue):
    schemas = {
        "channels": json.loads(CHANNELS_SCHEMA),
        "documents": json.loads(DOCUMENTS_SCHEMA),
        "legal_basis": json.loads(LEGAL_BASIS_SCHEMA),
    }
    domains = {domain["code"] for domain in catalogue["domains"]}
    agencies = {agency["code"] for agency in catalogue["agencies"]}
    codes = [code_of(procedure) for procedure in catalogue["procedures"]]
    assert codes == [f"SYN-{number:06d}" for number in range(1, COUNT + 1)]
    for procedure in catalogue["procedures"]:
        for name, schema in schemas.items():
            jsonschema.validate(procedure.get(name, []), schema)
        assert "Dữ liệu giả lập cho đo hiệu năng" in procedure["description"]
        assert procedure["level"] in {"full", "partial", "offline"}
        assert set(procedure.get("applicant_types", [])) <= {"citizen", "organisation"}
        assert procedure["domain"] in domains
        assert procedure["implementing_agency"] in agencies
        assert procedure.get("competent_agency", procedure["implementing_agency"]) in agencies
        assert set(procedure.get("related_procedures", [])) <= set(codes)
        assert isinstance(procedure["popularity"], int) and procedure["popularity"] >= 0
        assert "national_code" not in procedure  # no real national codes
    titles = [procedure["title"] for procedure in catalogue["procedures"]]
    assert len(set(titles)) == len(titles)


def test_values_are_varied(catalogue):
    procedures = catalogue["procedures"]
    assert {p["level"] for p in procedures} == {"full", "partial", "offline"}
    assert len({p["domain"] for p in procedures}) > 5
    assert len({p["implementing_agency"] for p in procedures}) > 5
    channels = [c for p in procedures for c in p["channels"]]
    assert {c["channel"] for c in channels} == {"in_person", "online", "post"}
    # Unknown times and fees are null ("to be confirmed"), never an invented 0.
    assert any(c["time"] is None for c in channels)
    assert any(c["fee"] is None for c in channels)
    assert any(c["fee"] == 0 for c in channels)
    assert any(d.get("case") for p in procedures for d in p["documents"])
    assert len({p["popularity"] for p in procedures}) > 5


def test_codes_unique_and_agencies_in_import_order(catalogue):
    for name in ("domains", "agencies"):
        codes = [record["code"] for record in catalogue[name]]
        assert len(set(codes)) == len(codes)
        assert all(re.fullmatch(r"[!-~]+", code) for code in codes)
    seen = set()
    for agency in catalogue["agencies"]:
        assert not agency.get("parent") or agency["parent"] in seen
        seen.add(agency["code"])
    kinds = {agency["kind"] for agency in catalogue["agencies"]}
    assert {"department", "centre", "branch", "district"} <= kinds
    dissolved = [a for a in catalogue["agencies"] if a["kind"] == "district"]
    assert all(a["valid_to"] == "2025-06-30" for a in dissolved)


def test_csv_reads_back_as_the_json(catalogue, tmp_path):
    run(tmp_path, fmt="csv")
    for name in FILES:
        kind = KINDS[name]
        path = tmp_path / f"{name}.csv"
        rows = read_rows(path.read_bytes(), path.name, kind)
        assert len(rows) == len(catalogue[name])
        for (_number, values), record in zip(rows, catalogue[name], strict=True):
            assert list(values) == list(kind.fields)  # every column, in the documented order
            for field in kind.fields:
                expected = record.get(field)
                if field in ("channels", "documents", "legal_basis", *generator.TEXT_LISTS):
                    expected = expected or []
                elif field == "popularity":
                    expected = str(expected)
                else:
                    expected = expected or ""
                assert values[field] == expected, (name, field)


def test_refuses_invalid_records():
    catalogue = generator.generate(3, seed=1)
    catalogue["procedures"][0]["channels"][0]["fee"] = -5
    catalogue["procedures"][1]["domain"] = "NOPE"
    with pytest.raises(ValueError, match="domain NOPE"):
        generator.validate(catalogue)


def test_import_through_the_catalogue_importer(portal, tmp_path):
    """The files import as they are: no row rejected."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    generator.main(["--count", "20", "--seed", "3", "--out", str(tmp_path)])
    for name in FILES:
        path = tmp_path / f"{name}.json"
        report = import_file(portal, path.read_bytes(), path.name, name)
        assert report.error in (None, "")
        assert [(r.row, r.reason) for r in report.rows if r.status == "rejected"] == []
        assert report.count("created") == len(json.loads(path.read_text("utf-8")))
