"""``thidua documents verify``: every issued document's files against the register and
its signature (also what ``thidua restore`` runs after a restore)."""

import os

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_verify_all_passes_then_names_a_tampered_document(signed_decision, capsys):
    document = signed_decision.issued_document
    call_command("documents", "verify", "--all")
    out = capsys.readouterr().out
    assert f"đạt   {document.symbol}" in out and "chữ ký số hợp lệ" in out
    assert "1 văn bản có tệp đã kiểm tra (1 có chữ ký số), 0 lỗi" in out
    with open(document.pdf.path, "r+b") as handle:
        handle.seek(200)
        byte = handle.read(1)
        handle.seek(200)
        handle.write(bytes([byte[0] ^ 1]))
    with pytest.raises(CommandError, match="1 lỗi"):
        call_command("documents", "verify", "--all")
    out = capsys.readouterr().out
    assert f"LỖI   {document.symbol}" in out and "SHA-256" in out


def test_verify_reports_a_missing_file(signed_decision, capsys):
    document = signed_decision.issued_document
    symbol = document.symbol
    os.unlink(document.pdf.path)
    with pytest.raises(CommandError):
        call_command("documents", "verify", symbol, "--year", str(document.year))
    assert "Không tìm thấy tệp PDF" in capsys.readouterr().out


def test_verify_needs_a_document_or_all(db):
    with pytest.raises(CommandError, match="--all"):
        call_command("documents", "verify")
