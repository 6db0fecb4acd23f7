"""The database half of a backup: a consistent snapshot and its restore, per engine.

* SQLite: the online backup API (``sqlite3.Connection.backup``) copies every page in
  one step under a read transaction, so the copy is consistent while the web server
  and the worker keep writing (WAL). The copy is switched to a single-file journal
  and checked (``PRAGMA quick_check``). Restoring writes it back through the same API.
* PostgreSQL: ``pg_dump -Fc`` inside an exported snapshot (REPEATABLE READ), so the
  row counts written in the manifest describe exactly what was dumped. Restoring uses
  ``pg_restore --single-transaction``; triggers, functions and sequence positions are
  part of the dump. The tools are found in ``THIDUA_PG_BIN``, then in the newest
  ``/usr/lib/postgresql/*/bin`` (Debian), then on PATH.

Table counts, trigger names and the audit chain head are read from the snapshot
itself; after a restore they are compared with the live database.
"""

import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

from .archive import BackupError

__all__ = [
    "data_tables_with_rows",
    "engine",
    "live_state",
    "postgres_dump",
    "postgres_restore",
    "sequence_problems",
    "sqlite_restore",
    "sqlite_snapshot",
]

# Tables that hold no user data on a freshly migrated database (or only what
# migrate writes, or caches derived from other tables).
BOOKKEEPING = {
    "django_migrations",
    "django_content_type",
    "auth_permission",
    "django_session",
}
BOOKKEEPING_PREFIXES = ("axes_", "sqlite_")
FTS_MARK = "_fts"


def engine() -> str:
    return "sqlite" if connection.vendor == "sqlite" else connection.vendor


def _is_data_table(name: str) -> bool:
    return (
        name not in BOOKKEEPING
        and not name.startswith(BOOKKEEPING_PREFIXES)
        and FTS_MARK not in name
    )


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# --- what a database holds (snapshot or live) -------------------------------------


def _state(cursor, tables: list[str], triggers: list[str]) -> dict:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")
        counts[table] = cursor.fetchone()[0]
    migrations: dict[str, list[str]] = {}
    if "django_migrations" in counts:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        for app, name in cursor.fetchall():
            migrations.setdefault(app, []).append(name)
    audit = {"seq": 0, "hash": ""}
    if "common_chainhead" in counts:
        cursor.execute("SELECT seq, hash FROM common_chainhead WHERE id = 1")
        row = cursor.fetchone()
        if row:
            audit = {"seq": row[0], "hash": row[1]}
    return {
        "tables": counts,
        "triggers": sorted(triggers),
        "migrations": migrations,
        "audit": audit,
    }


def _sqlite_names(cursor) -> tuple[list[str], list[str]]:
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%'"
    )
    tables = [r[0] for r in cursor.fetchall()]
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    return tables, [r[0] for r in cursor.fetchall()]


PG_TABLES = """
SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
"""
PG_TRIGGERS = """
SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND NOT t.tgisinternal
"""


def _pg_names(cursor) -> tuple[list[str], list[str]]:
    cursor.execute(PG_TABLES)
    tables = [r[0] for r in cursor.fetchall()]
    cursor.execute(PG_TRIGGERS)
    return tables, [r[0] for r in cursor.fetchall()]


def live_state() -> dict:
    """Counts, triggers, migrations and chain head of the configured database."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            tables, triggers = _sqlite_names(cursor)
        else:
            tables, triggers = _pg_names(cursor)
        return _state(cursor, tables, triggers)


def data_tables_with_rows() -> list[str]:
    """Tables of the configured database that hold data (empty: a new or freshly
    migrated database)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            tables, _ = _sqlite_names(cursor)
        else:
            tables, _ = _pg_names(cursor)
        busy = []
        for table in sorted(t for t in tables if _is_data_table(t)):
            cursor.execute(f"SELECT 1 FROM {_quote(table)} LIMIT 1")
            if cursor.fetchone():
                busy.append(table)
        return busy


