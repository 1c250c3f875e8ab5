"""Load harness for the procedure search: the @@procedures page and the @procedures API.

Fires a mix of 50 realistic queries (accented, unaccented, abbreviations, typos, the
last word still being typed, codes, facet filters) with N concurrent clients at a
running portal on this machine, and prints p50/p95/p99 latency and throughput per
endpoint as a markdown table.

    .venv/bin/python benchmarks/search_bench.py [--url http://127.0.0.1:8080/hanoi]
        [--clients 4] [--requests 400] [--duration 120] [--markdown FILE]

Only 127.0.0.1 / localhost / ::1 are accepted: this is a load generator, not a tool to
point at other people's servers. Facet values (domain and agency codes) are read from
the portal's own @procedures answer, so the mix fits whichever catalogue is loaded.
Standard library only (threads + http.client, one keep-alive connection per client).
"""

from urllib.parse import urlencode
from urllib.parse import urlsplit
import argparse
import http.client
import json
import sys
import threading
import time


LOCAL_HOSTS = frozenset(("127.0.0.1", "localhost", "::1"))
ENDPOINTS = (("page", "@@procedures", "text/html"), ("api", "@procedures", "application/json"))

# 40 text queries: what citizens type (and mistype).
TEXT_QUERIES = (
    # accented
    "Đăng ký khai sinh",
    "đăng ký kết hôn",
    "cấp giấy phép xây dựng",
    "giấy phép lái xe",
    "thẻ căn cước",
    "đăng ký thường trú",
    "xác nhận tình trạng hôn nhân",
    "trợ cấp thất nghiệp",
    "hỗ trợ chi phí mai táng",
    "giấy chứng nhận quyền sử dụng đất",
    "hoà giải",
    "thuỷ lợi",
    # unaccented, upper case
    "dang ky khai sinh",
    "dang ky tam tru",
    "cap lai giay phep lai xe",
    "giay phep kinh doanh karaoke",
    "chung chi hanh nghe duoc",
    "an toan thuc pham",
    "xac nhan ho ngheo",
    "mien giam hoc phi",
    "THONG BAO LUU TRU",
    "giay phep moi truong",
    # abbreviations
    "CCCD",
    "BHYT",
    "GPLX",
    "LLTP",
    "TTHC",
    "UBND",
    "cap lai cccd",
    "gia han bhyt",
    # one typo, i/y
    "khai snh",
    "dang ki ket hon",
    "giay phep xay dugn",
    "tro cap that ngiep",
    "dnag ky thuong tru",
    # while typing, codes, long questions
    "dang ky khai s",
    "giay phep l",
    "cap the can c",
    "1.001193",
    "thu tuc lam giay khai sinh cho con o dau",
)


def facet_queries(domains, agencies):
    """10 queries with filters; domain and agency values from the portal itself."""
    d = [*domains, None, None, None][:3]
    agency = agencies[0] if agencies else None

    def spec(**params):
        return {key: value for key, value in params.items() if value is not None}

    return [
        spec(level="full"),
        spec(q="giay phep", level="partial"),
        spec(online="1"),
        spec(q="dang ky", applicant="organisation"),
        spec(q="cap", level="full", online="1"),
        spec(domain=d[0]),
        spec(q="cap", domain=d[1]),
        spec(q="dang ky", domain=d[2]),
        spec(agency=agency),
        spec(domain=d[0], level="full", b_start="20"),
    ]


def query_mix(domains=(), agencies=()):
    """The 50 queries as (name, value) lists."""
    mix = [[("q", text)] for text in TEXT_QUERIES]
    mix.extend(list(params.items()) for params in facet_queries(domains, agencies))
    return mix


