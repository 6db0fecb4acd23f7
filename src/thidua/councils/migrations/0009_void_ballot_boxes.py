"""A ballot box can be voided (lost tally code): state "void", with its reason.

The "frozen" triggers now hold every box and ballot that is no longer open (closed or
voided), not only the closed ones. Triggers come down for the change (SQLite rebuilds
the tables) and go back up; the way back restores 0008's.
"""

from importlib import import_module

from django.db import migrations, models

SEALED = import_module("thidua.councils.migrations.0008_sealed_ballot_boxes")
FROZEN_UNLESS_OPEN_PG = """
CREATE OR REPLACE FUNCTION councils_ballot_frozen() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.state <> 'open' THEN
    RAISE EXCEPTION 'closed ballot is frozen: %', TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""


def triggers_on(apps, schema_editor):
    SEALED.triggers_on(apps, schema_editor)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FROZEN_UNLESS_OPEN_PG, params=None)
    elif schema_editor.connection.vendor == "sqlite":
        raise_ = SEALED.TRIGGERS._sqlite_raise
        for name, table, what in [
            ("councils_ballot_frozen", "councils_ballot", "closed ballot"),
            ("councils_ballotbox_frozen", "councils_ballotbox", "closed box"),
        ]:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
            schema_editor.execute(
                raise_(
                    name,
                    table,
                    "UPDATE",
                    f"{what} is frozen: {table}",
                    "OLD.state <> 'open'",
                )
            )


def triggers_off(apps, schema_editor):
    SEALED.triggers_off(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("councils", "0008_sealed_ballot_boxes"),
    ]

    operations = [
        # The way back puts 0008's triggers up again.
        migrations.RunPython(triggers_off, SEALED.triggers_on),
        migrations.RemoveConstraint(
            model_name="ballot",
            name="ballot_state_known",
        ),
        migrations.RemoveConstraint(
            model_name="ballot",
            name="ballot_closed_at_follows_state",
        ),
        migrations.RemoveConstraint(
            model_name="ballotbox",
            name="ballot_box_state_known",
        ),
        migrations.RemoveConstraint(
            model_name="ballotbox",
            name="ballot_box_key_erased_at_close",
        ),
        migrations.RemoveConstraint(
            model_name="ballotbox",
            name="ballot_box_sealed_has_key",
        ),
        migrations.AddField(
            model_name="ballotbox",
            name="void_reason",
            field=models.CharField(
                blank=True, max_length=500, verbose_name="lý do hủy lượt bỏ phiếu"
            ),
        ),
        migrations.AlterField(
            model_name="ballot",
            name="state",
            field=models.CharField(
                choices=[
                    ("open", "Đang bỏ phiếu"),
                    ("closed", "Đã đóng phiếu"),
                    ("void", "Đã hủy, không kiểm phiếu"),
                ],
                default="open",
                max_length=8,
                verbose_name="trạng thái",
            ),
        ),
        migrations.AlterField(
            model_name="ballotbox",
            name="state",
            field=models.CharField(
                choices=[
                    ("open", "Đang bỏ phiếu"),
                    ("closed", "Đã đóng phiếu"),
                    ("void", "Đã hủy, không kiểm phiếu"),
                ],
                default="open",
                max_length=8,
                verbose_name="trạng thái",
            ),
        ),
        migrations.AddConstraint(
            model_name="ballot",
            constraint=models.CheckConstraint(
                condition=models.Q(("state__in", ["open", "closed", "void"])),
                name="ballot_state_known",
            ),
        ),
        migrations.AddConstraint(
            model_name="ballot",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("closed_at__isnull", True), ("state", "open")),
                    models.Q(
                        ("closed_at__isnull", False), ("state__in", ["closed", "void"])
                    ),
                    _connector="OR",
                ),
                name="ballot_closed_at_follows_state",
            ),
        ),
        migrations.AddConstraint(
            model_name="ballotbox",
            constraint=models.CheckConstraint(
                condition=models.Q(("state__in", ["open", "closed", "void"])),
                name="ballot_box_state_known",
            ),
        ),
        migrations.AddConstraint(
            model_name="ballotbox",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("closed_at__isnull", True), ("state", "open")),
                    models.Q(
                        ("closed_at__isnull", False),
                        ("state__in", ["closed", "void"]),
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
                    ("state__in", ["closed", "void"]),
                    ("wrapped_private_key__isnull", False),
                    _connector="OR",
                ),
                name="ballot_box_sealed_has_key",
            ),
        ),
        migrations.AddConstraint(
            model_name="ballotbox",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("state", "void"), models.Q(("void_reason", ""), _negated=True)
                    ),
                    models.Q(
                        models.Q(("state", "void"), _negated=True), ("void_reason", "")
                    ),
                    _connector="OR",
                ),
                name="ballot_box_void_has_reason",
            ),
        ),
        migrations.RunPython(triggers_on, triggers_off),
    ]
