"""A database made by an earlier main upgrades through the upgrade steps, losing nothing.

The earlier main (OLD_MAIN, the last commit before the site became a distribution) is
taken from this repository's history and run as an operator ran it: its `make start`
scripts create the Hanoi site with demo accounts, a citizen submits a dossier. Then
today's `make upgrade` runs the add-on's and the city's upgrade steps on that database,
and today's `make start` serves it. Every content object, user and group of the old site
is still there, with the same type, title and workflow state.
"""

from pathlib import Path
from tests.helpers.instance import ADMIN_PASSWORD
from tests.helpers.instance import ADMIN_USER
from tests.helpers.instance import ROOT
from tests.helpers.instance import Server
from tests.helpers.instance import get
from tests.helpers.instance import instance_env
import io
import json
import pytest
import subprocess
import sys
import tarfile


pytestmark = pytest.mark.deploy

OLD_MAIN = "751f57c"  # main on 2026-12-02, before the house was put in order
HERE = Path(__file__).parent
ADMIN = (ADMIN_USER, ADMIN_PASSWORD)
DEMO_PASSWORD = "demo-secret"


def checkout(commit, target):
    """The tree of ``commit`` from this repository's history, into ``target``."""
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", commit],
            capture_output=True,
            check=True,
        ).stdout
    except subprocess.CalledProcessError as exc:
        pytest.fail(f"commit {commit} is not in this clone's history: {exc.stderr.decode()}")
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


def run(command, env, timeout):
    """Run ``command`` in ``env``; it must succeed. Its stdout."""
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def zconsole(env, script):
    """Run a script in zconsole against the instance's database; its stdout."""
    zope_conf = Path(env["INSTANCE_HOME"]) / "etc" / "zope.conf"
    zconsole = Path(sys.executable).parent / "zconsole"
    return run([str(zconsole), "run", str(zope_conf), str(script)], env, timeout=600)


def inventory(env):
    return json.loads(zconsole(env, HERE / "inventory.py").strip().splitlines()[-1])


@pytest.fixture(scope="module")
def old_site(tmp_path_factory):
    """An instance whose database today's main made, with a dossier in it."""
    old = checkout(OLD_MAIN, tmp_path_factory.mktemp("old-main"))
    base = tmp_path_factory.mktemp("instance")
    env = instance_env(
        base,
        DEMO_ACCOUNTS="1",
        DEMO_PASSWORD=DEMO_PASSWORD,
        CITY_PROFILES=str(old / "profiles"),
        # The old code, not this checkout's: PYTHONPATH comes before the virtualenv's.
        PYTHONPATH=str(old / "src"),
    )
    server = Server(env, root=old)
    server.stop()
    fresh = inventory(env)
    code = zconsole(env, HERE / "old_site_dossier.py").strip().splitlines()[-1]
    return {"env": env, "fresh": fresh, "before": inventory(env), "dossier": code}


@pytest.fixture(scope="module")
def upgraded(old_site):
    env = dict(old_site["env"], PYTHONPATH=str(ROOT / "src"), CITY_PROFILES=str(ROOT / "profiles"))
    output = run([sys.executable, str(ROOT / "scripts" / "portal.py"), "upgrade"], env, timeout=900)
    return {"env": env, "output": output, "after": inventory(env)}


def test_the_old_site_is_what_main_made(old_site):
    before = old_site["before"]
    assert before["profiles"] == {
        "dichvucong:default": "2026112201",
        "dichvucong:hanoi": "2026112101",
    }
    types = {entry["type"] for entry in before["content"].values()}
    assert {"Procedure", "Agency", "Domain", "EasyForm", "Guide", "Campaign", "Dossier"} <= types
    assert {"congdan", "canbo.hoankiem", "lanhdao", "bientap", "pheduyet"} <= set(before["users"])


def test_upgrade_reaches_todays_versions(upgraded):
    after = upgraded["after"]
    assert after["profiles"] == {
        "dichvucong:default": "2026120401",
        "dichvucong:hanoi": "2026120401",
    }
    assert "dichvucong:default: 2026112201 -> 2026120401" in upgraded["output"]
    assert "dichvucong:hanoi: 2026112101 -> 2026120401" in upgraded["output"]


def test_upgrade_loses_nothing(old_site, upgraded):
    before, after = old_site["before"], upgraded["after"]
    lost = sorted(set(before["content"]) - set(after["content"]))
    assert lost == []
    changed = {
        path: (entry, after["content"][path])
        for path, entry in before["content"].items()
        if after["content"][path] != entry
    }
    assert changed == {}
    assert set(before["users"]) <= set(after["users"])
    for group, members in before["groups"].items():
        assert set(members) <= set(after["groups"].get(group, ())), group
    assert after["front_page"] == before["front_page"]


def test_a_new_site_is_the_site_main_made(old_site, tmp_path):
    """Today's make start creates the Hanoi site main made (sections, procedures,
    agencies, the form, guides, outreach, glossary, home page, groups and demo accounts),
    and what came since: the essential services' forms, agencies and guides."""
    env = instance_env(
        tmp_path,
        DEMO_ACCOUNTS="1",
        DEMO_PASSWORD=old_site["env"]["DEMO_PASSWORD"],
        PYTHONPATH=str(ROOT / "src"),
        CITY_PROFILES=str(ROOT / "profiles"),
    )
    Server(env).stop()
    new, old = inventory(env), old_site["fresh"]
    # Issue [6] rewrote the criminal-record guide in the six parts of every service
    # guide: its steps have new names (an upgraded site keeps the old ones).
    rewritten = "huong-dan/cap-phieu-ly-lich-tu-phap/"
    kept = {path: entry for path, entry in old["content"].items() if not path.startswith(rewritten)}
    assert {path: new["content"].get(path) for path in kept} == kept
    assert [p for p in new["content"] if p.startswith(rewritten)]
    assert set(new["users"]) - set(old["users"]) == {"chaythu"}  # the service tester
    assert {group: new["groups"].get(group) for group in old["groups"]} == old["groups"]
    assert set(new["groups"]) - set(old["groups"]) == {"service-testers"}
    assert new["front_page"] == old["front_page"]
    assert new["profiles"] == {"dichvucong:default": "2026120401", "dichvucong:hanoi": "2026120401"}


def test_the_upgraded_site_serves_its_pages(old_site, upgraded):
    env = upgraded["env"]
    server = Server(env)
    try:
        url = f"http://127.0.0.1:{env['PORT']}/hanoi"
        for path in (
            "",
            "thu-tuc-hanh-chinh",
            "thu-tuc-hanh-chinh/dang-ky-khai-sinh",
            "tin-tuc",
            "huong-dan",
            "tra-cuu-ho-so",
        ):
            status, _ = get(f"{url}/{path}")
            assert status == 200, path
        status, body = get(f"{url}/thu-tuc-hanh-chinh/dang-ky-khai-sinh")
        assert "dvc-guides" in body  # related guides, now from publishing's viewlet
        status, body = get(
            f"{url}/@search?portal_type=Dossier&fullobjects=1",
            accept="application/json",
            auth=ADMIN,
        )
        dossiers = json.loads(body)["items"]
        assert [item["code"] for item in dossiers] == [old_site["dossier"]]
        # The registry now knows where the city's sections are.
        status, body = get(
            f"{url}/@registry/dichvucong.sections",
            accept="application/json",
            auth=ADMIN,
        )
        sections = json.loads(body)
        assert sections["dossiers"] == "ho-so"
        assert sections["procedures"] == "thu-tuc-hanh-chinh"
    finally:
        server.stop()
