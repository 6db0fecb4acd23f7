"""Subprocess for the data-migration tests: a database of its own, filled with
the demo and a decision issued in thidua, migrated back to before the app moves and
forward again.

Prints one JSON line: what the data looked like before, in between and after."""

import datetime
import json
import sys
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[2]

# Before the award register left the decisions app and the tờ trình the nominations app
# (awards 0001 and submissions 0001 took their tables over).
BEFORE_THE_MOVES = [
    ("decisions", "0002_award_list_indexes"),
    ("awards", "0001_initial"),
    ("nominations", "0004_achievement_report"),
    ("submissions", "0001_initial"),
]


def _pdf(*_args, **_kwargs) -> bytes:
    """A blank A4 page instead of LibreOffice, which these migrations are not about (a
    real PDF: the demo's issuer signs its documents)."""
    import io

    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def fill() -> None:
    import time_machine

    from thidua.accounts.models import User
    from thidua.decisions.services.decision import (
        approve_decision,
        draft_decision,
        issue_decision,
        submit_decision,
    )
    from thidua.demo.loader import load_demo
    from thidua.documents.services.render import render_issued_document
    from thidua.nominations.models import PublicNotice

    load_demo()
    notice = PublicNotice.objects.get()
    after = notice.ends_on + datetime.timedelta(days=1)
    with time_machine.travel(after, tick=False):
        decision = draft_decision(
            notice.round,
            list(notice.nominations.order_by("id")[:2]),
            planned_on=after,
        )
        submit_decision(decision)
        approve_decision(decision, actor=User.objects.get(username="chutich"))
        decision = issue_decision(decision, issued_on=after)
        render_issued_document(decision.issued_document.pk)  # writes the awards


def snapshot() -> dict:
    from thidua.awards.models import Award
    from thidua.decisions.models import DecisionItem
    from thidua.submissions.models import Submission, SubmissionItem

    return {
        "register": sorted(
            [a.pk, a.verification_code, a.code, a.year, a.revoked]
            for a in Award.objects.all()
        ),
        "links": sorted(DecisionItem.objects.values_list("pk", "award_id")),
        "link_codes": sorted(
            [i.nomination.code, i.award.code if i.award else None]
            for i in DecisionItem.objects.select_related("nomination", "award")
        ),
        "submissions": sorted(
            Submission.objects.values_list("pk", "document_id", "to_agency_id")
        ),
        "submission_items": sorted(
            SubmissionItem.objects.values_list(
                "pk",
                "submission_id",
                "nomination_id",
                "source_id",
                "outcome",
                "person_id",
                "agency_id",
            )
        ),
    }


def tables() -> list[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        names = connection.introspection.table_names(cursor)
    return sorted(n for n in names if n.endswith(("_award", "_submission")))


def migrate(targets) -> None:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(targets)


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
        fill()
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    from thidua.decisions.models import Decision

    result = {
        "vendor": connection.vendor,
        "decisions": [
            [d.awards_written, d.issued_document.status, d.issued_document.error]
            for d in Decision.objects.select_related("issued_document")
        ],
        "before": snapshot(),
    }
    migrate(BEFORE_THE_MOVES)
    with connection.cursor() as cursor:
        cursor.execute("select count(*) from decisions_award")
        awards = cursor.fetchone()[0]
        cursor.execute("select count(*) from nominations_submissionitem")
        items = cursor.fetchone()[0]
    result["between"] = {"tables": tables(), "awards": awards, "items": items}
    migrate(latest)
    result["after"] = snapshot()
    result["after_tables"] = tables()
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
