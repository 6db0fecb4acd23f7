"""The signer block moves into documents.SignerFields (P3): labels and help texts
only; nothing changes in the database (SQLite rebuilds no table)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0007_state_checks"),
    ]

    operations = [
        migrations.AlterField(
            model_name="issueddocument",
            name="signer_name",
            field=models.CharField(max_length=120, verbose_name="họ tên người ký"),
        ),
    ]
