"""Fifteen members each press "Bỏ phiếu" twice at the same instant: one vote each.

Runs in a subprocess against a database of its own (a scratch PostgreSQL database when
the suite runs on PostgreSQL, a WAL SQLite file otherwise), because concurrent
transactions need real commits that the test-case transaction would hide.
"""

import json
from pathlib import Path

from ..scratch import run_worker

WORKER = Path(__file__).with_name("ballot_worker.py")


def test_double_submits_race_to_exactly_one_vote_per_member(tmp_path):
    result = run_worker(
        WORKER,
        ["--members", "15", "--items", "3", "--copies", "2"],
        tmp_path,
        prefix="ballot",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["problems"] == []
    assert summary["attempts"] == 90
    assert summary["accepted"] == 45  # 15 members × 3 ballots, one each
    assert summary["refused"] == 45  # every twin told "đã bỏ phiếu"
