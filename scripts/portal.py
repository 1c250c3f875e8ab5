"""Set up and run the portal: the work behind `make start` and `make configure`.

    python scripts/portal.py configure   write instance/etc/ from instance/templates/
    python scripts/portal.py check       validate zope.conf, the port and the database lock
    python scripts/portal.py start       configure, check, create the site if missing, serve
    python scripts/portal.py upgrade     run the pending upgrade steps (add-on, then city)

Settings come from the environment (the Makefile passes them through):
HOST (127.0.0.1), PORT (8080), SITE_ID (hanoi), CITY (hanoi), ADMIN_USER (admin),
ADMIN_PASSWORD (admin), INSTANCE_HOME (instance), INSTANCE_VAR (INSTANCE_HOME/var).

Every failure a person can cause (port in use, broken zope.conf, database locked by
another process) ends with one line on stderr and exit status 2, never a traceback.
"""

from pathlib import Path
from Zope2.Startup.options import ZopeWSGIOptions
import ctypes.util
import errno
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
import zc.lockfile
import ZConfig


ROOT = Path(__file__).resolve().parent.parent


TEMPLATES = ROOT / "instance" / "templates"
# Development default, refused for a new site off the loopback interface.
DEFAULT_ADMIN_PASSWORD = "admin"  # noqa: S105
DEFAULT_DEMO_PASSWORD = "hanoi-demo"  # noqa: S105
VENV_BIN = Path(sys.executable).parent


class Settings:
    def __init__(self, env=os.environ):
        self.host = env.get("HOST", "127.0.0.1")
        self.port = int(env.get("PORT", "8080"))
        self.site_id = env.get("SITE_ID", "hanoi")
        self.city = env.get("CITY", "hanoi")
        self.admin_user = env.get("ADMIN_USER", "admin")
        self.admin_password = env.get("ADMIN_PASSWORD", DEFAULT_ADMIN_PASSWORD)
        # Demo accounts (a citizen, officials, a leader) on a development portal only.
        demo_default = "1" if self.host in LOOPBACK else "0"
        self.demo_accounts = env.get("DEMO_ACCOUNTS", demo_default) == "1"
        self.demo_password = env.get("DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD)
        # Zope reads $INSTANCE_HOME/etc/site.zcml, so etc/ always sits in the instance home.
        self.home = Path(env.get("INSTANCE_HOME", ROOT / "instance")).resolve()
        self.etc = self.home / "etc"
        self.var = Path(env.get("INSTANCE_VAR", self.home / "var")).resolve()
        self.profiles = Path(env.get("CITY_PROFILES", ROOT / "profiles")).resolve()

    @property
    def zope_conf(self):
        return self.etc / "zope.conf"

    @property
    def url(self):
        return f"http://{self.host}:{self.port}/{self.site_id}"

    @property
    def site_stamp(self):
        return self.var / f"site-{self.site_id}.created"


class Fail(Exception):
    """A problem the operator can fix: reported in one line."""


# What the messages start with: the make target the operator ran.
PREFIX = {"name": "make start"}


def say(message):
    print(f"{PREFIX['name']}: {message}", flush=True)


def render(template, values):
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@@{key}@@", str(value))
    return text


def write_if_changed(path, text):
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def configure(settings, force=False):
    """Write instance/etc/. zope.conf keeps local edits unless its template changed."""
    settings.etc.mkdir(parents=True, exist_ok=True)
    for sub in ("filestorage", "blobstorage", "log", "cache"):
        (settings.var / sub).mkdir(parents=True, exist_ok=True)
    values = {
        "instance_home": settings.home,
        "var_dir": settings.var,
        "host": settings.host,
        "port": settings.port,
        "city_profiles": settings.profiles,
    }
    conf = settings.zope_conf
    template = TEMPLATES / "zope.conf.in"
    stale = conf.exists() and template.stat().st_mtime > conf.stat().st_mtime
    if force or not conf.exists() or stale:
        if conf.exists():
            shutil.copy2(conf, conf.with_suffix(".conf.bak"))
        conf.write_text(render("zope.conf.in", values), encoding="utf-8")
    write_if_changed(settings.etc / "zope.ini", render("zope.ini.in", values))
    write_if_changed(settings.etc / "site.zcml", render("site.zcml.in", values))
    check_city(settings)
    # Written by earlier versions, which registered the city's profile through ZCML.
    (settings.etc / "city.zcml").unlink(missing_ok=True)


def check_city(settings):
    """The city's folder must be complete: a distribution and a profile."""
    folder = settings.profiles / settings.city
    missing = [name for name in ("metadata.xml", "profiles.json") if not (folder / name).is_file()]
    if missing:
        raise Fail(
            f"city profile not found: {folder} lacks {', '.join(missing)} "
            f"(set CITY=... to one of the folders in {settings.profiles})"
        )


def check_zope_conf(settings):
    conf = settings.zope_conf
    if not conf.exists():
        raise Fail(f"{conf} is missing: run `make configure`")
    try:
        ZopeWSGIOptions(str(conf))()
    except ZConfig.ConfigurationError as exc:
        message = " ".join(str(exc).split())
        line = getattr(exc, "lineno", None)
        where = f" (line {line})" if line and f"line {line}" not in message else ""
        raise Fail(f"{conf} is not valid{where}: {message}") from None
    except (OSError, ValueError) as exc:
        raise Fail(f"{conf} cannot be used: {exc}") from None


def check_port(settings):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # As waitress does: connections of a just-stopped portal (TIME_WAIT) don't count.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((settings.host, settings.port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise Fail(
                    f"port {settings.port} on {settings.host} is already in use; "
                    f"stop the program using it or run `make start PORT=<other port>`"
                ) from None
            raise Fail(f"cannot listen on {settings.host}:{settings.port}: {exc}") from None


