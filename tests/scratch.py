"""A database of its own for code that needs real commits from several connections
(races, the demo server): a scratch PostgreSQL database beside THIDUA_DATABASE_URL, or
nothing (the caller's data dir gets a fresh WAL SQLite file). Used by tests and bench."""

import os
import subprocess
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

__all__ = ["run_worker", "scratch_database"]


@contextmanager
def scratch_database(prefix: str, url: str | None = None):
    """Yield the URL of a new database (dropped afterwards), or "" without PostgreSQL."""
    url = os.environ.get("THIDUA_DATABASE_URL", "") if url is None else url
    if not url:
        yield ""
        return
    import psycopg

    parts = urlparse(url)
    name = f"thidua_{prefix}_{uuid.uuid4().hex[:8]}"
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield parts._replace(path=f"/{name}").geturl()
    finally:
        from django.db import connections

        if name in {c.settings_dict.get("NAME") for c in connections.all()}:
            connections.close_all()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_worker(
    worker: Path,
    args: list[str],
    data_dir: Path,
    *,
    prefix: str,
    settings_module: str | None = None,
) -> subprocess.CompletedProcess:
    """Run a worker script in a subprocess against a scratch database of its own."""
    env = {
        **os.environ,
        "THIDUA_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": settings_module
        or os.environ["DJANGO_SETTINGS_MODULE"],
    }
    with scratch_database(prefix) as url:
        if url:
            env["THIDUA_DATABASE_URL"] = url
        return subprocess.run(
            [sys.executable, str(worker), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
