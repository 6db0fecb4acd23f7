"""Every benchmark in bench/ runs at HEAD (issue #18, point 5): each script on a tiny
size, as a real process, checks its own results and must exit 0. The figures are not
looked at — they are taken on purpose and recorded in docs/benchmarks.md."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
TINY = {
    "api_awards.py": "--awards 50 --people 20 --clients 2 --each 2 --workers 1",
    "api_people.py": "--people 200 --repeat 3",
    "ballots.py": "--members 3 --items 2",
    "ballots_http.py": "--members 3 --items 2 --workers 1",
    "decision_500.py": "--awardees 3 --runs 1",
    "documents.py": "--runs 1",
    "document_model.py": "--runs 1",
    "eligibility.py": "--sizes 200 --chunk 100",
    "import_staff.py": "--rows 30",
    "person_list.py": "--people 30 --repeat 2",
    "search_100k.py": "--people 300 --repeat 2",
    "server_start.py": "--runs 1 --requests 10 --workers 1 --settle 0.5",
    "stats_report.py": "--people 200 --years 2 --repeat 1",
}
# Helpers of the scripts, not benchmarks.
NOT_SCRIPTS = {"_common.py", "floor_site.py"}


def test_every_script_has_a_tiny_size():
    scripts = {p.name for p in BENCH.glob("*.py")} - NOT_SCRIPTS
    assert scripts == set(TINY)


@pytest.mark.needs_system  # LibreOffice, gunicorn on loopback
@pytest.mark.own_sqlite  # each script makes its own SQLite folder
@pytest.mark.parametrize("script", sorted(TINY))
def test_the_benchmark_runs(script, tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("THIDUA_", "DJANGO_"))
    }
    env["TMPDIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, str(BENCH / script), *TINY[script].split()],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "machine" in result.stdout.lower() or "python" in result.stdout.lower()
