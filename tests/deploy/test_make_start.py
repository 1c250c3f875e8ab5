"""`make start` as an operator meets it: first start, restart, and the usual mistakes.

Runs the real scripts against a throw-away instance (its own etc/, var/ and port),
so it needs no test layer and leaves instance/ alone.
"""

from pathlib import Path
from tests.helpers.instance import ADMIN_PASSWORD
from tests.helpers.instance import ADMIN_USER
from tests.helpers.instance import ROOT
from tests.helpers.instance import Server
from tests.helpers.instance import free_port
from tests.helpers.instance import get
from tests.helpers.instance import instance_env
import gzip
import json
import pytest
import subprocess
import sys
import urllib.request


TITLE = "Cổng dịch vụ công thành phố Hà Nội"
ADMIN = (ADMIN_USER, ADMIN_PASSWORD)

pytestmark = pytest.mark.deploy


@pytest.fixture(scope="module")
def instance(tmp_path_factory):
    env = instance_env(tmp_path_factory.mktemp("instance"))
    return {
        "env": env,
        "base": Path(env["INSTANCE_HOME"]),
        "url": f"http://127.0.0.1:{env['PORT']}/hanoi",
    }


def run_make_start(env):
    return subprocess.run(
        ["make", "--no-print-directory", "start"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def our_error_lines(result):
    """Lines our script printed (make adds its own '*** ... Error 2' footer)."""
    return [line for line in result.stderr.splitlines() if line.startswith("make start:")]


def test_first_start_restart_and_mistakes(instance):
    env, url = instance["env"], instance["url"]

    server = Server(env)
    try:
        assert any("creating the site" in line for line in server.output)
        status, body = get(url)
        assert status == 200
        assert f"<title>{TITLE}</title>" in body
        # zope.ini's pipeline compresses pages for browsers that accept gzip.
        request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=60) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert f"<title>{TITLE}</title>" in gzip.decompress(response.read()).decode()
        status, body = get(f"{url}/@site", accept="application/json")
        assert status == 200
        assert json.loads(body)["plone.default_language"] == "vi"
        # Content made now must survive a restart.
        payload = json.dumps(
            {"@type": "Document", "id": "thong-bao", "title": "Thông báo nghỉ lễ"}
        ).encode()
        status, _ = get(
            f"{url}/tin-tuc",
            accept="application/json",
            auth=ADMIN,
            data=payload,
            method="POST",
        )
        assert status == 201

        # The port is taken now: a second start says so in one line.
        result = run_make_start(env)
        assert result.returncode != 0
        lines = our_error_lines(result)
        assert len(lines) == 1 and "already in use" in lines[0], result.stderr
        assert "Traceback" not in result.stderr + result.stdout

        # Another port, same database: refused, in one line.
        result = run_make_start(dict(env, PORT=str(free_port())))
        lines = our_error_lines(result)
        assert result.returncode != 0
        assert len(lines) == 1 and "in use by another process" in lines[0], result.stderr
    finally:
        server.stop()

    server = Server(env)
    try:
        assert not any("creating the site" in line for line in server.output)
        status, body = get(
            f"{url}/tin-tuc/thong-bao",
            accept="application/json",
            auth=ADMIN,  # a new page is private until published
        )
        assert status == 200
        assert json.loads(body)["title"] == "Thông báo nghỉ lễ"
        print(f"restart ready after {server.ready_after:.1f} s")
    finally:
        server.stop()


def test_broken_zope_conf(instance):
    env = instance["env"]
    conf = Path(env["INSTANCE_HOME"]) / "etc" / "zope.conf"
    if not conf.exists():
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "portal.py"), "configure"],
            env=env,
            check=True,
            capture_output=True,
        )
    original = conf.read_text()
    try:
        conf.write_text(original.replace("<zodb_db main>", "<zodb_db main>\n  bogus-key 1"))
        result = run_make_start(env)
        assert result.returncode != 0
        lines = our_error_lines(result)
        assert len(lines) == 1, result.stderr
        assert "zope.conf is not valid" in lines[0]
        assert "bogus-key" in lines[0]
        assert "Traceback" not in result.stderr + result.stdout
    finally:
        conf.write_text(original)


def test_no_default_password_off_loopback(tmp_path):
    env = instance_env(
        tmp_path,
        HOST="0.0.0.0",  # noqa: S104 (the case under test; nothing is served)
        ADMIN_PASSWORD="admin",
    )
    result = run_make_start(env)
    assert result.returncode != 0
    lines = our_error_lines(result)
    assert len(lines) == 1 and "ADMIN_PASSWORD" in lines[0], result.stderr
    assert not (tmp_path / "var" / "filestorage" / "Data.fs").exists()


def test_catalogue_command_line(instance, tmp_path):
    """dichvucong-catalogue imports and exports against the instance's database."""
    conf = str(Path(instance["env"]["INSTANCE_HOME"]) / "etc" / "zope.conf")
    # The site test_first_start_restart_and_mistakes made (tests run in file order).
    assert (Path(instance["env"]["INSTANCE_HOME"]) / "var" / "site-hanoi.created").exists()
    tool = str(Path(sys.executable).with_name("dichvucong-catalogue"))
    domains = tmp_path / "domains.json"
    domains.write_text(
        json.dumps([{"code": "cli-test", "title": "Lĩnh vực dòng lệnh"}], ensure_ascii=False),
        encoding="utf-8",
    )

    def run(*args):
        return subprocess.run(
            [tool, "--zope-conf", conf, "--site", "hanoi", *args],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    dry = run("import", str(domains), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "dry run, nothing written: 1 created" in dry.stdout
    real = run("import", str(domains))
    assert real.returncode == 0 and "1 created" in real.stdout, real.stderr
    again = run("import", str(domains))
    assert "0 created, 0 updated, 1 unchanged" in again.stdout
    exported = run("export", "--kind", "domains", "--format", "csv")
    assert "cli-test,Lĩnh vực dòng lệnh" in exported.stdout
    broken = tmp_path / "procedures.csv"
    broken.write_bytes("local_code,title\nX,Thủ tục\n".encode("cp1258", errors="replace") + b"\xff")
    refused = run("import", str(broken))
    assert refused.returncode == 2
    assert "file rejected" in refused.stdout and "UTF-8" in refused.stdout
