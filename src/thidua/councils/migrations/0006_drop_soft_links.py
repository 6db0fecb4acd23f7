"""Real links, step 3 of 3: the integer and JSON columns go (0005 carried their data
over), and the database holds what the links mean: a nomination on the agenda names its
nominee; a meeting's two biên bản are issued together, once it is closed."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("councils", "0005_carry_links_over")]

    operations = [
        migrations.RemoveField(model_name="agendaitem", name="subject_kind"),
        migrations.RemoveField(model_name="agendaitem", name="subject_id"),
        migrations.RemoveField(
            model_name="agendaitem", name="legacy_nominee_person_id"
        ),
        migrations.RemoveField(model_name="agendaitem", name="legacy_nominee_unit_id"),
        migrations.RemoveField(model_name="agendaitem", name="conflicted_person_ids"),
        migrations.AddConstraint(
            model_name="agendaitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("nomination__isnull", True),
                    ("nominee_person__isnull", False),
                    ("nominee_unit__isnull", False),
                    _connector="OR",
                ),
                name="agenda_item_nomination_has_nominee",
            ),
        ),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("minutes_document__isnull", True),
                        ("tally_document__isnull", True),
                    ),
                    models.Q(
                        ("minutes_document__isnull", False),
                        ("state", "closed"),
                        ("tally_document__isnull", False),
                    ),
                    _connector="OR",
                ),
                name="meeting_records_after_close",
            ),
        ),
    ]
