"""Two, eight, twenty officers issuing at the same instant still get unique, gapless numbers.

Runs in subprocesses against a database of its own (a scratch PostgreSQL database when the
suite runs on PostgreSQL, a WAL SQLite file otherwise), because concurrent transactions need
real commits that the test-case transaction would hide.
"""

import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlparse

WORKER = Path(__file__).with_name("numbering_worker.py")


def test_concurrent_issuers_get_unique_gapless_numbers(tmp_path):
    env = {**os.environ, "THIDUA_DATA_DIR": str(tmp_path),
           "DJANGO_SETTINGS_MODULE": "thidua.settings.base"}  # fmt: skip
    scratch = None
    if os.environ.get("THIDUA_DATABASE_URL"):
        import psycopg

        parts = urlparse(os.environ["THIDUA_DATABASE_URL"])
        name = f"thidua_num_{uuid.uuid4().hex[:8]}"
        admin = parts._replace(path="/postgres").geturl()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        scratch = (admin, name)
        env["THIDUA_DATABASE_URL"] = parts._replace(path=f"/{name}").geturl()
    try:
        result = subprocess.run(
            [sys.executable, str(WORKER), "--threads", "8", "--per-thread", "15"],
            env=env, capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
    finally:
        if scratch:
            import psycopg

            with psycopg.connect(scratch[0], autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{scratch[1]}" WITH (FORCE)')
    assert result.returncode == 0, result.stdout + result.stderr
    assert "numbers 1..120 unique and gapless" in result.stdout
