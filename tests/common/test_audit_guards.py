"""The audit trail's guards and the checkpoint file's reader: writes outside a
transaction or under an unlabelled code are refused; a checkpoint file that cannot be
read says which line is wrong; a checkpoint cannot be checked against a missing key."""

import pytest
from django.db import transaction

from thidua.common.models import AuditCheckpoint
from thidua.common.services import audit
from thidua.common.services.audit import (
    ExportError,
    check_exported,
    checkpoint_after_migrate,
    export_checkpoint,
    latest_checkpoint,
    log_action,
    log_actions_bulk,
    parse_exported,
    write_checkpoint,
)

HASH = "ab" * 32


def test_writes_outside_a_transaction_are_refused(org, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(transaction.get_connection(), "in_atomic_block", False)
        with pytest.raises(RuntimeError, match="log_action must run inside"):
            log_action(org.skhdt, "agencies.update")
        with pytest.raises(RuntimeError, match="log_actions_bulk must run inside"):
            log_actions_bulk([(org.skhdt, "agencies.update", None, {})])


def test_an_unlabelled_code_is_refused_under_the_test_settings(org, settings):
    settings.THIDUA_STRICT_AUDIT_LABELS = True
    with pytest.raises(LookupError, match="has no label"):
        log_action(org.skhdt, "agencies.khong_co_nhan")


def test_a_bulk_write_that_starts_the_chain_signs_it_on_commit(
    db, django_capture_on_commit_callbacks
):
    from django.contrib.contenttypes.models import ContentType

    assert not audit.ChainHead.objects.filter(seq__gt=0).exists()
    subject = ContentType.objects.get_for_model(AuditCheckpoint)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert log_actions_bulk([]) == 0
        assert not callbacks
        log_actions_bulk([(subject, "agencies.update", None, {"n": 1})])
    assert len(callbacks) == 1
    assert latest_checkpoint().seq == 1


def test_latest_checkpoint_is_the_newest(org):
    assert latest_checkpoint() == AuditCheckpoint.objects.order_by("-seq").first()
    written = write_checkpoint()
    assert latest_checkpoint() == written


def test_checkpoint_files_in_json_and_their_faults():
    parsed = parse_exported(f'{{"seq": 7, "hash": "{HASH.upper()}"}}')
    assert parsed == {"seq": 7, "hash": HASH, "time": None, "hmac": ""}
    faults = {
        '{"seq": 7,': "không phải JSON hợp lệ",
        "[1, 2]": "thiếu số thứ tự",
        "# chỉ có ghi chú\nkhông có dấu hai chấm\n\nhash: " + HASH: "thiếu số thứ tự",
        "seq: 7\nhash: 1234": "thiếu mã băm 64 ký tự hex",
        f"seq: 7\nhash: {'zz' * 32}": "thiếu mã băm 64 ký tự hex",
        f"seq: 7\nhash: {HASH}\ntime: hôm qua": "không đúng dạng ISO",
    }
    for text, message in faults.items():
        with pytest.raises(ExportError, match=message):
            parse_exported(text)


def test_a_signed_checkpoint_cannot_be_checked_without_the_key(org, monkeypatch):
    text = export_checkpoint(write_checkpoint())
    assert "key_id:" in text
    monkeypatch.setattr(audit, "audit_key", lambda create=True: None)
    # Exported without a key: no key id line; checked without one: said so.
    assert "key_id:" not in export_checkpoint(latest_checkpoint())
    problems = check_exported(parse_exported(text))
    assert len(problems) == 1 and problems[0].startswith("Không có khóa mốc kiểm chứng")


def test_migrating_another_database_signs_nothing(org):
    before = AuditCheckpoint.objects.count()
    assert checkpoint_after_migrate(None, using="other") is None
    assert AuditCheckpoint.objects.count() == before
