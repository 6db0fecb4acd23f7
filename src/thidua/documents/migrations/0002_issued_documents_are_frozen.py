"""An issued document is frozen once its files are stored; nothing deletes it.

SQLite and PostgreSQL triggers, like the audit trail's.
"""

from django.db import migrations

TABLE = "documents_issueddocument"

POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION thidua_issued_document_frozen() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.status = 'ready' THEN
    RAISE EXCEPTION 'issued document is frozen: %', OLD.symbol;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            f"CREATE TRIGGER {TABLE}_frozen BEFORE UPDATE ON {TABLE} "
            "WHEN OLD.status = 'ready' "
            "BEGIN SELECT RAISE(ABORT, 'issued document is frozen'); END"
        )
        schema_editor.execute(
            f"CREATE TRIGGER {TABLE}_no_delete BEFORE DELETE ON {TABLE} "
            "BEGIN SELECT RAISE(ABORT, 'issued document is frozen'); END"
        )
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTION, params=None)
        schema_editor.execute(
            f"CREATE TRIGGER {TABLE}_frozen BEFORE UPDATE OR DELETE ON {TABLE} "
            "FOR EACH ROW EXECUTE FUNCTION thidua_issued_document_frozen()"
        )


def uninstall(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_frozen")
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_no_delete")
    elif vendor == "postgresql":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_frozen ON {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]
    operations = [migrations.RunPython(install, uninstall)]
