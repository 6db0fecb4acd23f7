import stat

import pytest
from django.core.management import CommandError, call_command
from django.db import (
    IntegrityError,
    InternalError,
    OperationalError,
    connection,
    transaction,
)
from django.db.utils import DatabaseError
from django.utils import timezone

from thidua.common.models import ActivityLog, AuditCheckpoint, ChainHead
from thidua.common.services.audit import (
    _digest_of,
    _legacy_signature,
    check_exported,
    checkpoint_after_migrate,
    export_checkpoint,
    parse_exported,
    verify_chain,
    write_checkpoint,
)
from thidua.organizations.models import Person

from ..factories import make_org, make_person

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


@pytest.mark.parametrize(
    "statement",
    ["UPDATE common_activitylog SET action = 'x'", "DELETE FROM common_activitylog"],
)
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


def test_checkpoint_is_signed_with_the_checkpoint_key_not_the_secret_key(org, settings):
    write_checkpoint()
    assert verify_chain().ok
    settings.SECRET_KEY = "another-key-" * 6  # beside the database: not the key
    assert verify_chain().ok
    settings.THIDUA_AUDIT_KEY = "a-different-checkpoint-key-" * 3
    assert "signature" in verify_chain().problem
    assert AuditCheckpoint.objects.count() == 1


def test_checkpoint_key_is_generated_owner_only_outside_the_data_folder(
    org, settings, tmp_path
):
    settings.THIDUA_AUDIT_KEY = ""
    settings.KEYS_DIR = tmp_path / "thidua-keys"
    write_checkpoint()
    key_file = settings.KEYS_DIR / "audit_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(settings.KEYS_DIR.stat().st_mode) == 0o700
    assert not key_file.resolve().is_relative_to(settings.DATA_DIR)
    assert len(key_file.read_text().strip()) == 64
    assert verify_chain().ok
    key_file.write_text("0" * 64)  # another key: the checkpoint no longer verifies
    assert "signature" in verify_chain().problem


def _legacy_checkpoint(head) -> None:
    with transaction.atomic():
        AuditCheckpoint.objects.create(
            seq=head.seq,
            head_hash=head.hash,
            created_at=timezone.now(),
            signature=_legacy_signature(head.seq, head.hash),
        )


def test_checkpoints_signed_the_old_way_are_accepted_then_re_signed(org):
    head = ChainHead.objects.get()
    _legacy_checkpoint(head)
    report = verify_chain()
    assert report.ok and report.legacy_checkpoints == 1
    resigned = write_checkpoint()  # the upgrade: a new one beside it, same head
    assert resigned.seq == head.seq and AuditCheckpoint.objects.count() == 2
    assert verify_chain().ok
    assert write_checkpoint() == resigned
    # After the key took over, an old-style signature can only be a forgery made
    # with SECRET_KEY (which sits beside the database on an embedded install).
    make_person(org.vp, "Đinh Văn Khôi")
    head = ChainHead.objects.get()
    _legacy_checkpoint(head)
    assert "legacy signature after key" in verify_chain().problem


def test_first_entry_of_the_chain_gets_a_checkpoint(
    db, django_capture_on_commit_callbacks
):
    assert not ActivityLog.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        make_org()
    checkpoint = AuditCheckpoint.objects.get()
    assert checkpoint.seq == ChainHead.objects.get().seq
    assert verify_chain().ok


def test_migrate_signs_the_head_and_warns_when_the_key_folder_is_unusable(
    org, settings, tmp_path, capsys
):
    checkpoint_after_migrate(sender=None)
    assert AuditCheckpoint.objects.filter(seq=ChainHead.objects.get().seq).exists()
    make_person(org.vp, "Đinh Văn Khôi")
    settings.THIDUA_AUDIT_KEY = ""
    (tmp_path / "not-a-folder").write_text("")
    settings.KEYS_DIR = tmp_path / "not-a-folder" / "keys"
    checkpoint_after_migrate(sender=None)  # does not stop migrate
    assert "chưa đóng được mốc" in capsys.readouterr().err


def test_audit_verify_command_reports_ok_and_broken(org, capsys):
    call_command("audit", "verify")
    assert "toàn vẹn" in capsys.readouterr().out
    _drop_guards()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE common_activitylog SET action = 'x' WHERE seq = 3")
    with pytest.raises(CommandError, match="#3"):
        call_command("audit", "verify")