def check_database_lock(settings):
    lock_path = settings.var / "filestorage" / "Data.fs.lock"
    if not lock_path.parent.exists():
        return
    try:
        lock = zc.lockfile.LockFile(str(lock_path))
    except zc.lockfile.LockError:
        raise Fail(
            f"the database {lock_path.parent / 'Data.fs'} is in use by another "
            f"process (is the portal already running?)"
        ) from None
    lock.close()


def check(settings):
    check_zope_conf(settings)
    check_port(settings)
    check_database_lock(settings)
    warn_missing_system_libraries()


# Debian packages the PDF slips need (WeasyPrint); see docs/deployment.md.
SLIP_LIBRARIES = {"pango-1.0": "libpango-1.0-0", "pangoft2-1.0": "libpangoft2-1.0-0"}


def warn_missing_system_libraries():
    """The portal runs without them, but dossier slips (PDF) would fail: say so once."""
    missing = [pkg for lib, pkg in SLIP_LIBRARIES.items() if not ctypes.util.find_library(lib)]
    if missing:
        say(
            "warning: PDF slips need Debian packages that are missing: "
            f"apt-get install {' '.join(missing)} fonts-dejavu-core"
        )


LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def refuse_default_password_off_loopback(settings):
    """A site reachable from other machines never starts with admin/admin."""
    if settings.host not in LOOPBACK and settings.admin_password == DEFAULT_ADMIN_PASSWORD:
        raise Fail(
            f"HOST={settings.host} is reachable from other machines: "
            f"set ADMIN_PASSWORD=<a strong password> for the new site's manager"
        )
    off_loopback = settings.host not in LOOPBACK
    if off_loopback and settings.demo_accounts and settings.demo_password == DEFAULT_DEMO_PASSWORD:
        raise Fail("DEMO_ACCOUNTS=1 off loopback needs DEMO_PASSWORD=<a strong password>")


def site_exists(settings):
    data_fs = settings.var / "filestorage" / "Data.fs"
    return data_fs.exists() and settings.site_stamp.exists()


