"""Reads the hashed lock files (requirements/*.txt, written by scripts/lock.sh).

Run as ``python scripts/lock_sync.py requirements/main.txt`` inside the venv: uninstalls
every distribution the lock does not list (what an earlier lock installed), so the venv
holds the lock and thidua, nothing else. tests/test_lock.py uses :func:`read_lock` to
check that pyproject.toml, the lock and the installed packages agree.

Standard library only: it runs before anything else is installed.
"""

import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

__all__ = ["normalize", "read_lock", "unlisted_distributions"]

# What is installed in the venv without being a locked dependency.
NOT_LOCKED = {"thidua"}

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)")
_HASH = re.compile(r"--hash=sha256:([0-9a-f]{64})")


def normalize(name: str) -> str:
    """PEP 503 name: ``PyHanko`` and ``pyhanko``, ``django_csp`` and ``django-csp`` match."""
    return re.sub(r"[-_.]+", "-", name).lower()


def read_lock(path: str | Path) -> dict[str, tuple[str, list[str]]]:
    """``{normalized name: (version, [sha256, ...])}`` of a pip-compile file with hashes.

    Raises ValueError for a line that is neither a pin, a hash, a comment nor blank: an
    unpinned or hand-edited entry must not pass for locked."""
    entries: dict[str, tuple[str, list[str]]] = {}
    current = None
    for number, raw in enumerate(
        Path(path).read_text(encoding="utf-8").splitlines(), 1
    ):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        pin = _PIN.match(line)
        if pin and not raw.startswith((" ", "\t")):
            current = normalize(pin.group(1))
            entries[current] = (pin.group(2), [])
        elif line.startswith("--hash=") and current is not None:
            entries[current][1].extend(_HASH.findall(line))
        else:
            raise ValueError(f"{path}:{number}: not a hashed pin: {line}")
    return entries


def unlisted_distributions(lock: dict) -> list[str]:
    names = {normalize(d.metadata["Name"]) for d in metadata.distributions()}
    return sorted(names - set(lock) - NOT_LOCKED)


def main(argv: list[str]) -> int:
    extra = unlisted_distributions(read_lock(argv[1]))
    if extra:
        sys.stdout.write(
            "==> pip uninstall (not in the lock): " + " ".join(extra) + "\n"
        )
        subprocess.run(
            [sys.executable, "-m", "pip", "uninstall", "-q", "-y", *extra], check=True
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
