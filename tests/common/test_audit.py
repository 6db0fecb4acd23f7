import pytest
from django.db import (
    IntegrityError,
    InternalError,
    OperationalError,
    connection,
    transaction,
)
from django.db.utils import DatabaseError

from thidua.common.models import ActivityLog, AuditCheckpoint
from thidua.common.services.audit import verify_chain, write_checkpoint
from thidua.organizations.models import Person

from ..factories import make_person

pytestmark = pytest.mark.django_db


def test_every_service_write_appends_a_chained_entry(org):
    entries = list(ActivityLog.objects.order_by("seq"))
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    assert all(
        b.prev_hash == a.hash for a, b in zip(entries, entries[1:], strict=False)
    )
    created = ActivityLog.objects.filter(action="people.create").order_by("seq").first()
    assert created.data["changes"]["full_name"] == [None, "Trần Thị Thu Hà"]
    # CCCD never stands in clear in the trail.
    cccd = Person.objects.get(full_name="Trần Thị Thu Hà").cccd
    assert cccd not in str(created.data)
    assert verify_chain().ok


def test_rolled_back_action_leaves_no_entry_and_no_gap(org):
    before = ActivityLog.objects.count()
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        make_person(org.vp, "Đinh Văn Khôi")
        1 / 0  # noqa: B018
    assert ActivityLog.objects.count() == before
    make_person(org.vp, "Đinh Văn Khôi")
    assert verify_chain().ok


@pytest.mark.parametrize("statement", ["UPDATE common_activitylog SET action = 'x'",
                                       "DELETE FROM common_activitylog"])  # fmt: skip
def test_database_refuses_update_and_delete_of_the_trail(org, statement):
    with (
        pytest.raises((IntegrityError, InternalError, OperationalError, DatabaseError)),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)
    assert verify_chain().ok


def _drop_guards():
    """What an attacker with database access would do first."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER common_activitylog_no_update")
            cursor.execute("DROP TRIGGER common_activitylog_no_delete")
        else:
            cursor.execute("SET LOCAL session_replication_role = replica")


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE common_activitylog SET object_repr = 'giả mạo' WHERE seq = {k}",
        "DELETE FROM common_activitylog WHERE seq = {k}",
        "UPDATE common_activitylog SET data = '{{}}' WHERE seq = {k}",
    ],
)
def test_verify_names_the_first_tampered_entry(org, tamper):
    k = 5
    _drop_guards()
    with connection.cursor() as cursor:
        cursor.execute(tamper.format(k=k))
    report = verify_chain()
    assert not report.ok
    assert report.first_bad_seq == k
    assert report.checked == k - 1


def test_checkpoint_reveals_a_truncated_tail(org):
    checkpoint = write_checkpoint()
    assert checkpoint.seq == ActivityLog.objects.count()
    _drop_guards()
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM common_activitylog WHERE seq >= %s", [checkpoint.seq - 2]
        )
    report = verify_chain()
    assert not report.ok
    assert "checkpoint" in report.problem


def test_checkpoint_is_signed_with_a_key_outside_the_database(org, settings):
    write_checkpoint()
    assert verify_chain().ok
    settings.SECRET_KEY = "another-key-" * 6
    assert "signature" in verify_chain().problem
    assert AuditCheckpoint.objects.count() == 1


def test_audit_verify_command_reports_ok_and_broken(org, capsys):
    from django.core.management import CommandError, call_command

    call_command("audit", "verify")
    assert "toàn vẹn" in capsys.readouterr().out
    _drop_guards()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE common_activitylog SET action = 'x' WHERE seq = 3")
    with pytest.raises(CommandError, match="#3"):
        call_command("audit", "verify")
