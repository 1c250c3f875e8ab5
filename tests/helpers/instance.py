"""A throw-away instance run by the real scripts (scripts/portal.py), as an operator runs
it: its environment, its server, plain HTTP to it. For the deploy and upgrade tests."""

from pathlib import Path
import base64
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request


ROOT = Path(__file__).resolve().parents[2]
ADMIN_USER = "admin"
ADMIN_PASSWORD = "test-secret"


def free_port():
    """A port on 127.0.0.1 nothing listens on (now)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def instance_env(home, **settings):
    """The environment of an instance in ``home``: the Hanoi site on loopback, on a port
    of its own, its admin ADMIN_USER with ADMIN_PASSWORD; ``settings`` add or override."""
    env = dict(os.environ)
    env.update(
        INSTANCE_HOME=str(home),
        HOST="127.0.0.1",
        PORT=str(free_port()),
        SITE_ID="hanoi",
        ADMIN_USER=ADMIN_USER,
        ADMIN_PASSWORD=ADMIN_PASSWORD,
    )
    env.update(settings)
    return env


class Server:
    """`scripts/portal.py start` in ``root``, running until it says where it serves."""

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
    """(status, text) of a request to ``url``; ``auth`` is (user, password)."""
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
