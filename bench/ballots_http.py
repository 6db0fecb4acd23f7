"""Fifteen members casting one paper of fifty rows at once through the HTTP server.

    .venv/bin/python bench/ballots_http.py [--members 15] [--items 50] [--copies 2]

A fresh SQLite data folder; a council of ``--members`` with a login each; one open meeting
with one ballot paper (box) of ``--items`` rows. ``thidua serve`` (gunicorn + huey) runs
on a loopback port. Every member logs in over HTTP and runs ``--copies`` threads that
post the same pre-drawn paper (the confirmed step, "Gửi phiếu"), all starting together
(a double-clicked button). Then the box is counted with its tally code. Checks: exactly
one accepted post (200, a receipt) per member, every twin refused (409), sealed papers
== members, and the tallies equal the drawn choices. Timings: the casts, and the count
(open every sealed paper, shuffle, write). Exit status 1 on any problem.
"""

import argparse
import datetime
import http.cookiejar
import random
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter

from _common import ROOT, machine, serve, setup_django

sys.path.insert(0, str(ROOT))
PASSWORD = "Bo-phieu-kin-2026!"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def login(base: str, username: str):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(jar), NoRedirect
    )
    page = opener.open(f"{base}/tai-khoan/dang-nhap/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD}
    ).encode()
    try:
        opener.open(f"{base}/tai-khoan/dang-nhap/", data)
    except urllib.error.HTTPError as exc:
        if exc.code != 302:
            raise
    csrf = next(c.value for c in jar if c.name == "csrftoken")
    return opener, csrf


def post_paper(opener, base, csrf, box, choices: dict) -> int:
    fields = {"csrfmiddlewaretoken": csrf, "box": box, "step": "cast"}
    fields.update({f"choice-{pk}": choice for pk, choice in choices.items()})
    data = urllib.parse.urlencode(fields).encode()
    try:
        return opener.open(f"{base}/hoi-dong/bo-phieu/", data, timeout=120).status
    except urllib.error.HTTPError as exc:
        return exc.code


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=15)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    data = setup_django()

    from django.utils import timezone
    from tests.councils.ballot_worker import make_council

    from thidua.accounts.services import create_account
    from thidua.councils.models import SealedPaper
    from thidua.councils.services.ballot import open_ballots
    from thidua.councils.services.count import close_box
    from thidua.councils.services.meeting import (
        add_agenda_item,
        open_meeting,
        record_attendance,
        schedule_meeting,
    )

    council, _unit, seats = make_council(args.members)
    officer = seats[1]
    meeting = schedule_meeting(council, title="Phiên họp", scheduled_at=timezone.now())
    open_meeting(meeting, actor=officer)
    for seat in seats:
        record_attendance(meeting, seat, present=True)
    items = [
        add_agenda_item(meeting, label=f"Đề nghị số {i + 1}") for i in range(args.items)
    ]
    opened = open_ballots(meeting, items, actor=officer)
    ballots = list(opened.box.ballots.order_by("pk"))
    for i, seat in enumerate(seats):
        create_account(username=f"uyvien{i:02d}", password=PASSWORD, person=seat.person)
    rng = random.Random(args.seed)
    truth = [[rng.choice(["dong_y", "khong_dong_y"]) for _ in seats] for _ in ballots]

    with serve(data, args.workers) as base:
        sessions = [login(base, f"uyvien{i:02d}") for i in range(len(seats))]
        statuses: Counter = Counter()
        accepted: Counter = Counter()
        lock = threading.Lock()
        barrier = threading.Barrier(len(seats) * args.copies)

        def worker(m: int) -> None:
            opener, csrf = sessions[m]
            paper = {b.pk: truth[i][m] for i, b in enumerate(ballots)}
            barrier.wait()
            code = post_paper(opener, base, csrf, opened.box.pk, paper)
            with lock:
                statuses[code] += 1
                if code == 200:
                    accepted[m] += 1

        threads = [
            threading.Thread(target=worker, args=(m,))
            for m in range(len(seats))
            for _ in range(args.copies)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started

    problems = []
    if set(statuses) - {200, 409}:
        problems.append(f"unexpected statuses: {dict(statuses)}")
    doubled = [m for m, n in accepted.items() if n != 1]
    lost = set(range(len(seats))) - set(accepted)
    if doubled or lost:
        problems.append(f"{len(doubled)} doubled, {len(lost)} lost")
    papers = SealedPaper.objects.filter(box=opened.box).count()
    if papers != len(seats):
        problems.append(f"sealed papers={papers}, members={len(seats)}")
    counted = time.perf_counter()
    results = close_box(opened.box, opened.code, actor=officer)
    count_seconds = time.perf_counter() - counted
    for b, result in enumerate(results):
        yes = truth[b].count("dong_y")
        if (result.yes, result.no) != (yes, len(seats) - yes):
            problems.append(f"row {b}: tally {result.yes}/{result.no} ≠ truth {yes}")
    posts = sum(statuses.values())
    print(f"machine: {machine()}")
    print(f"date: {datetime.datetime.now(tz=datetime.UTC):%Y-%m-%d %H:%M} UTC")
    print(
        f"server: thidua serve, {args.workers} gunicorn sync workers, SQLite ({data})"
    )
    print(
        f"{len(seats)} members × 1 paper of {len(ballots)} rows × {args.copies} "
        f"simultaneous posts = {posts} requests in {elapsed:.2f} s"
    )
    print(
        f"accepted (200, receipt): {statuses[200]}; refused as already voted (409): "
        f"{statuses[409]}"
    )
    print(
        f"count: {papers} sealed papers × {len(ballots)} rows opened, shuffled, "
        f"written and tallied in {count_seconds:.2f} s"
    )
    if problems:
        print("PROBLEMS:")
        for problem in problems:
            print(f"  {problem}")
        return 1
    print("no ballot lost or doubled; votes == participations; tallies == ballots cast")
    return 0


if __name__ == "__main__":
    sys.exit(main())
