"""The signer block moves into documents.SignerFields (P3): labels and help texts
only; nothing changes in the database (SQLite rebuilds no table)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0004_decision_state"),
    ]

    operations = [
        migrations.AlterField(
            model_name="decision",
            name="signer_authority",
            field=models.CharField(
                blank=True,
                help_text="TM., KT., TL., TUQ., Q.",
                max_length=8,
                verbose_name="quyền hạn ký",
            ),
        ),
        migrations.AlterField(
            model_name="decision",
            name="signer_principal",
            field=models.CharField(
                blank=True,
                help_text="Với KT./TM./TL.: chức vụ người đứng đầu hoặc tên tập thể, ví dụ GIÁM ĐỐC.",
                max_length=160,
                verbose_name="ký thay cho",
            ),
        ),
    ]
