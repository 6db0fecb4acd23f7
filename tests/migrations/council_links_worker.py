"""Subprocess for the council-links migration test (councils 0004-0006, redesign P3):
a database of its own holding the demo (a closed meeting, its agenda with conflicts of
interest, its two biên bản), migrated back to the integer and JSON columns, given the
odd rows an old database may hold, then forward and back again.

Prints one JSON line: the links at each step."""

import json
import sys
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[2]

BEFORE_THE_LINKS = [("councils", "0003_state_checks")]


def _pdf(*_args, **_kwargs) -> bytes:
    """A blank A4 page instead of LibreOffice, which these migrations are not about."""
    import io

    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def links() -> dict:
    """The links as the current models hold them."""
    from thidua.councils.models import AgendaItem, Ballot, BallotBox, Meeting

    return {
        "items": sorted(
            [
                i.pk,
                i.nomination_id,
                i.nominee_person_id,
                i.nominee_unit_id,
                sorted(m.person_id for m in i.conflicted_members.all()),
                sorted(m.pk for m in i.conflicted_members.all()),
            ]
            for i in AgendaItem.objects.all()
        ),
        "meetings": sorted(
            [m.pk, m.minutes_document_id, m.tally_document_id]
            for m in Meeting.objects.all()
        ),
        "documents": sorted(
            [m.pk, m.minutes_document.source_kind, m.minutes_document.source_id]
            + [m.tally_document.source_kind, m.tally_document.source_id]
            for m in Meeting.objects.exclude(minutes_document=None)
        ),
        # Ballots (councils 0008): each in a box, its votes and result unchanged.
        "ballots": sorted(
            [b.pk, b.box_id is not None, b.votes.count(), b.result.yes, b.result.no]
            for b in Ballot.objects.select_related("result")
        ),
        "boxes": sorted(
            [box.state, box.wrapped_private_key is None, box.receipts.count() > 0]
            for box in BallotBox.objects.all()
        ),
    }


def _rows(sql: str, params=()) -> list[list]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [list(r) for r in cursor.fetchall()]


def old_columns() -> dict:
    """The links as the old schema held them, read with SQL (no model has them)."""
    items = _rows(
        "select id, subject_kind, subject_id, nominee_person_id, nominee_unit_id, "
        "conflicted_person_ids from councils_agendaitem order by id"
    )
    for row in items:  # a JSON text on SQLite, a list on PostgreSQL
        if isinstance(row[5], str):
            row[5] = json.loads(row[5])
    return {
        "items": items,
        "documents": _rows(
            "select source_id, source_kind, id from documents_issueddocument "
            "where source_kind in ('council_minutes', 'council_tally') "
            "order by source_id, source_kind"
        ),
        "tables": sorted(
            t
            for t in _tables()
            if t in ("councils_agendaconflict", "councils_agendaitem")
        ),
        "meeting_columns": sorted(
            c for c in _columns("councils_meeting") if c.endswith("_document_id")
        ),
    }


def _tables() -> list[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


def _columns(table: str) -> list[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        return [
            c.name
            for c in connection.introspection.get_table_description(cursor, table)
        ]


def oddities(old: dict) -> dict:
    """What an old database may hold and the new links cannot: a subject id naming no
    nomination, an item about a nomination without its nominee ids, a conflicted
    person twice and one with no seat on the council. Returns what was done."""
    from django.db import connection

    first, second = old["items"][0], old["items"][1]
    seatless = _rows(
        "select id from organizations_person where id not in "
        "(select person_id from organizations_councilmember) order by id limit 1"
    )[0][0]
    conflicted = [*first[5], *first[5], seatless]
    with connection.cursor() as cursor:
        cursor.execute(
            "update councils_agendaitem set nominee_person_id = NULL, "
            "nominee_unit_id = NULL, conflicted_person_ids = %s where id = %s",
            [json.dumps(conflicted), first[0]],
        )
        cursor.execute(
            "update councils_agendaitem set subject_id = %s where id = %s",
            [10**9, second[0]],
        )
    return {"cleared": first[0], "orphan": second[0], "seatless": seatless}


def migrate(targets) -> None:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    MigrationExecutor(connection).migrate(targets)


def main() -> int:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    call_command("migrate", verbosity=0, interactive=False)
    with (
        mock.patch("thidua.documents.rendering.docx_to_pdf", _pdf),
        mock.patch("thidua.documents.rendering.pdf.docx_to_pdf", _pdf),
    ):
        from thidua.demo.loader import load_demo

        load_demo()
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    result = {"vendor": connection.vendor, "links": links()}
    migrate(BEFORE_THE_LINKS)
    result["old"] = old_columns()
    result["odd"] = oddities(result["old"])
    migrate(latest)
    result["links_again"] = links()
    result["new_tables"] = sorted(
        t for t in _tables() if t in ("councils_agendaconflict", "councils_agendaitem")
    )
    migrate(BEFORE_THE_LINKS)
    result["old_again"] = old_columns()
    migrate(latest)
    result["links_last"] = links()
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