# --- SQLite -------------------------------------------------------------------------


def _sqlite_path() -> Path:
    return Path(settings.DATABASES["default"]["NAME"])


def sqlite_snapshot(dest: Path) -> dict:
    """Copy the live database into ``dest`` (consistent, even while others write)."""
    source_path = _sqlite_path()
    if not source_path.exists():
        raise BackupError(
            f"Chưa có cơ sở dữ liệu {source_path}: không có gì để sao lưu."
        )
    source = sqlite3.connect(f"file:{source_path}?mode=rw", uri=True, timeout=60)
    target = sqlite3.connect(dest)
    try:
        source.execute("PRAGMA busy_timeout = 60000")
        source.backup(target)  # every page in one step: one consistent read
        target.execute("PRAGMA journal_mode = DELETE")
        if target.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise BackupError(
                "Bản sao cơ sở dữ liệu không qua được PRAGMA quick_check."
            )
        cursor = target.cursor()
        state = _state(cursor, *_sqlite_names(cursor))
        state["server_version"] = sqlite3.sqlite_version
        return state
    except sqlite3.Error as exc:
        raise BackupError(f"Không sao chép được cơ sở dữ liệu SQLite: {exc}") from exc
    finally:
        target.close()
        source.close()


def sqlite_restore(snapshot: Path) -> None:
    """Write ``snapshot`` over the configured database, page by page through SQLite
    (its own journal keeps the file consistent; stale -wal/-shm files cannot mix in)."""
    connections.close_all()
    target_path = _sqlite_path()
    source = sqlite3.connect(f"file:{snapshot}?mode=ro", uri=True)
    target = sqlite3.connect(target_path, timeout=60)
    try:
        if source.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise BackupError("Bản sao cơ sở dữ liệu trong tệp sao lưu bị hỏng.")
        target.execute("PRAGMA busy_timeout = 60000")
        source.backup(target)
        target.execute("PRAGMA journal_mode = WAL")
        if target.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise BackupError("Cơ sở dữ liệu sau khi khôi phục không qua quick_check.")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise BackupError(
                "Cơ sở dữ liệu đang được dùng: dừng thidua (máy chủ web và tiến trình "
                "nền) trước khi khôi phục."
            ) from exc
        raise BackupError(f"Không khôi phục được cơ sở dữ liệu SQLite: {exc}") from exc
    finally:
        target.close()
        source.close()
    for suffix in ("", "-wal", "-shm"):
        path = Path(f"{target_path}{suffix}")
        if path.exists():
            path.chmod(0o600)


# --- PostgreSQL ---------------------------------------------------------------------


def _pg_tool(name: str) -> str:
    configured = getattr(settings, "THIDUA_PG_BIN", "")
    candidates = []
    if configured:
        candidates.append(Path(configured) / name)
    versions = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda p: [int(x) for x in re.findall(r"\d+", p.parent.parent.name)],
    )
    candidates.extend(reversed(versions))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which(name)
    if found:
        return found
    raise BackupError(
        f"Không tìm thấy {name} (gói postgresql-client). Cài gói đó, hoặc đặt "
        "THIDUA_PG_BIN là thư mục chứa pg_dump và pg_restore."
    )


def _libpq() -> tuple[str, dict]:
    """A libpq connection string without the password, and the environment carrying
    it (never on a command line, where ``ps`` shows it)."""
    from psycopg.conninfo import make_conninfo  # noqa: PLC0415 (PostgreSQL only)

    params = connection.get_connection_params()
    password = params.pop("password", None)
    plain = {k: v for k, v in params.items() if isinstance(v, str | int)}
    env = {**os.environ, "PGAPPNAME": "thidua-backup"}
    if password:
        env["PGPASSWORD"] = str(password)
    return make_conninfo("", **plain), env


def _run(args: list[str], env: dict, what: str) -> None:
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()[-1500:]
        raise BackupError(f"{what} thất bại (mã {result.returncode}):\n{detail}")


