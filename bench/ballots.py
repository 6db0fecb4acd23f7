"""Fifteen council members voting on fifty agenda items at once (issues #5, #14).

    .venv/bin/python bench/ballots.py [--members 15] [--items 50] [--copies 2]
    THIDUA_DATABASE_URL=postgres://… .venv/bin/python bench/ballots.py  # scratch DB

Every item is its own sealed box of one row — the services' hardest case, 50 papers per
member instead of one. Each member runs ``--copies`` threads that cast the same
pre-generated (seeded) choices on every box, in the member's own order, starting
together: every paper is raced by its twin. Calls the service layer directly on a
database of its own (a fresh WAL SQLite file, or a scratch PostgreSQL database created
next to THIDUA_DATABASE_URL and dropped afterwards); ``bench/ballots_http.py`` does the
same through the HTTP server with one paper of fifty rows.
Checks: no ballot lost or doubled (exactly one accepted cast per member and item, every
twin refused with "đã bỏ phiếu"), participations == votes, closed tallies == ground
truth, every receipt published. Exit status 1 on any problem.
"""

import argparse
import datetime
import os
import sys
from pathlib import Path

from _common import ROOT, machine, setup_django

sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=15)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    url = os.environ.pop("THIDUA_DATABASE_URL", "")
    from tests.scratch import scratch_database

    with scratch_database("bench_ballots", url) as scratch_url:
        data: Path = setup_django(scratch_url or None)
        from tests.councils.ballot_worker import run

        summary = run(args.members, args.items, args.copies, args.seed)
    print(f"machine: {machine()}")
    print(f"date: {datetime.datetime.now(tz=datetime.UTC):%Y-%m-%d %H:%M} UTC")
    print(f"database: {summary['vendor']}" + ("" if url else f" ({data})"))
    print(
        f"{summary['members']} members × {summary['items']} items × "
        f"{summary['copies']} simultaneous submits = {summary['attempts']} casts "
        f"in {summary['seconds']:.2f} s"
    )
    print(
        f"accepted {summary['accepted']} votes ({summary['votes_per_s']:.0f} votes/s), "
        f"refused {summary['refused']} doubles "
        f"({summary['attempts_per_s']:.0f} casts/s in all)"
    )
    if summary["problems"]:
        print("PROBLEMS:")
        for problem in summary["problems"]:
            print(f"  {problem}")
        return 1
    print("no ballot lost or doubled; participations == votes; tallies == ground truth")
    return 0


if __name__ == "__main__":
    sys.exit(main())
