"""Catalogue benchmark: import 2,000 synthetic procedures, re-import them, then load the
search page and @procedures with concurrent clients (`make bench`).

Everything runs on a throw-away instance in a temporary folder, served on 127.0.0.1 on a
free port; the developer's instance/ is not touched. Prints a markdown report for
docs/performance.md.
"""

from pathlib import Path
import argparse
import os
import platform
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time


ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(env):
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "portal.py"), "start"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    for line in process.stdout:
        print(f"    {line.rstrip()}", flush=True)
        if "is running at" in line:
            return process
    raise SystemExit("bench: the portal did not start")


def stop(process):
    process.send_signal(signal.SIGINT)
    process.wait(timeout=120)


def catalogue(env, conf, *args):
    result = subprocess.run(
        [str(BIN / "dichvucong-catalogue"), "--zope-conf", conf, "--site", "bench", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    print(f"    {result.stdout.strip()}", flush=True)
    if result.returncode == 2:
        raise SystemExit(f"bench: import failed: {result.stderr.strip()}")
    return result.stdout


def seconds(output):
    match = re.search(r"\(([\d.]+) s\)", output)
    return float(match.group(1)) if match else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--requests", type=int, default=400, help="per endpoint")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="dvc-bench-") as tmp:
        home = Path(tmp) / "instance"
        data = Path(tmp) / "data"
        port = free_port()
        env = dict(
            os.environ,
            INSTANCE_HOME=str(home),
            PORT=str(port),
            SITE_ID="bench",
            ADMIN_PASSWORD="bench",
        )
        conf = str(home / "etc" / "zope.conf")
        print(f"bench: generating {args.count} synthetic procedures", flush=True)
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "benchmarks" / "generate_catalogue.py"),
                "--count",
                str(args.count),
                "--seed",
                "42",
                "--out",
                str(data),
            ],
            check=True,
        )
        print("bench: creating a throw-away site", flush=True)
        stop(start(env))

        print("bench: first import", flush=True)
        catalogue(env, conf, "import", str(data / "domains.json"))
        catalogue(env, conf, "import", str(data / "agencies.json"))
        first = catalogue(env, conf, "import", str(data / "procedures.json"))
        print("bench: re-import of the same file", flush=True)
        again = catalogue(env, conf, "import", str(data / "procedures.json"))

        print("bench: search load", flush=True)
        server = start(env)
        try:
            search = subprocess.run(
                [
                    sys.executable,
                    str(ROOT / "benchmarks" / "search_bench.py"),
                    "--url",
                    f"http://127.0.0.1:{port}/bench",
                    "--clients",
                    str(args.clients),
                    "--requests",
                    str(args.requests),
                ],
                capture_output=True,
                text=True,
                check=False,
            )
        finally:
            stop(server)

    print()
    print(f"## Catalogue ({args.count} synthetic procedures)")
    print()
    print(
        f"- machine: {platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"- date: {time.strftime('%Y-%m-%d')}; command: `make bench`")
    print(f"- first import: {seconds(first):.1f} s ({first.strip()})")
    print(f"- re-import unchanged: {seconds(again):.1f} s ({again.strip()})")
    print()
    print(search.stdout)
    if search.returncode:
        print(search.stderr, file=sys.stderr)
    return search.returncode


if __name__ == "__main__":
    sys.exit(main())
