"""SQLite: FTS5 trigram index over Person.search_text, with its triggers (common/fts.py,
docs/search.md). Nothing on PostgreSQL (pg_trgm, organizations 0003) nor on a SQLite
without FTS5 (search keeps LIKE). The index is filled from the rows already there."""

from django.db import migrations

from thidua.common import fts


def install(apps, schema_editor):
    fts.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    fts.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("common", "0002_append_only_audit"),
        ("organizations", "0003_agency_search_text"),
    ]

    operations = [migrations.RunPython(install, uninstall, elidable=False)]