def postgres_dump(dest: Path) -> dict:
    """``pg_dump -Fc`` of the configured database into ``dest``; counts and chain
    head from the same snapshot."""
    import psycopg  # noqa: PLC0415 (PostgreSQL only)

    conninfo, env = _libpq()
    pg_dump = _pg_tool("pg_dump")
    with psycopg.connect(**connection.get_connection_params()) as conn:
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        snapshot = conn.execute("SELECT pg_export_snapshot()").fetchone()[0]
        _run(
            [
                pg_dump,
                "--format=custom",
                f"--snapshot={snapshot}",
                "--no-password",
                f"--file={dest}",
                f"--dbname={conninfo}",
            ],
            env,
            "pg_dump",
        )
        with conn.cursor() as cursor:
            state = _state(cursor, *_pg_names(cursor))
            cursor.execute("SHOW server_version")
            state["server_version"] = cursor.fetchone()[0]
        conn.rollback()
    return state


PG_DROPPABLE = """
SELECT c.relkind, c.relname FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                  AND d.objid = c.oid AND d.deptype = 'e')
"""
PG_ROUTINES = """
SELECT p.oid::regprocedure::text FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = current_schema() AND p.prokind IN ('f', 'p')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                  AND d.objid = p.oid AND d.deptype = 'e')
"""
DROP_KIND = {
    "r": "TABLE",
    "p": "TABLE",
    "f": "FOREIGN TABLE",
    "v": "VIEW",
    "m": "MATERIALIZED VIEW",
    "S": "SEQUENCE",
}


def _pg_clear_schema() -> None:
    """Drop thidua's tables, sequences and functions from the schema (one transaction;
    extensions such as pg_trgm stay)."""
    import psycopg  # noqa: PLC0415 (PostgreSQL only)

    with psycopg.connect(**connection.get_connection_params()) as conn:
        rows = conn.execute(PG_DROPPABLE).fetchall()
        for kind, name in sorted(rows, key=lambda r: r[0] == "S"):
            conn.execute(f"DROP {DROP_KIND[kind]} IF EXISTS {_quote(name)} CASCADE")
        for (routine,) in conn.execute(PG_ROUTINES).fetchall():
            conn.execute(f"DROP ROUTINE IF EXISTS {routine} CASCADE")
        conn.commit()


def postgres_restore(dump: Path) -> None:
    """Empty the configured database's schema, then ``pg_restore`` the dump in one
    transaction (a failure leaves the schema empty, never half restored)."""
    connections.close_all()
    conninfo, env = _libpq()
    pg_restore = _pg_tool("pg_restore")
    _pg_clear_schema()
    _run(
        [
            pg_restore,
            "--single-transaction",
            "--exit-on-error",
            "--no-owner",
            "--no-privileges",
            "--no-comments",
            "--no-password",
            f"--dbname={conninfo}",
            str(dump),
        ],
        env,
        "pg_restore",
    )
    connections.close_all()


SERIAL_COLUMNS = """
SELECT c.relname, a.attname, pg_get_serial_sequence(quote_ident(c.relname), a.attname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE n.nspname = current_schema() AND c.relkind = 'r'
  AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL
"""


def sequence_problems() -> list[str]:
    """PostgreSQL: identity/serial sequences that would hand out an id already used."""
    if connection.vendor != "postgresql":
        return []
    problems = []
    with connection.cursor() as cursor:
        cursor.execute(SERIAL_COLUMNS)
        for table, column, sequence in cursor.fetchall():
            cursor.execute(f"SELECT MAX({_quote(column)}) FROM {_quote(table)}")
            highest = cursor.fetchone()[0]
            if highest is None:
                continue
            cursor.execute(f"SELECT last_value, is_called FROM {sequence}")
            last, called = cursor.fetchone()
            if last < highest or (last == highest and not called):
                problems.append(
                    f"{table}.{column}: dãy số ở {last}, lớn nhất {highest}"
                )
    return problems
