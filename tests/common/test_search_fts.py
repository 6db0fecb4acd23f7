"""The SQLite FTS5 trigram index of people's search text (common/fts.py; docs/search.md).

On PostgreSQL the same tests check that the pg_trgm path is untouched (plain LIKE).
"""

import datetime

import pytest
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.common import fts
from thidua.nominations.services.nomination import create_nomination, open_round
from thidua.organizations.models import Person
from thidua.organizations.selectors import person_list
from thidua.organizations.services.person import derive_person_fields
from thidua.site.search import search_all

pytestmark = pytest.mark.django_db
FTS_TABLE = "organizations_person_fts"
SUFFIXES = ["", "_insert", "_delete", "_update"]


def _people(user, q) -> list[str]:
    results = search_all(user, q)
    group = next(g for g in results.groups if g.key == "people")
    return [str(person) for person in group.items]


def _people_sql(user, q) -> str:
    with CaptureQueriesContext(connection) as captured:
        search_all(user, q)
    return next(
        query["sql"]
        for query in captured.captured_queries
        if 'FROM "organizations_person"' in query["sql"]
        and "search_text" in query["sql"]
    )


def _bulk_person(unit, name, cccd) -> Person:
    person = Person(
        full_name=name,
        gender="nu",
        birth_date=datetime.date(1990, 1, 2),
        cccd=cccd,
        category="cong_chuc",
        unit=unit,
    )
    derive_person_fields(person)
    (person,) = Person.objects.bulk_create([person])
    return person


def test_database_built_from_migrations_has_the_index():
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    assert (FTS_TABLE in tables) == fts.fts_enabled()
    if connection.vendor == "sqlite":
        assert fts.missing_parts(connection) == (
            [] if fts.fts_enabled() else [f"{FTS_TABLE}{s}" for s in SUFFIXES]
        )


def test_words_of_three_letters_go_through_the_index(org, users):
    sql = _people_sql(users["officer"], "nguyen anh")
    if not fts.fts_enabled():
        assert FTS_TABLE not in sql and "LIKE" in sql
        return
    assert f"{FTS_TABLE} MATCH" in sql
    with connection.cursor() as cursor:
        cursor.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM organizations_person "
            f"WHERE id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)",
            ['"nguyen"'],
        )
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert f"SCAN {FTS_TABLE} VIRTUAL TABLE" in plan
    assert _people(users["officer"], "nguyen anh") == ["Nguyễn Văn Ánh"]


def test_two_letter_words_still_match_as_substrings(org, users):
    # No trigram in "an": LIKE alone, as before; beside a longer word, LIKE on the
    # index's candidates.
    assert FTS_TABLE not in _people_sql(users["admin"], "an")
    assert "Nguyễn Văn Ánh" in _people(users["admin"], "an")
    assert "Hoàng Thị Lan" in _people(users["admin"], "an")
    assert _people(users["admin"], "nguyen an") == ["Nguyễn Văn Ánh"]
    assert _people(users["admin"], "oa la") == ["Hoàng Thị Lan"]
    assert [p.full_name for p in person_list(users["admin"], query="Lan")] == [
        "Hoàng Thị Lan"
    ]


def test_quotes_and_operators_in_a_word_are_plain_text(org, users):
    # The person list folds without dropping punctuation: FTS syntax stays literal.
    for query in ['ng"uyen', "nguyen*", "nguyen OR", "(van) anh", "a:b"]:
        assert list(person_list(users["admin"], query=query)) == []
    assert [p.full_name for p in person_list(users["admin"], query="NGUYỄN")] == [
        "Nguyễn Văn Ánh"
    ]


def test_bulk_created_updated_and_deleted_rows_follow(org, users):
    person = _bulk_person(org.dkkd, "Đinh Thị Xuyến", "001190000777")
    assert _people(users["officer"], "xuyen") == ["Đinh Thị Xuyến"]
    assert _people(users["officer"], "190000777") == ["Đinh Thị Xuyến"]
    Person.objects.filter(pk=person.pk).update(
        full_name="Đinh Thị Quỳnh", search_text="dinh thi quynh 001190000777"
    )
    assert _people(users["officer"], "xuyen") == []
    assert _people(users["officer"], "quynh") == ["Đinh Thị Quỳnh"]
    Person.objects.filter(pk=person.pk).delete()
    assert _people(users["officer"], "quynh") == []
    assert _people(users["officer"], "dinh thi") == []


def test_hidden_people_are_not_found_through_the_index(org, users):
    assert _people(users["officer"], "pham quoc") == []
    assert _people(users["other_officer"], "pham quoc") == ["Phạm Quốc Dũng"]
    assert _people(users["staff"], "thi") == ["Hoàng Thị Lan"]


