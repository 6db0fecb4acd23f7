"""Movement.search_text: folded launch-document symbol and name (docs/search.md)."""

from django.db import migrations, models

from thidua.common.search_migrations import backfill, trigram_index
from thidua.common.text import search_words


def _movement(row) -> str:
    symbol = row.issued_document.symbol if row.issued_document_id else ""
    return search_words(symbol, row.name)[:600]


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0004_signing"),
        ("movements", "0005_review"),
    ]

    operations = [
        migrations.AddField(
            model_name="movement",
            name="search_text",
            field=models.CharField(
                db_index=True, default="", editable=False, max_length=600
            ),
        ),
        backfill("movements", "Movement", _movement, related=("issued_document",)),
        trigram_index("movements_movement"),
    ]
