"""IssuedDocument.search_text: folded symbol, then trích yếu (docs/search.md).

Issued documents are frozen by a trigger (0002), so the backfill lifts it for the
update and puts it back. Adding a column with a default rebuilds the table on SQLite,
which drops the triggers: they are reinstalled here either way.
"""

import importlib

from django.db import migrations, models

from thidua.common.search_migrations import trigram_index
from thidua.common.text import search_words

frozen = importlib.import_module(
    "thidua.documents.migrations.0002_issued_documents_are_frozen"
)


def fill(apps, schema_editor):
    frozen.uninstall(apps, schema_editor)
    model = apps.get_model("documents", "IssuedDocument")
    rows = list(model.objects.only("pk", "symbol", "summary"))
    for row in rows:
        row.search_text = search_words(row.symbol, row.summary)[:600]
    model.objects.bulk_update(rows, ["search_text"], batch_size=2000)
    frozen.install(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("documents", "0004_signing")]

    operations = [
        migrations.AddField(
            model_name="issueddocument",
            name="search_text",
            field=models.CharField(
                db_index=True, default="", editable=False, max_length=600
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        trigram_index("documents_issueddocument"),
    ]
