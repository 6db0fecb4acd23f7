"""The audit trail is append-only at the database: UPDATE and DELETE raise.

SQLite and PostgreSQL get their own trigger syntax; the chain head row is the
only audit table that may change (it is the lock and the running head).
"""

from django.db import migrations

TABLES = ["common_activitylog", "common_auditcheckpoint"]

POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION thidua_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'append-only: %', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
"""


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for table in TABLES:
            for trigger in ("update", "delete"):
                schema_editor.execute(
                    f"CREATE TRIGGER {table}_no_{trigger} BEFORE {trigger.upper()} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, 'append-only: {table}'); END"
                )
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTION, params=None)
        for table in TABLES:
            schema_editor.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION thidua_append_only()"
            )
            schema_editor.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION thidua_append_only()"
            )


def uninstall(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in TABLES:
        if vendor == "sqlite":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
        elif vendor == "postgresql":
            schema_editor.execute(
                f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}"
            )
            schema_editor.execute(
                f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}"
            )


class Migration(migrations.Migration):
    dependencies = [("common", "0001_initial")]
    operations = [migrations.RunPython(install, uninstall)]