@pytest.mark.parametrize(
    "query",
    [
        "nguyen",
        "thi",
        "th",
        "an",
        "nguyen v",
        "ng an",
        "1900001",
        "van anh",
        "n t an",
        "dang ky",
        "phong",
    ],
)
@pytest.mark.parametrize("role", ["admin", "officer", "unit_head"])
def test_index_and_like_find_the_same_rows_in_the_same_order(
    org, users, monkeypatch, query, role
):
    round_ = open_round(
        agency=org.skhdt,
        name="Xét 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=datetime.date(2099, 1, 1),
    )
    for i, name in enumerate(["Nguyễn Thị An", "Nguyễn Văn Thanh", "Lê Văn Nguyên"]):
        person = _bulk_person(org.dkkd, name, f"00119000010{i}")
        create_nomination(round_, proposing_unit=org.dkkd, person=person, code="LDTT")
    create_nomination(round_, proposing_unit=org.dkkd, agency=org.dkkd, code="TTLDXS")
    with_index = search_all(users[role], query)
    monkeypatch.setattr(fts, "fts5_trigram_available", lambda: False)
    without = search_all(users[role], query)
    assert with_index.total
    if role == "admin" and query in ("nguyen", "dang ky"):
        assert next(g for g in with_index.groups if g.key == "nominations").items
    assert [(g.key, g.items, g.more) for g in with_index.groups] == [
        (g.key, g.items, g.more) for g in without.groups
    ]


def test_repair_puts_back_triggers_a_table_rebuild_dropped(org, users):
    if not fts.fts_enabled():
        fts.repair(using=connection.alias)  # nothing to repair, nothing created
        assert FTS_TABLE not in connection.introspection.table_names()
        return
    with connection.cursor() as cursor:
        for suffix in ("insert", "delete", "update"):
            cursor.execute(f"DROP TRIGGER {FTS_TABLE}_{suffix}")
    _bulk_person(org.dkkd, "Đinh Thị Xuyến", "001190000777")  # not indexed
    assert fts.missing_parts(connection) == [f"{FTS_TABLE}{s}" for s in SUFFIXES[1:]]
    fts.repair(using=connection.alias)
    assert fts.missing_parts(connection) == []
    assert _people(users["officer"], "xuyen") == ["Đinh Thị Xuyến"]


def test_install_fills_the_index_from_existing_rows(org, users):
    fts.uninstall(connection)
    assert FTS_TABLE not in connection.introspection.table_names()
    fts.install(connection)
    assert (FTS_TABLE in connection.introspection.table_names()) == fts.fts_enabled()
    assert _people(users["admin"], "nguyen van") == ["Nguyễn Văn Ánh"]


def test_repair_installs_an_index_the_migration_could_not_create(org, users):
    # As when the migration ran on a SQLite without FTS5 and the library was upgraded.
    fts.uninstall(connection)
    fts.repair(using=connection.alias)
    assert (FTS_TABLE in connection.introspection.table_names()) == fts.fts_enabled()
    assert _people(users["admin"], "nguyen van") == ["Nguyễn Văn Ánh"]


def test_check_says_when_sqlite_has_no_fts5(monkeypatch):
    monkeypatch.setattr(fts, "fts5_trigram_available", lambda: False)
    messages = fts.check_fts()
    assert [m.id for m in messages] == (
        ["thidua.I001"] if connection.vendor == "sqlite" else []
    )
    assert fts.fts_enabled() is False


def test_migrate_repairs_what_a_table_rebuild_dropped(org, users):
    # An AlterField on Person rebuilds the table on SQLite (checked by hand with
    # schema_editor._remake_table: the FTS table survives, its triggers do not). A
    # schema editor cannot run inside this test's transaction, so drop them directly.
    if fts.fts_enabled():
        with connection.cursor() as cursor:
            for suffix in SUFFIXES[1:]:
                cursor.execute(f"DROP TRIGGER {FTS_TABLE}{suffix}")
    Person.objects.filter(pk=org.people["dkkd_staff"].pk).update(
        search_text="nguyen van quynh 001085000001"
    )
    emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)
    if connection.vendor == "sqlite":
        assert fts.missing_parts(connection) == (
            [] if fts.fts_enabled() else [f"{FTS_TABLE}{s}" for s in SUFFIXES]
        )
    assert _people(users["admin"], "quynh") == ["Nguyễn Văn Ánh"]
    assert _people(users["admin"], "nguyen van anh") == []
