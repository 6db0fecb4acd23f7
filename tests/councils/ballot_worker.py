"""Concurrent secret ballots against a database of its own (test and benchmark).

Run as a subprocess by ``test_concurrency.py`` and imported by ``bench/ballots.py``.
Every member runs ``copies`` threads that cast the same pre-generated choices on every
ballot at once (a double-clicked "Bỏ phiếu" button); afterwards exactly one vote per
(member, ballot) must exist, participations must equal votes, and the closed tallies
must equal the ground truth.
"""

import argparse
import datetime
import json
import random
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def seat_members(council, unit, count: int) -> list:
    """Seat new people on ``council`` until it has ``count`` open seats."""
    from tests.factories import make_person
    from thidua.organizations.services.structure import add_council_member

    seats = list(council.members.filter(end_date__isnull=True).order_by("id"))
    for i in range(len(seats), count):
        person = make_person(unit, f"Ủy viên Số {i + 1:03d}")
        seats.append(
            add_council_member(
                council,
                person=person,
                role="uy_vien",
                start_date=datetime.date(2022, 1, 1),
            )
        )
    return seats


def make_council(members: int):
    """A Sở with one unit and a council of ``members`` (chair and secretary first)."""
    from tests.factories import make_person
    from thidua.organizations.services.structure import (
        add_council_member,
        create_agency,
        create_council,
    )

    agency = create_agency(
        code="SKHĐT",
        name="Sở Kế hoạch và Đầu tư",
        abbreviation="SKHĐT",
        level="so_ban_nganh",
    )
    unit = create_agency(
        parent=agency, code="SKHĐT-VP", name="Văn phòng Sở", level="phong_don_vi"
    )
    council = create_council(
        agency=agency, name="Hội đồng TĐKT", term_start=datetime.date(2022, 1, 1)
    )
    for role, name in (("chu_tich", "Chủ Tịch"), ("thu_ky", "Thư Ký")):
        add_council_member(
            council,
            person=make_person(unit, name),
            role=role,
            start_date=datetime.date(2022, 1, 1),
        )
    return council, unit, seat_members(council, unit, members)


def open_session(council, seats, *, items: int, officer, **item_fields):
    """Schedule and open a meeting, mark everyone present, open one ballot per item."""
    from django.utils import timezone

    from tests.councils.ballots import open_ballot
    from thidua.councils.services.meeting import (
        add_agenda_item,
        open_meeting,
        record_attendance,
        schedule_meeting,
    )

    meeting = schedule_meeting(
        council, title="Phiên họp xét khen thưởng", scheduled_at=timezone.now()
    )
    open_meeting(meeting, actor=officer)
    for seat in seats:
        record_attendance(meeting, seat, present=True)
    ballots = []
    for i in range(items):
        item = add_agenda_item(meeting, label=f"Đề nghị số {i + 1}", **item_fields)
        ballots.append(open_ballot(item, actor=officer))
    return meeting, ballots


def race(ballots, seats, truth, *, copies: int = 2, seed: int = 5) -> dict:
    """Fire ``copies`` simultaneous casts per (member, ballot); return what happened."""
    from django.core.exceptions import ValidationError
    from django.db import connection

    from tests.councils.ballots import cast_vote

    barrier = threading.Barrier(len(seats) * copies)
    lock = threading.Lock()
    accepted: Counter = Counter()
    refused: Counter = Counter()
    receipts: dict = {}
    errors: list[str] = []

    def worker(m: int, order: list[int]) -> None:
        try:
            barrier.wait()
            for b in order:
                try:
                    receipt = cast_vote(ballots[b], seats[m], truth[b][m])
                except ValidationError as exc:
                    with lock:
                        refused[" ".join(exc.messages)] += 1
                else:
                    with lock:
                        accepted[b, m] += 1
                        receipts[b, m] = receipt
        except Exception as exc:  # reported below
            errors.append(repr(exc))
        finally:
            connection.close()

    rng = random.Random(seed)
    threads = []
    for m in range(len(seats)):
        order = list(range(len(ballots)))
        rng.shuffle(order)  # each member votes in its own order; its twins in the same
        threads += [
            threading.Thread(target=worker, args=(m, order)) for _ in range(copies)
        ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "accepted": accepted,
        "refused": refused,
        "receipts": receipts,
        "errors": errors,
        "elapsed": elapsed,
    }


def verify(ballots, seats, truth, outcome, *, officer) -> dict:
    """Close every ballot and compare the box with the ground truth."""
    from tests.councils.ballots import (
        MSG_ALREADY_VOTED,
        close_ballot,
        published_receipts,
        tally,
    )
    from tests.councils.ballots import hash_receipt as h
    from thidua.councils.models import BallotParticipation, SealedPaper

    problems = []
    pairs = {(b, m) for b in range(len(ballots)) for m in range(len(seats))}
    wrong = {p: n for p, n in outcome["accepted"].items() if n != 1}
    missing = pairs - set(outcome["accepted"])
    if wrong or missing:
        problems.append(f"accepted≠1: {len(wrong)} doubled, {len(missing)} lost")
    if set(outcome["refused"]) - {MSG_ALREADY_VOTED}:
        problems.append(f"unexpected refusals: {dict(outcome['refused'])}")
    if outcome["errors"]:
        problems.append(f"errors: {outcome['errors'][:3]}")
    for b, ballot in enumerate(ballots):
        papers = SealedPaper.objects.filter(box=ballot.box_id).count()
        taken = BallotParticipation.objects.filter(ballot=ballot).count()
        if not papers == taken == len(seats):
            problems.append(f"ballot {b}: papers={papers} participations={taken}")
        close_ballot(ballot, actor=officer)
        result = tally(ballot)
        yes = sum(1 for choice in truth[b] if choice == "dong_y")
        if (result.yes, result.no) != (yes, len(seats) - yes):
            problems.append(f"ballot {b}: tally {result} ≠ truth yes={yes}")
        published = set(published_receipts(ballot))
        mine = {
            h(outcome["receipts"][b, m])
            for m in range(len(seats))
            if (b, m) in outcome["receipts"]
        }
        if not mine <= published or len(published) != taken:
            problems.append(f"ballot {b}: receipts not all published")
    return {"problems": problems}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=15)
    parser.add_argument("--items", type=int, default=1)
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    summary = run(args.members, args.items, args.copies, args.seed)
    sys.stdout.write(json.dumps(summary, ensure_ascii=False) + "\n")
    return 0 if not summary["problems"] else 1


def run(members: int, items: int, copies: int, seed: int) -> dict:
    """Build a council, race the votes, verify; a JSON-ready summary."""
    from django.db import connection

    council, _unit, seats = make_council(members)
    officer = seats[1]  # the secretary
    _meeting, ballots = open_session(council, seats, items=items, officer=officer)
    rng = random.Random(seed)
    truth = [[rng.choice(["dong_y", "khong_dong_y"]) for _ in seats] for _ in ballots]
    outcome = race(ballots, seats, truth, copies=copies, seed=seed)
    checked = verify(ballots, seats, truth, outcome, officer=officer)
    accepted = sum(outcome["accepted"].values())
    return {
        "vendor": connection.vendor,
        "members": members,
        "items": items,
        "copies": copies,
        "attempts": members * items * copies,
        "accepted": accepted,
        "refused": sum(outcome["refused"].values()),
        "seconds": round(outcome["elapsed"], 3),
        "votes_per_s": round(accepted / outcome["elapsed"], 1),
        "attempts_per_s": round(members * items * copies / outcome["elapsed"], 1),
        "problems": checked["problems"],
    }


if __name__ == "__main__":
    sys.exit(main())
