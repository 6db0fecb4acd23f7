"""Real links instead of bare integers (redesign P3), step 1 of 3: the new columns and
the conflicts table beside the old ones. An agenda item points at its nomination, its
nominee (person, unit) and, through ``AgendaConflict``, the seats in conflict; a meeting
at its two biên bản. The old integer columns are renamed out of the way (``legacy_…``)
so the foreign keys can take their column names; 0005 carries the data over and 0006
drops the old columns and adds the CHECKs (PostgreSQL refuses to alter a table with
foreign-key checks still pending in the same transaction: hence three migrations)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("councils", "0003_state_checks"),
        ("documents", "0007_state_checks"),
        ("nominations", "0006_state_checks"),
        ("organizations", "0006_state_checks"),
    ]

    operations = [
        migrations.RenameField(
            model_name="agendaitem",
            old_name="nominee_person_id",
            new_name="legacy_nominee_person_id",
        ),
        migrations.RenameField(
            model_name="agendaitem",
            old_name="nominee_unit_id",
            new_name="legacy_nominee_unit_id",
        ),
        migrations.AddField(
            model_name="agendaitem",
            name="nomination",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="agenda_items",
                to="nominations.nomination",
                verbose_name="hồ sơ đề nghị khen thưởng",
            ),
        ),
        migrations.AddField(
            model_name="agendaitem",
            name="nominee_person",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="organizations.person",
                verbose_name="cá nhân được đề nghị",
            ),
        ),
        migrations.AddField(
            model_name="agendaitem",
            name="nominee_unit",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="organizations.agency",
                verbose_name="đơn vị của người được đề nghị",
            ),
        ),
        migrations.CreateModel(
            name="AgendaConflict",
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
                    "agenda_item",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="conflicts",
                        to="councils.agendaitem",
                    ),
                ),
                (
                    "member",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="organizations.councilmember",
                    ),
                ),
            ],
            options={
                "verbose_name": "xung đột lợi ích",
                "verbose_name_plural": "xung đột lợi ích",
                "ordering": ["agenda_item", "member"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("agenda_item", "member"), name="agenda_conflict_once"
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="agendaitem",
            name="conflicted_members",
            field=models.ManyToManyField(
                blank=True,
                related_name="+",
                through="councils.AgendaConflict",
                to="organizations.councilmember",
                verbose_name="thành viên có xung đột lợi ích",
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="minutes_document",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="minutes_of_meeting",
                to="documents.issueddocument",
                verbose_name="biên bản họp",
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="tally_document",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="tally_of_meeting",
                to="documents.issueddocument",
                verbose_name="biên bản kiểm phiếu",
            ),
        ),
    ]