def create_site(settings):
    """Run scripts/create_site.py in zconsole (the site is made in one transaction)."""
    say(f"creating the site '{settings.site_id}' (first run; this takes a minute)...")
    started = time.monotonic()
    log = settings.var / "log" / "create-site.log"
    env = dict(os.environ, SITE_ID=settings.site_id, CITY=settings.city)
    env["ADMIN_USER"] = settings.admin_user
    env["ADMIN_PASSWORD"] = settings.admin_password
    if settings.demo_accounts:
        env["DEMO_PASSWORD"] = settings.demo_password
    with log.open("w", encoding="utf-8") as out:
        result = subprocess.run(
            [
                str(VENV_BIN / "zconsole"),
                "run",
                str(settings.zope_conf),
                str(ROOT / "scripts" / "create_site.py"),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            check=False,
        )
    if result.returncode != 0:
        raise Fail(f"creating the site failed: {last_error_line(log)} (full log: {log})")
    settings.site_stamp.write_text(time.strftime("%Y-%m-%d %H:%M:%S\n"))
    say(f"site created in {time.monotonic() - started:.0f} s")


def upgrade(settings):
    """Run scripts/upgrade_site.py in zconsole: the add-on's, then the city's upgrades."""
    if not site_exists(settings):
        raise Fail(f"there is no site '{settings.site_id}' to upgrade: run `make start` first")
    log = settings.var / "log" / "upgrade.log"
    env = dict(os.environ, SITE_ID=settings.site_id, ADMIN_USER=settings.admin_user)
    with log.open("w", encoding="utf-8") as out:
        result = subprocess.run(
            [
                str(VENV_BIN / "zconsole"),
                "run",
                str(settings.zope_conf),
                str(ROOT / "scripts" / "upgrade_site.py"),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            check=False,
        )
    if result.returncode != 0:
        raise Fail(f"the upgrade failed, nothing was changed: {last_error_line(log)} ({log})")
    for line in log.read_text(encoding="utf-8").splitlines():
        if " -> " in line:
            say(line)


def last_error_line(log):
    lines = [line.strip() for line in log.read_text(errors="replace").splitlines()]
    lines = [line for line in lines if line]
    for line in reversed(lines):
        if "Error" in line or "Exception" in line:
            return line
    return lines[-1] if lines else "no output"


def serve(settings):
    """Run runwsgi; say the URL once it answers; stop it cleanly on Ctrl+C."""
    log = settings.var / "log" / "console.log"
    out = log.open("w", encoding="utf-8")
    child = subprocess.Popen(
        [str(VENV_BIN / "runwsgi"), str(settings.etc / "zope.ini")],
        stdout=out,
        stderr=subprocess.STDOUT,
        # A shell without job control starts background jobs with SIGINT ignored;
        # Zope must still stop cleanly when we forward Ctrl+C.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )

    def forward(signum, _frame):
        child.send_signal(signum)

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if child.poll() is not None:
            out.close()
            raise Fail(f"Zope stopped while starting: {last_error_line(log)} (log: {log})")
        if answers(settings):
            break
        time.sleep(0.5)
    else:
        child.terminate()
        raise Fail(f"Zope did not answer within 300 s (log: {log})")
    say(f"the portal is running at {settings.url}  (Ctrl+C stops it)")
    say(f"site setup: {settings.url}/@@overview-controlpanel as {settings.admin_user}")
    if settings.demo_accounts:
        say(
            "demo accounts (password from DEMO_PASSWORD, 'hanoi-demo' by default): "
            "citizen congdan, officials canbo.hoankiem and canbo.trungtam, leader lanhdao, "
            "communications writer bientap and reviewer pheduyet, service tester chaythu"
        )
    threading.Thread(target=tail, args=(log, child), daemon=True).start()
    code = child.wait()
    out.close()
    return 0 if code in (0, -signal.SIGINT, -signal.SIGTERM) else code


def answers(settings):
    try:
        with urllib.request.urlopen(f"http://{settings.host}:{settings.port}/", timeout=2):
            return True
    except OSError as exc:
        # An HTTP error status still means Zope is up.
        return hasattr(exc, "code")


def tail(log, child):
    """Echo warnings and errors that Zope logs to the console after start."""
    with log.open(encoding="utf-8", errors="replace") as stream:
        stream.seek(0, os.SEEK_END)
        while child.poll() is None:
            line = stream.readline()
            if line:
                sys.stderr.write(line)
            else:
                time.sleep(0.5)


def main(argv):
    command = argv[1] if len(argv) > 1 else "start"
    PREFIX["name"] = f"make {command}"
    settings = Settings()
    try:
        if command == "configure":
            configure(settings, force=True)
            say(f"wrote {settings.etc}")
            return 0
        configure(settings)
        check(settings)
        if command == "check":
            return 0
        if command == "upgrade":
            upgrade(settings)
            return 0
        if command != "start":
            raise Fail(f"unknown command {command!r} (configure, check, start, upgrade)")
        if not site_exists(settings):
            refuse_default_password_off_loopback(settings)
            create_site(settings)
        return serve(settings)
    except Fail as exc:
        print(f"{PREFIX['name']}: error: {exc}", file=sys.stderr, flush=True)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
