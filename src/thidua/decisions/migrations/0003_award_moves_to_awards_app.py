import django.db.models.deletion
from django.db import migrations, models


def link_items_to_awards(apps, schema_editor):
    """Each line of a decision whose awards were written points at the register entry
    it wrote: found, before this link existed, by the subject, the award, the year and
    the decision's number and date."""
    item_model = apps.get_model("decisions", "DecisionItem")
    award_model = apps.get_model("awards", "Award")
    items = item_model.objects.filter(
        award__isnull=True, decision__awards_written=True
    ).select_related("nomination", "decision__issued_document")
    for item in items:
        nomination, document = item.nomination, item.decision.issued_document
        award = (
            award_model.objects.filter(
                person_id=nomination.person_id,
                agency_id=nomination.agency_id,
                code=nomination.code,
                year=nomination.year,
                decision_number=document.symbol,
                decision_date=document.issued_on,
            )
            .order_by("pk")
            .first()
        )
        if award is not None:
            item.award = award
            item.save(update_fields=["award"])


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0001_initial"),
        ("decisions", "0002_award_list_indexes"),
    ]

    operations = [
        # The Award model now lives in the awards app (its 0001 took the table over).
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Award")],
        ),
        migrations.AddField(
            model_name="decisionitem",
            name="award",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="decision_item",
                to="awards.award",
            ),
        ),
        migrations.RunPython(link_items_to_awards, migrations.RunPython.noop),
    ]
