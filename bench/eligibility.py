"""Benchmark of the eligibility engine: subjects evaluated per second, one core.

Builds N synthetic subjects (80 % individuals, 20 % collectives) with 10-year
histories, review years 2023–2025 (so all three regimes run), and evaluates
each against the whole catalog of its kind. Subjects are generated lazily in
chunks, so memory stays bounded at N = 1,000,000; generation time is not
counted, nor is the garbage collector's scanning of the generated inputs (they
are frozen with ``gc.freeze()`` while a chunk is timed). Three rates are reported:

* ``check``: parse + validate the case dict, then evaluate (what the CLI/API do);
* ``evaluate``: evaluate an already parsed case;
* ``+output``: ``check`` plus building the output dict (``Report.to_dict``).

Usage: ``python bench/eligibility.py [--sizes 10000,100000,1000000] [--seed 1]``
"""

import argparse
import gc
import platform
import random
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from thidua.eligibility import Engine  # noqa: E402

RATINGS = ("HTXS", "HTT", "HT", "KHT")
RATING_WEIGHTS = (30, 52, 14, 4)
SCOPES = ("co_so", "co_so", "co_so", "bo_tinh", "toan_quoc")
AWARD_TYPES = ("cong_trang", "cong_trang", "cong_trang", "dot_xuat", "chuyen_de")


def individual(rng: random.Random, review_year: int) -> dict:
    years = {}
    cstdcs_run = 0
    for year in range(review_year - 9, review_year + 1):
        rating = rng.choices(RATINGS, RATING_WEIGHTS)[0]
        titles = []
        if year < review_year and rating in ("HTXS", "HTT") and rng.random() < 0.9:
            titles.append("LDTT")
            if rating == "HTXS" and rng.random() < 0.6:
                titles.append("CSTDCS")
                cstdcs_run += 1
                if cstdcs_run == 3 and rng.random() < 0.5:
                    titles.append("CSTD_BO_TINH")
                    cstdcs_run = 0
            else:
                cstdcs_run = 0
        years[str(year)] = {"rating": rating, "titles": titles}
    subject = {
        "kind": "individual",
        "recruited_on": f"{rng.randint(1995, review_year)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "years": years,
        "initiatives": [
            {
                "year": rng.randint(review_year - 9, review_year),
                "scope": rng.choice(SCOPES),
            }
            for _ in range(rng.randint(0, 4))
        ],
        "awards": [
            {
                "code": rng.choice(("BK_BO_TINH", "BK_BO_TINH", "BK_TTG", "GIAY_KHEN")),
                "type": rng.choice(AWARD_TYPES),
                "year": rng.randint(review_year - 9, review_year - 1),
            }
            for _ in range(rng.randint(0, 2))
        ],
        "under_review": rng.random() < 0.02,
    }
    if rng.random() < 0.05:
        start = rng.randint(review_year - 6, review_year)
        subject["discipline"] = [
            {
                "form": "khien_trach",
                "from": f"{start}-03-01",
                "to": f"{start + 1}-03-01",
            }
        ]
    return {"review_year": review_year, "subject": subject}


def collective(rng: random.Random, review_year: int) -> dict:
    years = {}
    for year in range(review_year - 9, review_year + 1):
        members = rng.randint(5, 60)
        years[str(year)] = {
            "rating": rng.choices(RATINGS, RATING_WEIGHTS)[0],
            "members": members,
            "members_completed": members - (rng.random() < 0.2),
            "members_ldtt": rng.randint(members // 3, members),
            "members_cstdcs": rng.randint(0, 3),
            "members_disciplined": int(rng.random() < 0.1),
            "titles": ["TTLDTT"] if rng.random() < 0.5 else [],
        }
        if rng.random() < 0.1:
            years[str(year)]["leads_cluster"] = "bo_tinh"
    return {
        "review_year": review_year,
        "subject": {"kind": "collective", "years": years, "under_review": False},
    }


def subjects(n: int, seed: int) -> Iterator[dict]:
    rng = random.Random(seed)
    for _ in range(n):
        year = rng.choice((2023, 2024, 2025))
        yield collective(rng, year) if rng.random() < 0.2 else individual(rng, year)


def chunks(n: int, seed: int, size: int) -> Iterator[list[dict]]:
    batch = []
    for case in subjects(n, seed):
        batch.append(case)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(n: int, seed: int, chunk: int) -> dict[str, float]:
    engine = Engine()
    check = engine.check
    parse = engine.parse
    evaluate = engine.evaluate
    totals = {"check": 0.0, "evaluate": 0.0, "+output": 0.0}
    statuses = 0
    for batch in chunks(n, seed, chunk):
        # The generated inputs are not part of the engine's work: move them out
        # of the collector's view so its passes over them are not timed either.
        gc.collect()
        gc.freeze()
        t0 = time.perf_counter()
        for case in batch:
            check(case)
        t1 = time.perf_counter()
        parsed = [parse(case) for case in batch]
        t2 = time.perf_counter()
        for case in parsed:
            statuses += len(evaluate(case).results)
        t3 = time.perf_counter()
        for case in batch:
            check(case).to_dict()
        t4 = time.perf_counter()
        totals["check"] += t1 - t0
        totals["evaluate"] += t3 - t2
        totals["+output"] += t4 - t3
        del parsed
        gc.unfreeze()
    return {k: n / v for k, v in totals.items()} | {"results": statuses}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--chunk", type=int, default=10_000)
    args = parser.parse_args()
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s]
    print(
        f"thidua eligibility benchmark — {datetime.now(UTC):%Y-%m-%d} — "
        f"Python {platform.python_version()} on {platform.machine()}, one process"
    )
    print(
        f"{'N':>10}  {'check/s':>10}  {'evaluate/s':>11}  {'+output/s':>10}  {'results':>10}"
    )
    for n in sizes:
        rates = run(n, args.seed, args.chunk)
        print(
            f"{n:>10,}  {rates['check']:>10,.0f}  {rates['evaluate']:>11,.0f}  "
            f"{rates['+output']:>10,.0f}  {int(rates['results']):>10,}"
        )


if __name__ == "__main__":
    main()
