"""The ballot box is append-only at the database, like the audit trail (common 0002).

* votes, participations, the frozen roster and results refuse UPDATE and DELETE;
* a vote or participation is accepted only while its ballot is open, and a result
  only once its ballot is closed;
* a ballot is never deleted, and never changed once closed.

SQLite and PostgreSQL get their own trigger syntax. On PostgreSQL the function bodies
contain ``%``, so they are executed with ``params=None``.
"""

from django.db import migrations

APPEND_ONLY = [
    "councils_ballotvote",
    "councils_ballotparticipation",
    "councils_ballotroster",
    "councils_ballotresult",
]
OPEN_ONLY = ["councils_ballotvote", "councils_ballotparticipation"]

POSTGRES_FUNCTIONS = """
CREATE OR REPLACE FUNCTION councils_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'append-only: %', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION councils_ballot_open_only() RETURNS trigger AS $$
BEGIN
  IF (SELECT state FROM councils_ballot WHERE id = NEW.ballot_id)
     IS DISTINCT FROM 'open' THEN
    RAISE EXCEPTION 'ballot not open: %', TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION councils_result_after_close() RETURNS trigger AS $$
BEGIN
  IF (SELECT state FROM councils_ballot WHERE id = NEW.ballot_id)
     IS DISTINCT FROM 'closed' THEN
    RAISE EXCEPTION 'ballot not closed: %', TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION councils_ballot_frozen() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.state = 'closed' THEN
    RAISE EXCEPTION 'closed ballot is frozen: %', TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""


def _sqlite_raise(name: str, table: str, event: str, message: str, when: str = ""):
    when_clause = f" WHEN {when}" if when else ""
    return (
        f"CREATE TRIGGER {name} BEFORE {event} ON {table}{when_clause} "
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
    )


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for table in APPEND_ONLY:
            for event in ("update", "delete"):
                schema_editor.execute(
                    _sqlite_raise(
                        f"{table}_no_{event}",
                        table,
                        event.upper(),
                        f"append-only: {table}",
                    )
                )
        for table in OPEN_ONLY:
            schema_editor.execute(
                _sqlite_raise(
                    f"{table}_open_only",
                    table,
                    "INSERT",
                    f"ballot not open: {table}",
                    "(SELECT state FROM councils_ballot WHERE id = NEW.ballot_id) IS NOT 'open'",
                )
            )
        schema_editor.execute(
            _sqlite_raise(
                "councils_ballotresult_after_close",
                "councils_ballotresult",
                "INSERT",
                "ballot not closed: councils_ballotresult",
                "(SELECT state FROM councils_ballot WHERE id = NEW.ballot_id) IS NOT 'closed'",
            )
        )
        schema_editor.execute(
            _sqlite_raise(
                "councils_ballot_no_delete",
                "councils_ballot",
                "DELETE",
                "closed ballot is frozen: councils_ballot",
            )
        )
        schema_editor.execute(
            _sqlite_raise(
                "councils_ballot_frozen",
                "councils_ballot",
                "UPDATE",
                "closed ballot is frozen: councils_ballot",
                "OLD.state = 'closed'",
            )
        )
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTIONS, params=None)
        for table in APPEND_ONLY:
            schema_editor.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION councils_append_only()"
            )
            schema_editor.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION councils_append_only()"
            )
        for table in OPEN_ONLY:
            schema_editor.execute(
                f"CREATE TRIGGER {table}_open_only BEFORE INSERT ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION councils_ballot_open_only()"
            )
        schema_editor.execute(
            "CREATE TRIGGER councils_ballotresult_after_close BEFORE INSERT ON "
            "councils_ballotresult FOR EACH ROW EXECUTE FUNCTION councils_result_after_close()"
        )
        schema_editor.execute(
            "CREATE TRIGGER councils_ballot_frozen BEFORE UPDATE OR DELETE ON "
            "councils_ballot FOR EACH ROW EXECUTE FUNCTION councils_ballot_frozen()"
        )


def uninstall(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        names = [f"{t}_no_{e}" for t in APPEND_ONLY for e in ("update", "delete")]
        names += [f"{t}_open_only" for t in OPEN_ONLY]
        names += [
            "councils_ballotresult_after_close",
            "councils_ballot_no_delete",
            "councils_ballot_frozen",
        ]
        for name in names:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif vendor == "postgresql":
        pairs = [(f"{t}_append_only", t) for t in APPEND_ONLY]
        pairs += [(f"{t}_no_truncate", t) for t in APPEND_ONLY]
        pairs += [(f"{t}_open_only", t) for t in OPEN_ONLY]
        pairs += [
            ("councils_ballotresult_after_close", "councils_ballotresult"),
            ("councils_ballot_frozen", "councils_ballot"),
        ]
        for name, table in pairs:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        for function in (
            "councils_append_only",
            "councils_ballot_open_only",
            "councils_result_after_close",
            "councils_ballot_frozen",
        ):
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {function}()")


class Migration(migrations.Migration):
    dependencies = [("councils", "0001_initial")]
    operations = [migrations.RunPython(install, uninstall)]
