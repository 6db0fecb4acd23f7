"""The award register through the REST API under load (issue #6): 100,000 awards, 20
clients at once on ``GET /api/v1/awards/`` through a real server on loopback.

    .venv/bin/python bench/api_awards.py                     # SQLite (fresh WAL file)
    THIDUA_DATABASE_URL=postgres://… .venv/bin/python bench/api_awards.py  # scratch DB

``thidua serve`` (gunicorn sync workers + huey) serves a fresh data folder; an officer of
the agency, whose subtree holds every awardee, reads with a bearer token. Each client
runs its requests back to back; p50/p95 are over every request of a scenario.

One client first walks the whole register along ``next`` (cursor pages of 200): the
time of its first and last pages, and of single pages at several depths by ``offset``
and by the cursor the walk was given there; the deep cursor page is then a scenario.
"""

import argparse
import datetime
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

from _common import ROOT, machine, make_agency, serve, setup_django

sys.path.insert(0, str(ROOT))

SCENARIOS = {
    "first page (50)": "/api/v1/awards/",
    "filtered (year=2024&code=LDTT)": "/api/v1/awards/?year=2024&code=LDTT",
    "deep page (offset=50000)": "/api/v1/awards/?offset=50000",
}


def make_awards(n: int, people: int, units: list, seed: int = 2026) -> None:
    """``people`` staff spread over ``units``, ``n`` awards among them (bulk)."""
    from thidua.awards.models import Award
    from thidua.common.text import fold, person_sort_key
    from thidua.demo.names import vietnamese_name
    from thidua.organizations.models import Person

    rng = random.Random(seed)
    staff = []
    for i in range(people):
        gender = rng.choice(["nam", "nu"])
        name = vietnamese_name(rng, gender)
        cccd = f"020{1 if gender == 'nu' else 0}85{i:06d}"
        staff.append(
            Person(
                full_name=name,
                gender=gender,
                birth_date=datetime.date(1985, 5, 17),
                cccd=cccd,
                unit=rng.choice(units),
                category="cong_chuc",
                position="Chuyên viên",
                search_text=f"{fold(name)} {cccd}",
                sort_key=person_sort_key(name),
            )
        )
    staff = Person.objects.bulk_create(staff, batch_size=2000)
    slots = [
        (p, code, year)
        for p in staff
        for code in ("LDTT", "CSTDCS")
        for year in range(2006, 2026)
    ]
    rng.shuffle(slots)
    batch = []
    for person, code, year in slots[:n]:
        batch.append(
            Award(
                person=person,
                code=code,
                year=year,
                award_type="cong_trang",
                decision_number=f"{rng.randint(1, 300)}/QĐ-SKHĐT",
                decision_date=datetime.date(year + 1, 1, rng.randint(5, 28)),
                decided_by="Giám đốc Sở",
            )
        )
        if len(batch) == 5000:
            Award.objects.bulk_create(batch)
            batch = []
    Award.objects.bulk_create(batch)


def get(url: str, token: str) -> tuple[float, dict]:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        body = json.load(response)
    return time.perf_counter() - started, body


