"""Search across the installation with 100,000 people: median and p95 of ``search_all``.

    .venv/bin/python bench/search_100k.py [--people 100000] [--repeat 30] \
        [--nominations 0] [--compare]
    THIDUA_DATABASE_URL=postgres://… .venv/bin/python bench/search_100k.py  # scratch DB

People are bulk-created (names from the demo generator, search text and sort key
derived as the services derive them) in 40 units of one Sở; 200 agencies, 300
movements and 2,000 issued documents (half of them decisions' numbers) beside them;
``--nominations N`` adds N LĐTT nominations of those people. Each query is timed as
an admin (everything visible) and as the Sở's TĐKT officer.
Target (issue #6): interactive, ≤ 150 ms p95.

On SQLite ``--compare`` also times the LIKE scan (the FTS5 index switched off, as on a
SQLite without FTS5), alternating the two so that a busy machine skews both alike.
"""

import argparse
import contextlib
import datetime
import os
import random
import statistics
import sys
import time

from _common import ROOT, machine, setup_django

sys.path.insert(0, str(ROOT))


def make_data(people: int, nominations: int = 0, seed: int = 11) -> dict:
    from django.db import transaction

    from thidua.accounts.enums import Role
    from thidua.accounts.services import create_account
    from thidua.common.text import search_words
    from thidua.demo.names import vietnamese_name
    from thidua.documents.models import IssuedDocument, NumberSeries
    from thidua.movements.models import Movement
    from thidua.organizations.models import Agency, Person
    from thidua.organizations.services.person import derive_person_fields
    from thidua.organizations.services.structure import create_agency

    rng = random.Random(seed)
    root = create_agency(
        code="SKHĐT",
        name="Sở Kế hoạch và Đầu tư",
        abbreviation="SKHĐT",
        level="so_ban_nganh",
    )
    units = [
        create_agency(
            parent=root,
            code=f"SKHĐT-{i:02d}",
            name=f"Phòng số {i}",
            level="phong_don_vi",
        )
        for i in range(40)
    ]
    other = create_agency(
        code="STC", name="Sở Tài chính", abbreviation="STC", level="so_ban_nganh"
    )
    for i in range(160):
        create_agency(
            parent=other,
            code=f"STC-{i:03d}",
            name=f"Phòng Tài chính {i}",
            level="phong_don_vi",
        )
    batch = []
    sample = {}
    for i in range(people):
        gender = rng.choice(["nam", "nu"])
        person = Person(
            full_name=vietnamese_name(rng, gender),
            gender=gender,
            birth_date=datetime.date(1980, 1, 1) + datetime.timedelta(days=i % 7000),
            cccd=f"079{i % 2}{80 + i % 20:02d}{i:06d}",
            category="cong_chuc",
            unit=units[i % len(units)],
        )
        derive_person_fields(person)
        batch.append(person)
        if i == people // 2:
            sample = {"name": person.full_name, "cccd": person.cccd}
        if len(batch) == 5000:
            Person.objects.bulk_create(batch)
            batch = []
    Person.objects.bulk_create(batch)
    with transaction.atomic():
        series = NumberSeries.objects.create(agency=root, year=2026, last_number=2000)
        docs = []
        for n in range(1, 2001):
            kind = "QĐ" if n % 2 else "KH"
            symbol = f"{n:02d}/{kind}-SKHĐT"
            summary = f"Về việc khen thưởng đợt {n} năm 2026"
            docs.append(
                IssuedDocument(
                    series=series,
                    number=n,
                    year=2026,
                    type_code=kind,
                    type_name=kind,
                    symbol=symbol,
                    issued_on=datetime.date(2026, 1, 1),
                    summary=summary,
                    signer_title="Giám đốc",
                    signer_name="Vũ Hoàng Quý",
                    status="ready",
                    search_text=search_words(symbol, summary),
                )
            )
        IssuedDocument.objects.bulk_create(docs)
    for i in range(300):
        Movement.objects.create(
            name=f"Thi đua chuyên đề số {i} năm 2026",
            kind="chuyen_de",
            year=2026,
            launcher=root,
            scope_agency=root,
        )
    accounts = {}
    for name, roles in (
        ("admin", [(Role.ADMIN, None, None)]),
        ("officer", [(Role.OFFICER, root, None)]),
    ):
        accounts[name] = create_account(
            username=name, password="mat-khau-benchmark-2026", roles=roles
        )
    assert Agency.objects.count() == 202
    if nominations:
        from thidua.nominations.models import Nomination, NominationRound

        round_ = NominationRound.objects.create(
            agency=root,
            name="Xét 2025",
            kind="hang_nam",
            year=2025,
            submission_deadline=datetime.date(2099, 1, 1),
        )
        subjects = Person.objects.values_list("pk", "unit_id")[:nominations]
        Nomination.objects.bulk_create(
            (
                Nomination(
                    round=round_,
                    proposing_unit_id=unit,
                    person_id=pk,
                    code="LDTT",
                    award_type="danh_hieu",
                    year=2025,
                )
                for pk, unit in subjects
            ),
            batch_size=5000,
        )
    return {"accounts": accounts, **sample}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--compare", action="store_true")
    parser.add_argument("--nominations", type=int, default=0)
    args = parser.parse_args()
    url = os.environ.pop("THIDUA_DATABASE_URL", "")
    from tests.scratch import scratch_database

    with scratch_database("bench_search", url) as scratch_url:
        setup_django(scratch_url or None)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from thidua.site.search import search_all

        started = time.perf_counter()
        data = make_data(args.people, args.nominations)
        built = time.perf_counter() - started
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        queries = {
            "common surname 'nguyen'": "nguyen",
            "full name, no diacritics": data["name"].lower(),
            "full name, as written": data["name"],
            "CCCD (12 digits)": data["cccd"],
            "document number '1501/qd-skhdt'": "1501/qd-skhdt",
            "no hit 'zzqx'": "zzqx",
            "two letters 'th'": "th",
            "no hit, two letters 'zq'": "zq",
        }
        print(f"machine: {machine()}")
        print(f"date: {datetime.datetime.now(tz=datetime.UTC):%Y-%m-%d %H:%M} UTC")
        print(
            f"database: {connection.vendor}; {args.people} people, "
            f"{args.nominations} nominations (built in {built:.0f} s)"
        )
        modes = ["fts5", "like"] if args.compare else [""]
        for who, user in data["accounts"].items():
            for label, q in queries.items():
                times = {mode: [] for mode in modes}
                for mode in modes:
                    with like_only(mode == "like"):
                        search_all(user, q)  # warm up (and the user's scopes)
                for _ in range(args.repeat):
                    for mode in modes:
                        with like_only(mode == "like"):
                            start = time.perf_counter()
                            results = search_all(user, q)
                            times[mode].append((time.perf_counter() - start) * 1000)
                with CaptureQueriesContext(connection) as captured:
                    search_all(user, q)
                for mode, figures in times.items():
                    figures.sort()
                    print(
                        f"{who:8} {label:34} {mode:4} "
                        f"median {statistics.median(figures):6.1f} ms, "
                        f"p95 {figures[int(len(figures) * 0.95) - 1]:6.1f} ms, "
                        f"{len(captured)} queries, {results.total} shown"
                    )


@contextlib.contextmanager
def like_only(on: bool):
    """Search as a SQLite without FTS5 would: LIKE on search_text."""
    from thidua.common import fts

    saved = fts.fts5_trigram_available
    if on:
        fts.fts5_trigram_available = lambda: False
    try:
        yield
    finally:
        fts.fts5_trigram_available = saved


if __name__ == "__main__":
    main()
