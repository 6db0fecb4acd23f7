"""Two, eight, twenty officers issuing at the same instant still get unique, gapless numbers.

Runs in subprocesses against a database of its own (a scratch PostgreSQL database when the
suite runs on PostgreSQL, a WAL SQLite file otherwise), because concurrent transactions need
real commits that the test-case transaction would hide.
"""

from pathlib import Path

from ..scratch import run_worker

WORKER = Path(__file__).with_name("numbering_worker.py")


def test_concurrent_issuers_get_unique_gapless_numbers(tmp_path):
    result = run_worker(
        WORKER,
        ["--threads", "8", "--per-thread", "15"],
        tmp_path,
        prefix="num",
        settings_module="thidua.settings.base",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "numbers 1..120 unique and gapless" in result.stdout
