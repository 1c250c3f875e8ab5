"""200 citizens submitting at once against a running portal (the real `make start`
scripts, a throw-away instance): 200 dossiers, 200 distinct codes, no error page."""

from concurrent.futures import ThreadPoolExecutor
from tests.helpers.instance import ADMIN_PASSWORD
from tests.helpers.instance import ADMIN_USER
from tests.helpers.instance import ROOT
from tests.helpers.instance import Server
from tests.helpers.instance import instance_env
import pytest
import requests
import sys


sys.path.insert(0, str(ROOT / "benchmarks"))

from submitflow import Citizen


pytestmark = pytest.mark.deploy
SUBMISSIONS = 200
CLIENTS = 32


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    env = instance_env(tmp_path_factory.mktemp("concurrent"), DEMO_PASSWORD="test-demo")
    server = Server(env)
    yield f"http://127.0.0.1:{env['PORT']}/hanoi"
    server.stop()


def test_200_concurrent_submissions(portal):
    citizens = [Citizen(portal, userid, "test-demo") for userid in ("congdan", "congdan2")]

    def one(number):
        return citizens[number % 2].submit_birth(child_name=f"Tre so {number}")

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        results = list(pool.map(one, range(SUBMISSIONS)))
    codes = [code for code, _seconds in results]
    assert len(set(codes)) == SUBMISSIONS
    assert all(code.startswith("HN-") for code in codes)

    assert _dossier_count(portal) == SUBMISSIONS


def test_200_mb_upload_gets_a_clear_message_and_no_dossier(portal):
    """A real 200 MB file through the form: refused with the limit in the message."""
    before = _dossier_count(portal)
    big = b"%PDF-1.4\n" + b"0" * (200 * 1024 * 1024)
    citizen = Citizen(portal, "congdan", "test-demo", timeout=600)
    response = citizen.post_form(certificate=("giay-chung-sinh.pdf", big))
    # The form comes back with its error, as every form does (400, base/forms).
    assert response.status_code == 400
    assert "@@check-answers" not in response.url
    # The field's error names the limit (10 MB by default).
    assert "10 MB" in response.text
    assert _dossier_count(portal) == before


def _dossier_count(portal):
    return requests.get(
        f"{portal}/@search",
        params={"portal_type": "Dossier", "b_size": 1},
        headers={"Accept": "application/json"},
        auth=(ADMIN_USER, ADMIN_PASSWORD),
        timeout=60,
    ).json()["items_total"]
