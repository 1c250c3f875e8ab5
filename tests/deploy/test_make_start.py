"""`make start` as an operator meets it: first start, restart, and the usual mistakes.

Runs the real scripts against a throw-away instance (its own etc/, var/ and port),
so it needs no test layer and leaves instance/ alone.
"""

from pathlib import Path
import base64
import json
import os
import pytest
import signal
import socket
import subprocess
import sys
import time
import urllib.request


ROOT = Path(__file__).resolve().parents[2]
TITLE = "Cổng dịch vụ công thành phố Hà Nội"

pytestmark = pytest.mark.deploy


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def instance(tmp_path_factory):
    base = tmp_path_factory.mktemp("instance")
    env = dict(
        os.environ,
        INSTANCE_HOME=str(base),
        HOST="127.0.0.1",
        PORT=str(free_port()),
        SITE_ID="hanoi",
        ADMIN_USER="admin",
        ADMIN_PASSWORD="test-secret",
    )
    return {"env": env, "base": base, "url": f"http://127.0.0.1:{env['PORT']}/hanoi"}


class Server:
    def __init__(self, env, root=ROOT):
        self.output = []
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, str(root / "scripts" / "portal.py"), "start"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for line in self.process.stdout:
            self.output.append(line)
            if "is running at" in line:
                self.ready_after = time.monotonic() - self.started
                return
        raise AssertionError("portal did not start:\n" + "".join(self.output))

    def stop(self):
        self.process.send_signal(signal.SIGINT)
        self.process.wait(timeout=60)


def get(url, accept=None, auth=None, data=None, method=None):
    request = urllib.request.Request(url, data=data, method=method)
    if accept:
        request.add_header("Accept", accept)
    if data:
        request.add_header("Content-Type", "application/json")
    if auth:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, response.read().decode("utf-8")


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
            auth=("admin", "test-secret"),
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
            auth=("admin", "test-secret"),  # a new page is private until published
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
    env = dict(
        os.environ,
        INSTANCE_HOME=str(tmp_path),
        HOST="0.0.0.0",  # noqa: S104 (the case under test; nothing is served)
        PORT=str(free_port()),
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
