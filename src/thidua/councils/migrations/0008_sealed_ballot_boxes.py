"""Ballot boxes: one paper for a list of items, sealed to a per-box key.

Each existing ballot gets a box of its own (``sealed=False``: its votes were stored in
the clear, as before) and its receipts move from the votes to ``BallotReceipt``, so no
stored vote carries a receipt any more. Triggers come down for the change (SQLite
rebuilds tables, PostgreSQL's would refuse to touch closed ballots) and go back up,
with new ones for the new tables.
"""

import uuid
from importlib import import_module

import django.db.models.deletion
from django.db import migrations, models

TRIGGERS = import_module("thidua.councils.migrations.0002_votes_are_append_only")
NEW_APPEND_ONLY = ["councils_ballotreceipt"]


def triggers_off(apps, schema_editor):
    # The new triggers first: on PostgreSQL they use 0002's functions.
    _new_triggers_off(schema_editor)
    TRIGGERS.uninstall(apps, schema_editor)


def triggers_on(apps, schema_editor):
    TRIGGERS.install(apps, schema_editor)
    _new_triggers_on(schema_editor)


NEW_TABLES = {"councils_ballotreceipt", "councils_sealedpaper", "councils_ballotbox"}


def _have_new_tables(schema_editor) -> bool:
    # Run at either end of the migration: the new tables exist only in between.
    return set(schema_editor.connection.introspection.table_names()) >= NEW_TABLES


def _new_triggers_on(schema_editor):
    vendor = schema_editor.connection.vendor
    if not _have_new_tables(schema_editor):
        return
    if vendor == "sqlite":
        raise_ = TRIGGERS._sqlite_raise
        for table in NEW_APPEND_ONLY:
            for event in ("update", "delete"):
                schema_editor.execute(
                    raise_(
                        f"{table}_no_{event}",
                        table,
                        event.upper(),
                        f"append-only: {table}",
                    )
                )
        schema_editor.execute(
            raise_(
                "councils_sealedpaper_no_update",
                "councils_sealedpaper",
                "UPDATE",
                "append-only: councils_sealedpaper",
            )
        )
        schema_editor.execute(
            raise_(
                "councils_sealedpaper_open_only",
                "councils_sealedpaper",
                "INSERT",
                "box not open: councils_sealedpaper",
                "(SELECT state FROM councils_ballotbox WHERE id = NEW.box_id) "
                "IS NOT 'open'",
            )
        )
        schema_editor.execute(
            raise_(
                "councils_ballotbox_no_delete",
                "councils_ballotbox",
                "DELETE",
                "closed box is frozen: councils_ballotbox",
            )
        )
        schema_editor.execute(
            raise_(
                "councils_ballotbox_frozen",
                "councils_ballotbox",
                "UPDATE",
                "closed box is frozen: councils_ballotbox",
                "OLD.state = 'closed'",
            )
        )
    elif vendor == "postgresql":
        for table in [*NEW_APPEND_ONLY, "councils_sealedpaper"]:
            events = "UPDATE OR DELETE" if table in NEW_APPEND_ONLY else "UPDATE"
            schema_editor.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE {events} ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION councils_append_only()"
            )
        schema_editor.execute(
            "CREATE TRIGGER councils_ballotreceipt_no_truncate BEFORE TRUNCATE ON "
            "councils_ballotreceipt FOR EACH STATEMENT EXECUTE FUNCTION "
            "councils_append_only()"
        )
        schema_editor.execute(
            """CREATE OR REPLACE FUNCTION councils_box_open_only() RETURNS trigger AS $$
BEGIN
  IF (SELECT state FROM councils_ballotbox WHERE id = NEW.box_id)
     IS DISTINCT FROM 'open' THEN
    RAISE EXCEPTION 'box not open: %', TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;""",
            params=None,
        )
        schema_editor.execute(
            "CREATE TRIGGER councils_sealedpaper_open_only BEFORE INSERT ON "
            "councils_sealedpaper FOR EACH ROW EXECUTE FUNCTION councils_box_open_only()"
        )
        schema_editor.execute(
            "CREATE TRIGGER councils_ballotbox_frozen BEFORE UPDATE OR DELETE ON "
            "councils_ballotbox FOR EACH ROW EXECUTE FUNCTION councils_ballot_frozen()"
        )


