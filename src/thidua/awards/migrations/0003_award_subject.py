"""The shared award subject (issue #13): only labels and related names move into
awards.AwardSubject; nothing changes in the database."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0002_table_name"),
        ("organizations", "0006_state_checks"),
    ]

    operations = [
        migrations.AlterField(
            model_name="award",
            name="agency",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="%(class)ss",
                to="organizations.agency",
                verbose_name="tập thể",
            ),
        ),
        migrations.AlterField(
            model_name="award",
            name="person",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="%(class)ss",
                to="organizations.person",
                verbose_name="cá nhân",
            ),
        ),
    ]
