"""The people list of the API beside its floor (issue #18, point 1).

    .venv/bin/python bench/api_people.py [--people 2000,20000] [--repeat 50]
                                         [--database-url URL]   # an empty database

For each size: a fresh database, ``--people`` staff spread over units of two Sở of one
province (the caller, an officer of the first Sở, sees about half of them), then
``GET /api/v1/people/`` with a bearer token through the Django test client (the whole
middleware stack, no network). Floor: the same stack answering /healthz, plus one bare
``.values()`` query of the same 50 rows in the same order and ``json.dumps``. Medians
and p95 over ``--repeat`` requests (the count is cached, as in production), and the
queries of one request with their plans.
"""

import argparse
import datetime
import json
import os
import random
import statistics
import subprocess
import sys
import time

from _common import ROOT, machine, setup_django

sys.path.insert(0, str(ROOT))


def make_people(n: int, units: list, seed: int = 2026) -> None:
    from thidua.common.text import fold, person_sort_key
    from thidua.demo.names import vietnamese_name
    from thidua.organizations.models import Person

    rng = random.Random(seed)
    batch = []
    for i in range(n):
        gender = rng.choice(["nam", "nu"])
        name = vietnamese_name(rng, gender)
        cccd = f"020{1 if gender == 'nu' else 0}85{i:06d}"
        batch.append(
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
        if len(batch) == 5000:
            Person.objects.bulk_create(batch)
            batch = []
    Person.objects.bulk_create(batch)


def _timed(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def run(people: int, repeat: int) -> dict:
    from django.db import connection
    from django.test import Client

    from thidua.accounts.enums import Role
    from thidua.accounts.services import create_account, issue_token
    from thidua.common.planner import refresh_statistics
    from thidua.organizations.models import Agency, Person
    from thidua.organizations.services.structure import create_agency

    province = create_agency(code="UBND", name="UBND tỉnh", level="tinh")
    units = []
    sos = []
    for s in range(2):
        so = create_agency(
            parent=province, code=f"SO{s}", name=f"Sở số {s}", level="so_ban_nganh"
        )
        sos.append(so)
        for i in range(max(5, people // 400)):
            units.append(
                create_agency(
                    parent=so,
                    code=f"SO{s}-{i:03d}",
                    name=f"Phòng {i} của Sở {s}",
                    level="phong_don_vi",
                )
            )
    make_people(people, units)
    # As a staff import does after a bulk change (common/planner.py).
    refresh_statistics()
    officer = create_account(
        username="canbo",
        password="Bench-2026-people!",
        roles=[(Role.OFFICER, sos[0], None)],
    )
    _token, plaintext = issue_token(
        officer,
        "bench",
        ["people:read"],
        datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=1),
    )
    client = Client(HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION=f"Bearer {plaintext}")

    def api():
        response = client.get("/api/v1/people/")
        assert response.status_code == 200, response.content[:300]
        return response

    visible_units = list(
        Agency.objects.descendants(sos[0], include_self=True).values_list(
            "id", flat=True
        )
    )

    def floor_query():
        # The best plan by hand: walk the name index, keep the visible rows, stop at 50.
        marks = ",".join(["%s"] * len(visible_units))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT p.id, p.full_name, p.gender, p.category, p.position, p.unit_id, "
                "a.name FROM organizations_person p JOIN organizations_agency a "
                f"ON a.id = p.unit_id WHERE p.unit_id + 0 IN ({marks}) "
                "ORDER BY p.sort_key, p.id LIMIT 50",
                visible_units,
            )
            rows = cursor.fetchall()
        return json.dumps(rows, ensure_ascii=False)

    def healthz():
        assert client.get("/healthz").status_code == 200

    api()  # warm caches (the count)
    floor_query()
    captured = []

    def capture(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            captured.append(
                {
                    "sql": sql,
                    "params": params,
                    "ms": (time.perf_counter() - start) * 1e3,
                }
            )

    with connection.execute_wrapper(capture):
        body = api().json()
    assert len(body["results"]) == 50
    if os.environ.get("BENCH_PROFILE"):
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.enable()
        for _ in range(repeat):
            api()
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
    project = _timed(api, repeat)
    stack = _timed(healthz, repeat)
    bare = _timed(floor_query, repeat)
    plans = []
    for query in captured:
        if "organizations_person" in query["sql"] and query["sql"].startswith("SELECT"):
            with connection.cursor() as cursor:
                prefix = (
                    "EXPLAIN QUERY PLAN "
                    if connection.vendor == "sqlite"
                    else "EXPLAIN "
                )
                cursor.execute(prefix + query["sql"], query["params"])
                plans.append(
                    (
                        query["sql"][:120],
                        [" ".join(map(str, r)) for r in cursor.fetchall()],
                    )
                )
    return {
        "people": people,
        "visible": Person.objects.filter(unit_id__in=visible_units).count(),
        "queries": len(captured),
        "project": project,
        "floor": (stack[0] + bare[0], stack[1] + bare[1]),
        "plans": plans,
        "timings": [(q["ms"], q["sql"][:90]) for q in captured],
        "vendor": connection.vendor,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", default="2000,20000")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--database-url")
    parser.add_argument("--plans", action="store_true", help="print the query plans")
    args = parser.parse_args()
    sizes = [int(s) for s in args.people.split(",")]
    if len(sizes) > 1:
        if args.database_url:
            raise SystemExit(
                "--database-url: one size per run (the database is reused)"
            )
        # Each size in a process of its own, on a fresh database.
        for size in sizes:
            argv = [sys.executable, __file__, "--people", str(size)]
            argv += ["--repeat", str(args.repeat)] + (["--plans"] if args.plans else [])
            subprocess.run(argv, check=True)
        return 0
    setup_django(args.database_url)
    r = run(sizes[0], args.repeat)
    print(f"machine: {machine()}")
    print(f"date: {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC")
    (p50, p95), (f50, f95) = r["project"], r["floor"]
    print(
        f"{r['vendor']} {r['people']} people ({r['visible']} visible): "
        f"API p50 {p50:.1f} ms p95 {p95:.1f} ms, {r['queries']} queries; "
        f"floor p50 {f50:.1f} ms p95 {f95:.1f} ms; ratio {p50 / f50:.1f}×"
    )
    if args.plans:
        for ms, sql in r["timings"]:
            print(f"  {ms:6.2f} ms  {sql}")
        for sql, plan in r["plans"]:
            print(f"  {sql}")
            for line in plan:
                print(f"    {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