TRIGGERS = {
    "sqlite": [
        (
            "common_activitylog_no_update",
            "CREATE TRIGGER common_activitylog_no_update BEFORE UPDATE ON common_activitylog "
            "BEGIN SELECT RAISE(ABORT, 'append-only: common_activitylog'); END",
        ),
        (
            "common_activitylog_no_delete",
            "CREATE TRIGGER common_activitylog_no_delete BEFORE DELETE ON common_activitylog "
            "BEGIN SELECT RAISE(ABORT, 'append-only: common_activitylog'); END",
        ),
        (
            "common_auditcheckpoint_no_delete",
            "CREATE TRIGGER common_auditcheckpoint_no_delete BEFORE DELETE ON "
            "common_auditcheckpoint BEGIN SELECT RAISE(ABORT, 'append-only: x'); END",
        ),
    ],
    "postgresql": [
        (
            "common_activitylog_append_only ON common_activitylog",
            "CREATE TRIGGER common_activitylog_append_only BEFORE UPDATE OR DELETE ON "
            "common_activitylog FOR EACH ROW EXECUTE FUNCTION thidua_append_only()",
        ),
        (
            "common_auditcheckpoint_append_only ON common_auditcheckpoint",
            "CREATE TRIGGER common_auditcheckpoint_append_only BEFORE UPDATE OR DELETE ON "
            "common_auditcheckpoint FOR EACH ROW EXECUTE FUNCTION thidua_append_only()",
        ),
    ],
}


def _as_an_attacker(*statements, rewrite_from: int | None = None):
    """What someone holding the database file (and no key) can do: drop the guards,
    change rows, put the guards back so nothing looks different."""
    with connection.cursor() as cursor:
        for name, _create in TRIGGERS[connection.vendor]:
            cursor.execute(f"DROP TRIGGER {name}")
        for statement, params in statements:
            cursor.execute(statement, params)
        if rewrite_from is not None:  # recompute every hash after the change
            entries = ActivityLog.objects.filter(seq__gte=rewrite_from).order_by("seq")
            prev = ActivityLog.objects.get(seq=rewrite_from - 1).hash
            for entry in entries:
                entry.prev_hash = prev
                entry.hash = prev = _digest_of(entry)
                ActivityLog.objects.filter(pk=entry.pk).update(
                    prev_hash=entry.prev_hash, hash=entry.hash
                )
            ChainHead.objects.filter(id=1).update(hash=prev)
        for _name, create in TRIGGERS[connection.vendor]:
            cursor.execute(create)


def test_verify_names_the_first_row_tampered_behind_recreated_triggers(org):
    _as_an_attacker(
        ("UPDATE common_activitylog SET object_repr = %s WHERE seq = %s", ["giả", 7])
    )
    with pytest.raises(DatabaseError), transaction.atomic():
        ActivityLog.objects.filter(seq=1).update(action="x")  # guards are back
    report = verify_chain()
    assert (report.first_bad_seq, report.checked) == (7, 6)
    with pytest.raises(CommandError, match="#7"):
        call_command("audit", "verify")


def test_exported_checkpoint_catches_a_chain_rewritten_from_scratch(
    org, tmp_path, capsys
):
    call_command("audit", "checkpoint", "--export", "-o", str(tmp_path / "moc.txt"))
    exported = (tmp_path / "moc.txt").read_text()
    assert "seq: " in exported and "hash: " in exported and "hmac: " in exported
    call_command("audit", "verify", "--against", str(tmp_path / "moc.txt"))
    assert "khớp mốc đã xuất" in capsys.readouterr().out
    # The attacker rewrites entry 5, recomputes the chain after it and deletes the
    # checkpoints that would give it away: the chain alone looks intact...
    _as_an_attacker(
        ("UPDATE common_activitylog SET object_repr = %s WHERE seq = %s", ["giả", 5]),
        ("DELETE FROM common_auditcheckpoint", []),
        rewrite_from=5,
    )
    assert verify_chain().ok
    # ... but not against the checkpoint kept elsewhere.
    with pytest.raises(CommandError, match="viết lại"):
        call_command("audit", "verify", "--against", str(tmp_path / "moc.txt"))
    # A checkpoint copied from paper (seq and hash only) is enough.
    parsed = parse_exported(exported)
    paper = f"seq: {parsed['seq']}\nhash: {parsed['hash']}\n"
    assert check_exported(parse_exported(paper))


def test_exported_checkpoint_reports_truncation_and_a_changed_file(org):
    checkpoint = write_checkpoint()
    text = export_checkpoint(checkpoint)
    assert check_exported(parse_exported(text)) == []
    edited = text.replace(f"seq: {checkpoint.seq}", f"seq: {checkpoint.seq - 1}")
    assert any("HMAC" in p for p in check_exported(parse_exported(edited)))
    _as_an_attacker(
        ("DELETE FROM common_activitylog WHERE seq >= %s", [checkpoint.seq - 1]),
        ("DELETE FROM common_auditcheckpoint", []),
    )
    assert any("cắt bớt" in p for p in check_exported(parse_exported(text)))


def test_checkpoint_export_prints_to_stdout(org, capsys):
    call_command("audit", "checkpoint", "--export")
    out = capsys.readouterr().out
    head = ChainHead.objects.get()
    assert f"seq: {head.seq}" in out and f"hash: {head.hash}" in out
