"""Two people moving the same dossier at once: one wins, the other is told so.

Runs in a subprocess against a database of its own (scratch PostgreSQL database when the
suite runs on PostgreSQL — the case the issue asks for — a WAL SQLite file otherwise).
"""

import json
from pathlib import Path

from ..scratch import run_worker

WORKER = Path(__file__).with_name("race_worker.py")
STALE = "Hồ sơ đã được người khác cập nhật."


def test_simultaneous_moves_one_wins_the_other_is_told(tmp_path):
    result = run_worker(WORKER, ["--count", "10"], tmp_path, prefix="race")
    assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["moves"] == {"ok": 10, STALE: 10}, summary
    assert sum(summary["states"].values()) == 10
    assert summary["states"].get("da_gui", 0) == 0  # every dossier moved exactly once
    assert summary["events"] == 10
    assert summary["item_moves"] == {"ok": 5, STALE: 5}, summary
    awarded = summary["items"].get("khen_thuong", 0)
    assert awarded + summary["items"].get("tra_lai", 0) == 5
    assert summary["awards"] == awarded  # the register holds exactly the winners
