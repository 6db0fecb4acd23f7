"""The CHECKs of the tờ trình item's subject: exactly one of person and agency (none
only on an imported item, which has no nomination), and ``is_collective`` agreeing."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0004_item_subject"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="submissionitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("agency__isnull", True), ("person__isnull", False)),
                    models.Q(("agency__isnull", False), ("person__isnull", True)),
                    models.Q(
                        ("agency__isnull", True),
                        ("nomination__isnull", True),
                        ("person__isnull", True),
                    ),
                    _connector="OR",
                ),
                name="submission_item_one_subject",
            ),
        ),
        migrations.AddConstraint(
            model_name="submissionitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("agency__isnull", True), ("person__isnull", True)),
                    models.Q(("is_collective", False), ("person__isnull", False)),
                    models.Q(("agency__isnull", False), ("is_collective", True)),
                    _connector="OR",
                ),
                name="submission_item_collective_agrees",
            ),
        ),
    ]
