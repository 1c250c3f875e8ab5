"""Dossier benchmark: submissions and the officials' worklist as the store grows.

On a throw-away instance (its own folder and port; instance/ is not touched):
seed synthetic dossiers to each size in --sizes (10,000 and 100,000 by default), then
with --clients concurrent clients (16) measure
- submissions: the whole citizen flow over HTTP (open the form, post it, check the
  answers, confirm), p50/p95 per submission and sustained submissions per second;
- the worklist of one ward's officials (default view, a status filter, overdue only,
  page 2), p50/p95 per page.
Prints a markdown report for docs/performance.md.

    .venv/bin/python benchmarks/dossier_bench.py [--sizes 10000,100000] [--clients 16]
        [--submissions 320] [--worklist 400]
"""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
import argparse
import os
import platform
import requests
import statistics
import subprocess
import sys
import tempfile
import time


ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from catalogue_bench import free_port  # noqa: E402
from catalogue_bench import start  # noqa: E402
from catalogue_bench import stop  # noqa: E402
from submitflow import Citizen  # noqa: E402


DEMO_PASSWORD = "bench-demo"  # noqa: S105 (throw-away instance on loopback)
WARD = "hn-p-hoan-kiem"


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def seed(env, conf, count):
    print(f"bench: seeding {count} dossiers", flush=True)
    result = subprocess.run(
        [str(BIN / "zconsole"), "run", conf, str(ROOT / "benchmarks" / "seed_dossiers.py")],
        env=dict(env, SEED_COUNT=str(count), SEED=str(count)),
        capture_output=True,
        text=True,
        check=False,
    )
    lines = result.stdout.strip().splitlines()
    print(f"    {lines[-1] if lines else result.stderr[-500:]}", flush=True)
    if result.returncode:
        raise SystemExit(f"bench: seeding failed: {result.stderr[-2000:]}")
    return lines[-1]


def submissions(url, clients, count):
    citizens = [Citizen(url, user, DEMO_PASSWORD) for user in ("congdan", "congdan2")]
    # Warm up (first renders compile templates).
    citizens[0].submit_birth()
    errors = []

    def one(number):
        try:
            return citizens[number % 2].submit_birth(child_name=f"Bench {number}")
        except Exception as error:  # counted and reported
            errors.append(repr(error))
            return None

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        results = [r for r in pool.map(one, range(count)) if r]
    elapsed = time.monotonic() - started
    times = [seconds for _code, seconds in results]
    return {
        "count": len(results),
        "errors": len(errors),
        "distinct": len({code for code, _ in results}),
        "p50": statistics.median(times),
        "p95": percentile(times, 95),
        "rate": len(results) / elapsed,
    }


def worklist(url, clients, count):
    session_urls = [
        f"{url}/ho-so/{WARD}/@@worklist",
        f"{url}/ho-so/{WARD}/@@worklist?status=new",
        f"{url}/ho-so/{WARD}/@@worklist?overdue=1",
        f"{url}/ho-so/{WARD}/@@worklist?b_start:int=50",
    ]
    sessions = [requests.Session() for _ in range(clients)]
    for session in sessions:
        session.auth = ("canbo.hoankiem", DEMO_PASSWORD)
    sessions[0].get(session_urls[0], timeout=120).raise_for_status()
    times = []

    def one(number):
        session = sessions[number % clients]
        begin = time.monotonic()
        response = session.get(session_urls[number % len(session_urls)], timeout=120)
        response.raise_for_status()
        times.append(time.monotonic() - begin)

    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(one, range(count)))
    return {"p50": statistics.median(times), "p95": percentile(times, 95), "count": len(times)}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--submissions", type=int, default=320)
    parser.add_argument("--worklist", type=int, default=400)
    parser.add_argument("--keep", help="use this folder for the instance and keep it")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    tmp = args.keep or tempfile.mkdtemp(prefix="dvc-dossier-bench-")
    home = Path(tmp) / "instance"
    port = free_port()
    url = f"http://127.0.0.1:{port}/bench"
    env = dict(
        os.environ,
        INSTANCE_HOME=str(home),
        PORT=str(port),
        SITE_ID="bench",
        ADMIN_PASSWORD="bench",
        DEMO_PASSWORD=DEMO_PASSWORD,
    )
    conf = str(home / "etc" / "zope.conf")
    print("bench: creating a throw-away site", flush=True)
    stop(start(env))
    rows = []
    present = 0
    for size in sizes:
        seeded = seed(env, conf, size - present)
        present = size
        server = start(env)
        try:
            print(f"bench: {args.submissions} submissions, {args.clients} clients", flush=True)
            sub = submissions(url, args.clients, args.submissions)
            print(f"    {sub}", flush=True)
            print(f"bench: {args.worklist} worklist pages, {args.clients} clients", flush=True)
            work = worklist(url, args.clients, args.worklist)
            print(f"    {work}", flush=True)
        finally:
            stop(server)
        present += sub["count"] + 1
        rows.append((size, seeded, sub, work))

    print()
    print("## Dossiers (synthetic)")
    print()
    print(
        f"- machine: {platform.node()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, FileStorage, one Zope process with 4 threads"
    )
    print(f"- date: {time.strftime('%Y-%m-%d')}; command: `make bench-dossiers`")
    print()
    print(
        "| existing dossiers | submission p50 | submission p95 | submissions/s "
        "| errors | distinct codes | worklist p50 | worklist p95 |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for size, _seeded, sub, work in rows:
        print(
            f"| {size:,} | {sub['p50']:.2f} s | {sub['p95']:.2f} s | {sub['rate']:.1f} "
            f"| {sub['errors']} | {sub['distinct']}/{sub['count']} "
            f"| {work['p50'] * 1000:.0f} ms | {work['p95'] * 1000:.0f} ms |"
        )
    print()
    for size, seeded, _sub, _work in rows:
        print(f"- seeding to {size:,}: {seeded}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
