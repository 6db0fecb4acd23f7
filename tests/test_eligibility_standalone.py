"""tests/eligibility runs in a plain interpreter where Django cannot even be imported:
the law engine is pure Python, and so are its tests and their conftests."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Run pytest as `python -m pytest -p no:django tests/eligibility` does, after putting a
# finder in front of sys.meta_path that refuses django and every django.* module.
CHILD = """
import sys

class NoDjango:
    def find_spec(self, name, path=None, target=None):
        if name == "django" or name.startswith("django."):
            raise ModuleNotFoundError(f"{name} is blocked in this test", name=name)
        return None

sys.meta_path.insert(0, NoDjango())
try:
    import django
except ModuleNotFoundError:
    pass
else:
    raise SystemExit("the blocker let django through")
import pytest

sys.argv = ["pytest", "-p", "no:django", "-q", "tests/eligibility"]
raise SystemExit(pytest.console_main())
"""


def test_eligibility_tests_pass_without_django():
    env = {
        k: v
        for k, v in os.environ.items()
        if k != "DJANGO_SETTINGS_MODULE" and not k.startswith(("PYTEST_", "COV_"))
    }
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert re.fullmatch(r"\d+ passed in [\d.]+s( \(.*\))?", summary), summary
