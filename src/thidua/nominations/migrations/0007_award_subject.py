"""The shared award subject (issue #13): only labels and related names move into
awards.AwardSubject; nothing changes in the database."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("nominations", "0006_state_checks"),
        ("organizations", "0006_state_checks"),
    ]

    operations = [
        migrations.AlterField(
            model_name="nomination",
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
            model_name="nomination",
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
        migrations.AlterField(
            model_name="nomination",
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
