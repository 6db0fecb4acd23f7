"""Keep out of a server process the database and queue drivers its configuration does
not use.

huey's storage module imports ``redis`` and ``psycopg`` whenever they are installed,
whatever storage is configured: on an embedded install (SQLite, the SQLite queue) that is
~130 ms of start and ~15 MB in every process for nothing. Marking a module as absent in
``sys.modules`` makes its import fail as if it were not installed, which huey expects.
Only the configuration thidua reads decides (the same variables as thidua/settings).
"""

import os
import sys

__all__ = ["keep_out_unused_drivers"]

POSTGRES_SCHEMES = ("postgres://", "postgresql://", "pgsql://", "postgis://")


def keep_out_unused_drivers(environ=os.environ) -> list[str]:
    """Mark the unused drivers absent (unless already imported); returns their names."""
    unused = []
    if not environ.get("THIDUA_REDIS_URL"):
        unused.append("redis")
    if not environ.get("THIDUA_DATABASE_URL", "").startswith(POSTGRES_SCHEMES):
        unused.append("psycopg")
    for name in unused:
        sys.modules.setdefault(name, None)
    return unused
