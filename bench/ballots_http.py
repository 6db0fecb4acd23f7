"""Fifteen members voting on fifty agenda items at once through the HTTP server (issue #5).

    .venv/bin/python bench/ballots_http.py [--members 15] [--items 50] [--copies 2]

A fresh SQLite data folder; a council of ``--members`` with a login each; one open meeting
with ``--items`` open ballots. ``thidua serve`` (gunicorn + huey) runs on a loopback port.
Every member logs in over HTTP and runs ``--copies`` threads that post the same
pre-drawn choice on every ballot in the member's own order, all starting together (a
double-clicked "Bỏ phiếu"). Checks: exactly one accepted post (302) per member and ballot,
every twin refused (409), votes == participations == members per ballot, and the closed
tallies equal the drawn choices. Exit status 1 on any problem.
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


def post_vote(opener, base, csrf, seat, item, choice) -> int:
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": csrf, "seat": seat, "item": item, "choice": choice}
    ).encode()
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

    from tests.councils.ballot_worker import make_council, open_session

    from thidua.accounts.services import create_account
    from thidua.councils.models import BallotParticipation, BallotVote
    from thidua.councils.services.ballot import close_ballot, tally

    council, _unit, seats = make_council(args.members)
    officer = seats[1]
    _meeting, ballots = open_session(council, seats, items=args.items, officer=officer)
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

        def worker(m: int, order: list[int]) -> None:
            opener, csrf = sessions[m]
            barrier.wait()
            for b in order:
                item = ballots[b].agenda_item_id
                code = post_vote(opener, base, csrf, seats[m].pk, item, truth[b][m])
                with lock:
                    statuses[code] += 1
                    if code == 302:
                        accepted[b, m] += 1

        threads = []
        for m in range(len(seats)):
            order = list(range(len(ballots)))
            random.Random(args.seed + m).shuffle(order)
            threads += [
                threading.Thread(target=worker, args=(m, order))
                for _ in range(args.copies)
            ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started

    problems = []
    if set(statuses) - {302, 409}:
        problems.append(f"unexpected statuses: {dict(statuses)}")
    pairs = {(b, m) for b in range(len(ballots)) for m in range(len(seats))}
    doubled = [p for p, n in accepted.items() if n != 1]
    lost = pairs - set(accepted)
    if doubled or lost:
        problems.append(f"{len(doubled)} doubled, {len(lost)} lost")
    for b, ballot in enumerate(ballots):
        votes = BallotVote.objects.filter(ballot=ballot).count()
        taken = BallotParticipation.objects.filter(ballot=ballot).count()
        if not votes == taken == len(seats):
            problems.append(f"ballot {b}: votes={votes} participations={taken}")
        close_ballot(ballot, actor=officer)
        result = tally(ballot)
        yes = truth[b].count("dong_y")
        if (result.yes, result.no) != (yes, len(seats) - yes):
            problems.append(f"ballot {b}: tally {result.yes}/{result.no} ≠ truth {yes}")
    posts = sum(statuses.values())
    print(f"machine: {machine()}")
    print(f"date: {datetime.datetime.now(tz=datetime.UTC):%Y-%m-%d %H:%M} UTC")
    print(
        f"server: thidua serve, {args.workers} gunicorn sync workers, SQLite ({data})"
    )
    print(
        f"{len(seats)} members × {len(ballots)} items × {args.copies} simultaneous posts "
        f"= {posts} requests in {elapsed:.2f} s ({posts / elapsed:.0f} req/s)"
    )
    print(
        f"accepted (302): {statuses[302]} ({statuses[302] / elapsed:.0f} votes/s); "
        f"refused as already voted (409): {statuses[409]}"
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
