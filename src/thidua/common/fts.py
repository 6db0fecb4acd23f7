"""Substring search through SQLite FTS5 trigram indexes (docs/search.md).

Each indexed table ``T`` gets an external-content FTS5 table ``T_fts`` over its
``search_text`` (the rowid is the row's id), kept in step by triggers on ``T``, so
``bulk_create``, ``.update()``, imports and raw SQL are all seen. A query word of three
or more characters becomes ``id IN (SELECT rowid FROM T_fts WHERE T_fts MATCH …)``, a
phrase of trigrams, i.e. an exact substring. Shorter words cannot be trigrams: they stay
``search_text LIKE '%w%'``, on the FTS candidates when there are any.

PostgreSQL has pg_trgm indexes instead (search_migrations.trigram_index), and SQLite
builds without FTS5 keep the LIKE scan: both get plain ``search_text__contains``.
"""

import functools
import sqlite3

from django.core import checks
from django.db import connection as default_connection
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

__all__ = [
    "INDEXED_TABLES",
    "MIN_TRIGRAM",
    "contains_words",
    "fts_applies",
    "fts_enabled",
    "install",
    "matching_ids",
    "missing_parts",
    "repair",
    "uninstall",
]

# The 100,000-row table; the others hold hundreds to a few thousand rows, which the
# B-tree scan of search_text answers as fast (docs/benchmarks.md).
INDEXED_TABLES = ("organizations_person",)
MIN_TRIGRAM = 3
MIGRATION = ("common", "0003_search_fts")


@functools.cache
def fts5_trigram_available() -> bool:
    """Whether the SQLite library (the one Django uses too) has FTS5 and the
    trigram tokenizer (3.34+)."""
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
    except sqlite3.Error:
        return False
    finally:
        probe.close()
    return True


def fts_enabled(connection=default_connection) -> bool:
    return connection.vendor == "sqlite" and fts5_trigram_available()


def _statements(table: str, column: str = "search_text") -> list[str]:
    fts = f"{table}_fts"
    delete = (
        f"INSERT INTO {fts} ({fts}, rowid, {column}) "
        f"VALUES ('delete', old.id, old.{column});"
    )
    insert = f"INSERT INTO {fts} (rowid, {column}) VALUES (new.id, new.{column});"
    return [
        # case_sensitive 1: the column and the query are folded already, and an exact
        # match is what LIKE gives on such text.
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({column}, "
        f"content='{table}', content_rowid='id', "
        "tokenize='trigram case_sensitive 1')",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_insert AFTER INSERT ON {table} "
        f"BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_delete AFTER DELETE ON {table} "
        f"BEGIN {delete} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_update AFTER UPDATE OF id, {column} "
        f"ON {table} WHEN old.{column} IS NOT new.{column} OR old.id != new.id "
        f"BEGIN {delete} {insert} END",
        # Fills the index from the rows there are (a no-op on an empty table).
        f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')",
    ]


def install(connection) -> None:
    """Create (or complete) every FTS table and its triggers, then rebuild the index."""
    if not fts_enabled(connection):
        return
    with connection.cursor() as cursor:
        for table in INDEXED_TABLES:
            for sql in _statements(table):
                cursor.execute(sql)


def uninstall(connection) -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for table in INDEXED_TABLES:
            for suffix in ("insert", "delete", "update"):
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
            cursor.execute(f"DROP TABLE IF EXISTS {table}_fts")


def missing_parts(connection) -> list[str]:
    """FTS tables and triggers that are not there. Django rebuilds a table to alter it
    on SQLite, and the rebuild drops the table's triggers."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')"
        )
        present = {name for (name,) in cursor.fetchall()}
    wanted = [
        f"{table}_fts{suffix}"
        for table in INDEXED_TABLES
        for suffix in ("", "_insert", "_delete", "_update")
    ]
    return [name for name in wanted if name not in present]


def repair(sender=None, using="default", **kwargs) -> None:
    """post_migrate: once the migration that installs the index is applied, put back
    what is missing — triggers a later table rebuild dropped, or the whole index when
    the migration ran on a SQLite without FTS5 — and refill the index (rows may have
    changed meanwhile). ``thidua serve`` migrates on start, so this runs then too."""
    connection = connections[using]
    if not fts_enabled(connection):
        return
    if MIGRATION not in MigrationRecorder(connection).applied_migrations():
        return
    if missing_parts(connection):
        install(connection)


def fts_applies(words: list[str], table: str | None) -> bool:
    """Whether :func:`contains_words` answers these words from ``table``'s FTS index."""
    return (
        table in INDEXED_TABLES
        and any(len(word) >= MIN_TRIGRAM for word in words)
        and fts_enabled()
    )


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def matching_ids(words: list[str], table: str) -> RawSQL:
    """Ids of ``table``'s rows holding every word of three characters or more."""
    fts = f"{table}_fts"
    match = " AND ".join(_fts_phrase(w) for w in words if len(w) >= MIN_TRIGRAM)
    return RawSQL(f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s", (match,))


def contains_words(words: list[str], prefix: str = "", table: str | None = None) -> Q:
    """Every word occurs in ``{prefix}search_text``: the FTS index of ``table`` for words
    of three characters or more when it can, ``LIKE`` otherwise."""
    condition = Q()
    if fts_applies(words, table):
        condition &= Q(**{f"{prefix}pk__in": matching_ids(words, table)})
        words = [w for w in words if len(w) < MIN_TRIGRAM]
    for word in words:
        condition &= Q(**{f"{prefix}search_text__contains": word})
    return condition


@checks.register()
def check_fts(app_configs=None, databases=None, **kwargs):
    """``thidua check``: say when SQLite search cannot use the trigram index."""
    if default_connection.vendor != "sqlite" or fts5_trigram_available():
        return []
    return [
        checks.Info(
            _(
                "SQLite %(version)s không có FTS5 (trigram): tìm kiếm quét cả bảng "
                "thay vì dùng chỉ mục, chậm hơn khi có hàng chục nghìn người."
            )
            % {"version": sqlite3.sqlite_version},
            id="thidua.I001",
        )
    ]
