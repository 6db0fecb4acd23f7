"""The tờ trình item carries the shared award subject (issue #13): the person or
agency FKs of ``AwardSubject``, filled from the nomination. The CHECKs come in 0005,
in a transaction of their own (PostgreSQL refuses ALTER TABLE after the UPDATE here,
while its deferred foreign-key checks are pending)."""

import django.db.models.deletion
from django.db import migrations, models


def link_subjects(apps, schema_editor):
    """Every local item names its nomination's person or agency; an item of an
    imported package (no nomination) keeps only the name printed on the tờ trình."""
    SubmissionItem = apps.get_model("submissions", "SubmissionItem")
    Nomination = apps.get_model("nominations", "Nomination")
    nomination = Nomination.objects.filter(pk=models.OuterRef("nomination_id"))
    SubmissionItem.objects.filter(nomination__isnull=False).update(
        person_id=models.Subquery(nomination.values("person_id")[:1]),
        agency_id=models.Subquery(nomination.values("agency_id")[:1]),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("nominations", "0007_award_subject"),
        ("organizations", "0006_state_checks"),
        ("submissions", "0003_state_checks"),
    ]

    operations = [
        migrations.AddField(
            model_name="submissionitem",
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
        migrations.AddField(
            model_name="submissionitem",
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
        migrations.AlterField(
            model_name="submissionitem",
            name="code",
            field=models.CharField(
                choices=[
                    ("LDTT", "Lao động tiên tiến"),
                    ("CSTT", "Chiến sĩ tiên tiến"),
                    ("CSTDCS", "Chiến sĩ thi đua cơ sở"),
                    ("CSTD_BO_TINH", "Chiến sĩ thi đua bộ, ban, ngành, tỉnh"),
                    ("CSTDTQ", "Chiến sĩ thi đua toàn quốc"),
                    ("TTLDTT", "Tập thể lao động tiên tiến"),
                    ("TTLDXS", "Tập thể lao động xuất sắc"),
                    ("CO_BO_TINH", "Cờ thi đua của bộ, ban, ngành, tỉnh"),
                    ("CO_CP", "Cờ thi đua của Chính phủ"),
                    ("GIAY_KHEN", "Giấy khen"),
                    ("BK_BO_TINH", "Bằng khen của bộ, ban, ngành, tỉnh"),
                    ("BK_TTG", "Bằng khen của Thủ tướng Chính phủ"),
                    ("HCLD_3", "Huân chương Lao động hạng Ba"),
                ],
                max_length=16,
                verbose_name="danh hiệu, hình thức",
            ),
        ),
        migrations.RunPython(link_subjects, migrations.RunPython.noop, elidable=True),
    ]
