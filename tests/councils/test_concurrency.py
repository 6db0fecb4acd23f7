"""Fifteen members each press "Bỏ phiếu" twice at the same instant: one vote each.

Runs in a subprocess against a database of its own (a scratch PostgreSQL database when
the suite runs on PostgreSQL, a WAL SQLite file otherwise), because concurrent
transactions need real commits that the test-case transaction would hide.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlparse

WORKER = Path(__file__).with_name("ballot_worker.py")


def test_double_submits_race_to_exactly_one_vote_per_member(tmp_path):
    env = {**os.environ, "THIDUA_DATA_DIR": str(tmp_path),
           "DJANGO_SETTINGS_MODULE": os.environ["DJANGO_SETTINGS_MODULE"]}  # fmt: skip
    scratch = None
    if os.environ.get("THIDUA_DATABASE_URL"):
        import psycopg

        parts = urlparse(os.environ["THIDUA_DATABASE_URL"])
        name = f"thidua_ballot_{uuid.uuid4().hex[:8]}"
        admin = parts._replace(path="/postgres").geturl()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        scratch = (admin, name)
        env["THIDUA_DATABASE_URL"] = parts._replace(path=f"/{name}").geturl()
    try:
        result = subprocess.run(
            [sys.executable, str(WORKER), "--members", "15", "--items", "3",
             "--copies", "2"],
            env=env, capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
    finally:
        if scratch:
            import psycopg

            with psycopg.connect(scratch[0], autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{scratch[1]}" WITH (FORCE)')
    assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["problems"] == []
    assert summary["attempts"] == 90
    assert summary["accepted"] == 45  # 15 members × 3 ballots, one each
    assert summary["refused"] == 45  # every twin told "đã bỏ phiếu"
