"""GET @procedures over real HTTP: the same search as the page, as JSON, for anyone."""

from pathlib import Path
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.catalogue.birds import BIRD_PROCEDURES
from tests.catalogue.birds import DRAFT
from tests.catalogue.birds import PUBLISHED
import importlib.util
import pytest
import requests


JSON = {"Accept": "application/json"}


@pytest.fixture
def api_url(functional, birds):
    return birds.absolute_url()


def get(api_url, auth=None, **params):
    response = requests.get(
        f"{api_url}/@procedures", params=params, headers=JSON, auth=auth, timeout=30
    )
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].startswith("application/json")
    return response.json()


def test_anonymous_search(api_url):
    data = get(api_url, q="chim yen")
    assert data["@id"] == f"{api_url}/@procedures?q=chim+yen"
    assert data["items_total"] == 3
    assert [item["title"] for item in data["items"]] == PUBLISHED
    first = data["items"][0]
    assert set(first) == {
        "@id",
        "title",
        "description",
        "code",
        "level",
        "domain",
        "has_online_form",
        "score",
    }
    assert first["@id"].startswith(f"{api_url}/thu-tuc-hanh-chinh/")
    assert first["code"] == "HN-YEN-01"
    assert first["level"] == "full"
    assert first["domain"] == "chan-nuoi-yen"
    assert first["has_online_form"] is False
    assert first["score"] > 0


def test_same_semantics_as_the_page(api_url):
    # no accents, a typo in the last word, i/y, upper case
    data = get(api_url, q="CAP GIAY CHUNG NHAN CO SO NUOI CHIM YNE")
    assert data["items"][0]["title"] == "Cấp giấy chứng nhận cơ sở nuôi chim yến"
    assert get(api_url, q="HN-YEN-03")["items"][0]["title"] == "Cấp phép khai thác tổ chim yến"


def test_facets(api_url):
    data = get(api_url, q="chim yen")
    facets = data["facets"]
    assert set(facets) == {"domain", "agency", "level", "applicant", "online"}
    domains = {entry["value"]: entry for entry in facets["domain"]}
    assert domains["chan-nuoi-yen"]["count"] == 2
    assert domains["chan-nuoi-yen"]["title"] == "Chăn nuôi chim yến"
    assert domains["lam-nghiep-yen"]["count"] == 1
    assert [(e["value"], e["count"]) for e in facets["level"]] == [
        ("full", 1),
        ("partial", 1),
        ("offline", 1),
    ]
    assert [(e["value"], e["count"]) for e in facets["applicant"]] == [("citizen", 3)]
    assert [(e["value"], e["count"]) for e in facets["online"]] == [("0", 3)]
    assert all(
        set(e) == {"value", "title", "count", "selected"} for f in facets.values() for e in f
    )


def test_filters(api_url):
    data = get(api_url, q="chim yen", domain="chan-nuoi-yen")
    assert [item["title"] for item in data["items"]] == PUBLISHED[:2]
    chosen = [e for e in data["facets"]["domain"] if e["selected"]]
    assert [e["value"] for e in chosen] == ["chan-nuoi-yen"]
    data = get(api_url, q="chim yen", domain=["chan-nuoi-yen", "lam-nghiep-yen"], level="offline")
    assert [item["title"] for item in data["items"]] == ["Cấp phép khai thác tổ chim yến"]
    assert get(api_url, q="chim yen", online="1")["items_total"] == 0
    assert get(api_url, q="chim yen", online="0")["items_total"] == 3


def test_batching(api_url):
    data = get(api_url, q="chim yen", b_size=2)
    assert data["items_total"] == 3
    assert len(data["items"]) == 2
    batching = data["batching"]
    assert batching["@id"] == f"{api_url}/@procedures?q=chim+yen&b_size=2"
    assert batching["next"] == f"{api_url}/@procedures?q=chim+yen&b_start=2&b_size=2"
    assert batching["last"] == batching["next"]
    assert "prev" not in batching
    second = requests.get(batching["next"], headers=JSON, timeout=30).json()
    assert [item["title"] for item in second["items"]] == PUBLISHED[2:]
    assert second["batching"]["prev"] == batching["first"]
    assert "next" not in second["batching"]


def test_private_procedure_for_editors_only(api_url):
    anonymous = get(api_url, q="chim yen")
    assert DRAFT not in [item["title"] for item in anonymous["items"]]
    owner = get(api_url, auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), q="chim yen")
    assert owner["items_total"] == len(BIRD_PROCEDURES)
    assert owner["items"][0]["title"] == DRAFT


def test_bad_parameters_are_tolerated(api_url):
    data = get(api_url, q="chim yen", b_start="x", b_size="100000", online="maybe")
    assert data["items_total"] == 3
    assert get(api_url, q="")["items_total"] >= 3


def test_empty_result(api_url):
    data = get(api_url, q="qqqzzz")
    assert data["items_total"] == 0
    assert data["items"] == []
    assert all(entries == [] for entries in data["facets"].values())


def load_bench():
    """benchmarks/search_bench.py (a script, not a package module)."""
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "search_bench.py"
    spec = importlib.util.spec_from_file_location("search_bench", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_statistics():
    bench = load_bench()
    assert bench.percentile([], 50) is None
    assert bench.percentile([0.5], 99) == 0.5
    assert bench.percentile([4, 1, 3, 2], 50) == 2.5
    assert bench.percentile(list(range(1, 101)), 95) == pytest.approx(95.05)
    assert bench.percentile(list(range(1, 101)), 100) == 100
    row = bench.summarise("api", [0.01, 0.02, 0.03, 0.04], 1, 2.0, 4)
    assert row["requests"] == 5 and row["errors"] == 1
    assert row["p50"] == pytest.approx(0.025)
    assert row["throughput"] == pytest.approx(2.0)
    table = bench.markdown([row])
    assert "| api | 5 | 1 | 4 | 25.0 |" in table


def test_bench_query_mix_and_local_only():
    bench = load_bench()
    assert len(bench.query_mix()) == 50
    assert len(bench.query_mix(["d1", "d2", "d3"], ["a1"])) == 50
    for url in ("http://example.org/hanoi", "https://127.0.0.1/hanoi", "http://10.0.0.1:8080/x"):
        with pytest.raises(SystemExit):
            bench.Target(url)
    assert bench.Target("http://localhost:8080/hanoi/").path == "/hanoi"


def test_bench_against_the_test_server(api_url, tmp_path, capsys):
    bench = load_bench()
    out = tmp_path / "search.md"
    code = bench.main(
        ["--url", api_url, "--clients", "2", "--requests", "12", "--markdown", str(out)]
    )
    report = capsys.readouterr().out
    assert code == 0, report
    assert report == out.read_text(encoding="utf-8")
    rows = [line for line in report.splitlines() if line.startswith("| page") or "| api" in line]
    assert len(rows) == 2
    assert all(line.split("|")[2].strip() == "12" for line in rows)