def with_limit(url: str, limit: int) -> str:
    """``url`` as a path, its ``limit`` replaced (a cursor keeps its place)."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query["limit"] = str(limit)
    return f"{parts.path}?{urlencode(query)}"


def walk(base: str, token: str, limit: int = 200):
    """One client following ``next`` to the end: each page's latency, and the link it
    followed at each depth."""
    url, depth = f"{base}/api/v1/awards/?limit={limit}", 0
    latencies, links = [], {}
    while url:
        links[depth] = url
        elapsed, body = get(url, token)
        latencies.append(elapsed)
        depth += len(body["results"])
        url = body["next"]
    return latencies, links, depth


def by_depth(base: str, token: str, links: dict, repeat: int = 5):
    """Median latency of one 50-row page at each depth, by offset and by cursor: the
    start, a quarter, half, three quarters, the last page of the walk."""
    last = max(links)
    rows = []
    for depth in sorted(
        {d - d % 200 for d in (0, last // 4, last // 2, last * 3 // 4, last)}
    ):
        paths = (
            f"/api/v1/awards/?limit=50&offset={depth}",
            with_limit(links[depth], 50),
        )
        rows.append(
            (
                depth,
                *(
                    statistics.median(get(base + path, token)[0] for _ in range(repeat))
                    for path in paths
                ),
            )
        )
    return rows


def hammer_wrk(base: str, path: str, token: str, clients: int, seconds: int):
    """The same load through wrk (C, epoll): the client costs next to nothing, so the
    figures are the server's. p95 from wrk's own latency histogram (wrk_report.lua)."""
    script = Path(__file__).with_name("wrk_report.lua")
    out = subprocess.run(
        [
            "wrk",
            "-t",
            "2",
            "-c",
            str(clients),
            "-d",
            f"{seconds}s",
            "-s",
            str(script),
            "-H",
            f"Authorization: Bearer {token}",
            base + path,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    values = dict(
        line.split(" ", 1)
        for line in out.splitlines()
        if line.split(" ", 1)[0] in ("p50", "p95", "requests", "seconds", "errors")
    )
    rate = int(values["requests"]) / float(values["seconds"])
    # wrk counts non-2xx as "status" errors; every request was 200 if errors is 0.
    return (
        int(values["p50"]) / 1e6,
        int(values["p95"]) / 1e6,
        rate,
        {200: int(values["requests"])}
        if values["errors"].strip() == "0"
        else {"errors": int(values["errors"])},
    )


def hammer(base: str, path: str, token: str, clients: int, each: int):
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    barrier = threading.Barrier(clients)

    def client() -> None:
        barrier.wait()
        for _ in range(each):
            request = urllib.request.Request(
                base + path, headers={"Authorization": f"Bearer {token}"}
            )
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    response.read()
                    status = response.status
            except urllib.error.HTTPError as exc:
                status = exc.code
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                statuses[status] = statuses.get(status, 0) + 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    return statistics.median(latencies), p95, len(latencies) / wall, statuses


def run(args, database_url: str) -> int:
    data = setup_django(database_url or None)
    from django.db import connection

    from thidua.accounts.enums import Role
    from thidua.accounts.services import create_account, issue_token
    from thidua.organizations.models import Agency

    root, codes = make_agency(10)
    units = list(Agency.objects.filter(code__in=codes))
    started = time.perf_counter()
    make_awards(args.awards, args.people, units)
    loaded = time.perf_counter() - started
    officer = create_account(
        username="canbo",
        password="mat-khau-bench-2026",
        roles=[(Role.OFFICER, root, None)],
    )
    expires = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=1)
    _token, plaintext = issue_token(officer, "bench", ["awards:read"], expires)
    vendor = connection.vendor
    connection.close()

    results = {}
    use_wrk = shutil.which("wrk") and not args.python_client
    with serve(data, args.workers) as base:
        get(f"{base}/api/v1/awards/", plaintext)  # a worker up
        started = time.perf_counter()
        pages, links, walked = walk(base, plaintext)
        walk_seconds = time.perf_counter() - started
        depths = by_depth(base, plaintext, links)
        half = walked // 2 - walked // 2 % 200
        scenarios = {
            **SCENARIOS,
            f"deep page (cursor at {half})": with_limit(links[half], 50),
        }
        for name, path in scenarios.items():
            hammer(base, path, plaintext, args.clients, 2)  # warm the workers
            results[name] = (
                hammer_wrk(base, path, plaintext, args.clients, args.seconds)
                if use_wrk
                else hammer(base, path, plaintext, args.clients, args.each)
            )

    print(f"machine: {machine()}; load average {os.getloadavg()[0]:.1f} at the end")
    print(f"date: {datetime.datetime.now(tz=datetime.UTC):%Y-%m-%d %H:%M} UTC")
    print(
        f"database: {vendor}; {args.awards:,} awards of {args.people:,} people "
        f"bulk-loaded in {loaded:.1f} s"
    )
    client = (
        f"wrk, {args.clients} connections × {args.seconds} s"
        if use_wrk
        else f"Python threads, {args.clients} clients × {args.each} requests"
    )
    print(
        f"server: thidua serve, {args.workers} gunicorn sync workers; {client} per scenario"
    )
    print(
        f"walk along next (one client, 200 a page): {walked:,} rows, {len(pages)} pages "
        f"in {walk_seconds:.1f} s; first 10 pages {statistics.mean(pages[:10]) * 1000:.1f}"
        f" ms, last 10 {statistics.mean(pages[-10:]) * 1000:.1f} ms a page"
    )
    print("one 50-row page, one client (median of 5):  depth  by offset  by cursor")
    for depth, offset, cursor in depths:
        print(f"{depth:48,}  {offset * 1000:6.1f} ms  {cursor * 1000:6.1f} ms")
    bad = 0 if walked == args.awards else 1
    for name, (p50, p95, rate, statuses) in results.items():
        print(
            f"{name:34} p50 {p50 * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms  "
            f"{rate:6.1f} req/s  {statuses}"
        )
        bad += sum(n for code, n in statuses.items() if code != 200)
    return 1 if bad else 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--awards", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=5_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--each", type=int, default=20)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument(
        "--seconds", type=int, default=15, help="per scenario, with wrk"
    )
    parser.add_argument(
        "--python-client",
        action="store_true",
        help="Python threads instead of wrk (wrk: apt-get install wrk)",
    )
    args = parser.parse_args()
    from tests.scratch import scratch_database

    with scratch_database("bench_api") as url:
        return run(args, url)


if __name__ == "__main__":
    sys.exit(main())
