"""Migration helpers for the search columns (docs/search.md).

``trigram_index`` adds a pg_trgm GIN index on PostgreSQL so that ``LIKE '%word%'``
(Django's ``contains``) is answered from the index; other databases get nothing here
(SQLite: people have an FTS5 trigram index, common/fts.py; the other columns are small
enough for a scan of their B-tree index, docs/benchmarks.md). ``backfill`` fills a
search column of existing rows.
"""

from django.db import migrations

__all__ = ["backfill", "trigram_index"]


def trigram_index(table: str, column: str = "search_text") -> migrations.RunPython:
    name = f"{table}_{column}_trgm"

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" '
            f'USING gin ("{column}" gin_trgm_ops)'
        )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')

    return migrations.RunPython(forwards, backwards, elidable=False)


def backfill(
    app_label: str, model_name: str, compute, related: tuple[str, ...] = ()
) -> migrations.RunPython:
    """Set ``search_text = compute(row)`` on every row, in batches."""

    def forwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        rows = []
        queryset = model.objects.select_related(*related)
        for row in queryset.iterator(chunk_size=2000):
            row.search_text = compute(row)
            rows.append(row)
            if len(rows) >= 2000:
                model.objects.bulk_update(rows, ["search_text"])
                rows = []
        if rows:
            model.objects.bulk_update(rows, ["search_text"])

    return migrations.RunPython(forwards, migrations.RunPython.noop)
