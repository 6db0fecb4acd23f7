"""Agency.search_text: folded name, short name, abbreviation and code (docs/search.md)."""

from django.db import migrations, models

from thidua.common.search_migrations import backfill, trigram_index
from thidua.common.text import search_words


def _agency(row) -> str:
    return search_words(row.name, row.short_name, row.abbreviation, row.code)[:500]


class Migration(migrations.Migration):
    dependencies = [("organizations", "0002_agency_eligibility_policy")]

    operations = [
        migrations.AddField(
            model_name="agency",
            name="search_text",
            field=models.CharField(
                db_index=True, default="", editable=False, max_length=500
            ),
        ),
        backfill("organizations", "Agency", _agency),
        trigram_index("organizations_agency"),
        trigram_index("organizations_person"),
    ]
