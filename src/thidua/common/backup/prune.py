"""Retention of dated backups in a folder: keep the newest of each of the last N days,
N weeks and N months (grandfather–father–son); delete the rest.

Only files named like ``thidua backup FOLDER/`` names them
(``thidua-YYYYMMDD-HHMMSS.tar.gz`` or ``.tar``) are considered; anything else in the
folder is left alone.
"""

import datetime
import re
from pathlib import Path

__all__ = ["backups_in", "prune", "to_keep"]

NAME = re.compile(r"^thidua-(\d{8}-\d{6})\.(tar\.gz|tgz|tar)$")


def backups_in(folder: Path) -> list[tuple[datetime.datetime, Path]]:
    """The dated backups in ``folder``, newest first."""
    found = []
    for path in Path(folder).iterdir():
        match = NAME.match(path.name)
        if match and path.is_file():
            moment = datetime.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")  # noqa: DTZ007 (local time in the name)
            found.append((moment, path))
    return sorted(found, reverse=True)


def to_keep(
    moments: list[datetime.datetime], *, daily: int, weekly: int, monthly: int
) -> set[datetime.datetime]:
    """The newest backup of each of the ``daily`` latest days, ``weekly`` latest ISO
    weeks and ``monthly`` latest months."""
    keep: set[datetime.datetime] = set()
    for count, period in (
        (daily, lambda m: m.date()),
        (weekly, lambda m: m.isocalendar()[:2]),
        (monthly, lambda m: (m.year, m.month)),
    ):
        seen = []
        for moment in sorted(moments, reverse=True):
            key = period(moment)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.append(key)
            keep.add(moment)
    return keep


def prune(
    folder: Path, *, daily: int, weekly: int, monthly: int, protect: Path | None = None
) -> list[Path]:
    """Delete the dated backups the policy does not keep; returns what was deleted.
    ``protect`` (the backup just written) is never deleted."""
    backups = backups_in(folder)
    keep = to_keep([m for m, _ in backups], daily=daily, weekly=weekly, monthly=monthly)
    deleted = []
    for moment, path in backups:
        if moment in keep or (protect is not None and path == protect):
            continue
        path.unlink()
        deleted.append(path)
    return deleted