def _new_triggers_off(schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        names = [f"{t}_no_{e}" for t in NEW_APPEND_ONLY for e in ("update", "delete")]
        names += [
            "councils_sealedpaper_no_update",
            "councils_sealedpaper_open_only",
            "councils_ballotbox_no_delete",
            "councils_ballotbox_frozen",
        ]
        for name in names:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif vendor == "postgresql":
        tables = {
            "councils_ballotreceipt",
            "councils_sealedpaper",
            "councils_ballotbox",
        }
        if not tables <= set(schema_editor.connection.introspection.table_names()):
            return
        for name, table in [
            ("councils_ballotreceipt_append_only", "councils_ballotreceipt"),
            ("councils_ballotreceipt_no_truncate", "councils_ballotreceipt"),
            ("councils_sealedpaper_append_only", "councils_sealedpaper"),
            ("councils_sealedpaper_open_only", "councils_sealedpaper"),
            ("councils_ballotbox_frozen", "councils_ballotbox"),
        ]:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        schema_editor.execute("DROP FUNCTION IF EXISTS councils_box_open_only()")


def _checks_now(schema_editor):
    """PostgreSQL refuses to ALTER a table with deferred foreign-key checks pending
    from the rows just written: run them now."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def carry_over(apps, schema_editor):
    """A box per existing ballot; receipts move off the votes."""
    Ballot = apps.get_model("councils", "Ballot")
    BallotBox = apps.get_model("councils", "BallotBox")
    BallotReceipt = apps.get_model("councils", "BallotReceipt")
    BallotVote = apps.get_model("councils", "BallotVote")
    numbers = {}
    for ballot in Ballot.objects.select_related("agenda_item").order_by("pk"):
        meeting_id = ballot.agenda_item.meeting_id
        numbers[meeting_id] = numbers.get(meeting_id, 0) + 1
        box = BallotBox.objects.create(
            meeting_id=meeting_id,
            number=numbers[meeting_id],
            state=ballot.state,
            opened_at=ballot.opened_at,
            closed_at=ballot.closed_at,
            sealed=False,
        )
        ballot.box = box
        ballot.save(update_fields=["box"])
        BallotReceipt.objects.bulk_create(
            BallotReceipt(box=box, receipt_hash=h)
            for h in sorted(
                BallotVote.objects.filter(ballot=ballot).values_list(
                    "receipt_hash", flat=True
                )
            )
        )
    _checks_now(schema_editor)


def carry_back(apps, schema_editor):
    """Only the receipts of unsealed (carried-over) boxes can go back on votes, and
    not to the vote they came from: the link was the point of the change."""
    BallotVote = apps.get_model("councils", "BallotVote")
    BallotReceipt = apps.get_model("councils", "BallotReceipt")
    for box_id in BallotReceipt.objects.values_list("box", flat=True).distinct():
        hashes = list(
            BallotReceipt.objects.filter(box=box_id).values_list(
                "receipt_hash", flat=True
            )
        )
        votes = list(BallotVote.objects.filter(ballot__box=box_id))
        for vote, receipt_hash in zip(votes, hashes, strict=False):
            vote.receipt_hash = receipt_hash
            vote.save(update_fields=["receipt_hash"])
    for vote in BallotVote.objects.filter(receipt_hash=""):
        vote.receipt_hash = uuid.uuid4().hex
        vote.save(update_fields=["receipt_hash"])
    _checks_now(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("councils", "0007_paper_result_and_conflict_clearance"),
    ]

    operations = [
        migrations.RunPython(triggers_off, triggers_on),
        migrations.CreateModel(
            name="BallotBox",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "number",
                    models.PositiveSmallIntegerField(verbose_name="lượt bỏ phiếu thứ"),
                ),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("open", "Đang bỏ phiếu"),
                            ("closed", "Đã đóng phiếu"),
                        ],
                        default="open",
                        max_length=8,
                        verbose_name="trạng thái",
                    ),
                ),
                ("opened_at", models.DateTimeField(verbose_name="mở phiếu lúc")),
                (
                    "closed_at",
                    models.DateTimeField(
                        blank=True, null=True, verbose_name="đóng phiếu lúc"
                    ),
                ),
                ("sealed", models.BooleanField(default=True)),
                ("public_key", models.BinaryField(default=b"", max_length=32)),
                ("wrapped_private_key", models.BinaryField(max_length=64, null=True)),
                (
                    "key_fingerprint",
                    models.CharField(
                        blank=True, max_length=16, verbose_name="dấu nhận diện khóa"
                    ),
                ),
            ],
            options={
                "verbose_name": "lượt bỏ phiếu",
                "verbose_name_plural": "lượt bỏ phiếu",
                "ordering": ["meeting", "number"],
            },
        ),
        migrations.CreateModel(
            name="BallotReceipt",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("receipt_hash", models.CharField(max_length=64)),
            ],
            options={
                "verbose_name": "biên nhận phiếu đã kiểm",
                "verbose_name_plural": "biên nhận phiếu đã kiểm",
                "ordering": ["box", "receipt_hash"],
            },
        ),
        migrations.CreateModel(
            name="SealedPaper",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("sealed", models.BinaryField()),
            ],
            options={
                "verbose_name": "phiếu niêm phong",
                "verbose_name_plural": "phiếu niêm phong",
                "ordering": ["id"],
            },
        ),
        migrations.AddField(
            model_name="ballotbox",
            name="meeting",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="ballot_boxes",
                to="councils.meeting",
            ),
        ),
        migrations.AddField(
            model_name="ballot",
            name="box",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="ballots",
                to="councils.ballotbox",
            ),
        ),
        migrations.AddField(
            model_name="ballotreceipt",
            name="box",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="receipts",
                to="councils.ballotbox",
            ),
        ),
        migrations.AddField(
            model_name="sealedpaper",
            name="box",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="sealed_papers",
                to="councils.ballotbox",
            ),
        ),
        migrations.RemoveConstraint(
            model_name="ballotvote",
            name="ballot_vote_receipt_unique",
        ),
        migrations.RunPython(carry_over, carry_back),
        # A default for the way back: PostgreSQL adds the column to rows already there.
        migrations.AlterField(
            model_name="ballotvote",
            name="receipt_hash",
            field=models.CharField(default="", max_length=64),
        ),
        migrations.RemoveField(
            model_name="ballotvote",
            name="receipt_hash",
        ),
        migrations.AlterField(
            model_name="ballot",
            name="box",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="ballots",
                to="councils.ballotbox",
            ),
        ),
        migrations.AddConstraint(
            model_name="ballotbox",
            constraint=models.CheckConstraint(
                condition=models.Q(("state__in", ["open", "closed"])),
                name="ballot_box_state_known",
            ),
        ),
        migrations.AddConstraint(
            model_name="ballotbox",
            constraint=models.UniqueConstraint(
                fields=("meeting", "number"), name="ballot_box_number_once"
            ),
        ),
        migrations.AddConstraint(
            model_name="ballotbox",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("closed_at__isnull", True), ("state", "open")),
                    models.Q(
                        ("closed_at__isnull", False),
                        ("state", "closed"),
                        ("wrapped_private_key__isnull", True),
                    ),
                    _connector="OR",
                ),
                name="ballot_box_key_erased_at_close",
            ),
        ),
        migrations.AddConstraint(
            model_name="ballotbox",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("sealed", False),
                    ("state", "closed"),
                    ("wrapped_private_key__isnull", False),
                    _connector="OR",
                ),
                name="ballot_box_sealed_has_key",
            ),
        ),
        migrations.AddConstraint(
            model_name="ballotreceipt",
            constraint=models.UniqueConstraint(
                fields=("box", "receipt_hash"), name="ballot_receipt_once"
            ),
        ),
        migrations.RunPython(triggers_on, triggers_off),
    ]
