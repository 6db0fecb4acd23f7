"""The append-only guards exist on every protected table.

On SQLite, Django rebuilds a table to alter it and the rebuild drops its triggers, so a
later migration of one of these tables must reinstall them; this test notices if not.
"""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

PROTECTED = [
    "common_activitylog",
    "common_auditcheckpoint",
    "documents_issueddocument",
    "documents_draftdocument",
    "councils_ballotvote",
    "councils_ballotparticipation",
    "councils_ballotresult",
]


def triggers_by_table() -> dict[str, set[str]]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'"
            )
        else:
            cursor.execute(
                "SELECT c.relname, t.tgname FROM pg_trigger t "
                "JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal"
            )
        found: dict[str, set[str]] = {}
        for table, name in cursor.fetchall():
            found.setdefault(table, set()).add(name)
    return found


@pytest.mark.parametrize("table", PROTECTED)
def test_protected_tables_keep_their_triggers(table):
    assert triggers_by_table().get(table), f"{table} lost its append-only triggers"
