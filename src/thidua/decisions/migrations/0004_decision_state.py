from django.db import migrations, models


def state_from_the_register(apps, schema_editor):
    """Decisions whose awards were written are registered; those whose every award has
    since been revoked were annulled as a whole (the only way thidua revoked them all
    at once before the state existed is the decision's annulment)."""
    decision_model = apps.get_model("decisions", "Decision")
    item_model = apps.get_model("decisions", "DecisionItem")
    decision_model.objects.filter(awards_written=True).update(state="da_ghi_so")
    for decision in decision_model.objects.filter(awards_written=True):
        items = item_model.objects.filter(decision=decision)
        if items.exists() and not items.filter(award__revoked=False).exists():
            decision.state = "da_huy_bo"
            decision.save(update_fields=["state"])


def written_from_the_state(apps, schema_editor):
    apps.get_model("decisions", "Decision").objects.exclude(state="da_ban_hanh").update(
        awards_written=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0002_table_name"),
        ("decisions", "0003_award_moves_to_awards_app"),
    ]

    operations = [
        migrations.AddField(
            model_name="decision",
            name="state",
            field=models.CharField(
                choices=[
                    ("da_ban_hanh", "Đã cấp số, đang tạo tệp"),
                    ("da_ghi_so", "Đã ghi sổ khen thưởng"),
                    ("da_huy_bo", "Đã hủy bỏ"),
                ],
                default="da_ban_hanh",
                max_length=12,
                verbose_name="trạng thái",
            ),
        ),
        migrations.RunPython(state_from_the_register, written_from_the_state),
        migrations.RemoveField(model_name="decision", name="awards_written"),
        migrations.AddConstraint(
            model_name="decision",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("state__in", ["da_ban_hanh", "da_ghi_so", "da_huy_bo"])
                ),
                name="decision_state_known",
            ),
        ),
    ]