def percentile(values, p):
    """The p-th percentile (0-100) of values, linear between closest ranks (like numpy's
    default). None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summarise(name, latencies, errors, elapsed, clients):
    """One row of the report (latencies in seconds)."""
    count = len(latencies)
    return {
        "endpoint": name,
        "requests": count + errors,
        "errors": errors,
        "clients": clients,
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "p99": percentile(latencies, 99),
        "mean": sum(latencies) / count if count else None,
        "throughput": count / elapsed if elapsed > 0 else 0.0,
    }


def markdown(rows, title=None):
    def ms(value):
        return "-" if value is None else f"{value * 1000:.1f}"

    lines = []
    if title:
        lines += [title, ""]
    lines += [
        "| endpoint | requests | errors | clients | p50 ms | p95 ms | p99 ms | mean ms | req/s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['endpoint']} | {row['requests']} | {row['errors']} | {row['clients']} "
            f"| {ms(row['p50'])} | {ms(row['p95'])} | {ms(row['p99'])} | {ms(row['mean'])} "
            f"| {row['throughput']:.1f} |"
        )
    return "\n".join(lines) + "\n"


class Target:
    """The portal: host, port and path of the site, checked to be this machine."""

    def __init__(self, url):
        parts = urlsplit(url)
        if parts.scheme != "http":
            raise SystemExit(f"search_bench: only http:// URLs ({url})")
        if parts.hostname not in LOCAL_HOSTS:
            raise SystemExit(
                f"search_bench: refusing {parts.hostname!r}: only 127.0.0.1 or localhost"
            )
        self.host = parts.hostname
        self.port = parts.port or 80
        self.path = parts.path.rstrip("/")

    def connection(self, timeout):
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout)

    def request_path(self, view, params):
        query = urlencode(params)
        return f"{self.path}/{view}?{query}" if query else f"{self.path}/{view}"


def fetch(connection, path, accept):
    """(status, body) of a GET on a keep-alive connection. Redirects are not followed."""
    connection.request("GET", path, headers={"Accept": accept, "Connection": "keep-alive"})
    response = connection.getresponse()
    body = response.read()
    return response.status, body


def discover_facets(target, timeout):
    """Domain and agency codes with the most procedures (for the facet queries)."""
    connection = target.connection(timeout)
    try:
        status, body = fetch(
            connection, target.request_path("@procedures", {"b_size": "1"}), "application/json"
        )
    except OSError as error:
        raise SystemExit(f"search_bench: cannot reach the portal: {error}") from error
    finally:
        connection.close()
    if status != 200:
        raise SystemExit(f"search_bench: @procedures answered {status}")
    facets = json.loads(body).get("facets", {})
    return (
        [entry["value"] for entry in facets.get("domain", [])],
        [entry["value"] for entry in facets.get("agency", [])],
    )


def run_endpoint(target, view, accept, mix, clients, total, duration, timeout):
    """Fire `total` requests (or stop after `duration` seconds) with `clients` threads,
    cycling through the mix. Returns (latencies in seconds, errors, elapsed seconds)."""
    lock = threading.Lock()
    state = {"next": 0}
    latencies = []
    errors = []
    deadline = time.monotonic() + duration

    def take():
        with lock:
            if state["next"] >= total or time.monotonic() > deadline:
                return None
            state["next"] += 1
            return state["next"] - 1

    def worker():
        connection = target.connection(timeout)
        mine = []
        failed = 0
        try:
            while (number := take()) is not None:
                path = target.request_path(view, mix[number % len(mix)])
                started = time.perf_counter()
                try:
                    status, _body = fetch(connection, path, accept)
                except (OSError, http.client.HTTPException):
                    connection.close()
                    connection = target.connection(timeout)
                    failed += 1
                    continue
                if status == 200:
                    mine.append(time.perf_counter() - started)
                else:
                    failed += 1
        finally:
            connection.close()
            with lock:
                latencies.extend(mine)
                errors.append(failed)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, sum(errors), time.perf_counter() - started


def warm_up(target, view, accept, mix, timeout):
    """One pass over the mix: builds the portal's search index and fills its caches."""
    connection = target.connection(timeout)
    try:
        for params in mix:
            fetch(connection, target.request_path(view, params), accept)
    finally:
        connection.close()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8080/hanoi", help="the site's URL")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients")
    parser.add_argument("--requests", type=int, default=400, help="requests per endpoint")
    parser.add_argument(
        "--duration", type=float, default=120, help="at most this many seconds per endpoint"
    )
    parser.add_argument("--timeout", type=float, default=30, help="seconds per request")
    parser.add_argument("--no-warmup", action="store_true", help="measure the first requests")
    parser.add_argument("--markdown", metavar="FILE", help="also write the table to FILE")
    args = parser.parse_args(argv)
    if args.clients < 1 or args.requests < 1 or args.duration <= 0:
        parser.error("--clients, --requests and --duration must be positive")

    target = Target(args.url)
    domains, agencies = discover_facets(target, args.timeout)
    mix = query_mix(domains, agencies)
    rows = []
    for name, view, accept in ENDPOINTS:
        if not args.no_warmup:
            warm_up(target, view, accept, mix, args.timeout)
        latencies, errors, elapsed = run_endpoint(
            target, view, accept, mix, args.clients, args.requests, args.duration, args.timeout
        )
        rows.append(summarise(f"{name} /{view}", latencies, errors, elapsed, args.clients))

    title = (
        f"### Search load: {len(mix)} queries, {args.clients} clients, "
        f"up to {args.requests} requests per endpoint"
    )
    report = markdown(rows, title)
    sys.stdout.write(report)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as out:
            out.write(report)
    return 1 if any(row["errors"] for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
