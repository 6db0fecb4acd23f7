"""End to end: a decision rendered by LibreOffice and signed with the Sở's credential."""

import shutil
import subprocess

import pytest

from thidua.documents.models import DocumentSignature
from thidua.documents.services.render import render_issued_document
from thidua.documents.services.signing import verify_pdf

from .conftest import pdftotext_pages, require_poppler, require_soffice
from .signing_fixtures import CN, issue

pytestmark = [pytest.mark.django_db, pytest.mark.needs_system]


def test_rendered_decision_is_signed_with_the_stamp_top_right(
    credential, round_, org, users, tmp_path
):
    require_soffice()
    require_poppler()
    decision = issue(round_, org, users)
    render_issued_document(decision.issued_document.pk)
    document = decision.issued_document
    document.refresh_from_db()
    assert document.status == "ready"
    signature = DocumentSignature.objects.get(document=document, kind="seal")
    with document.pdf.open("rb") as handle:
        data = handle.read()
    report = verify_pdf(data)
    assert report.unaltered and report.trusted and report.credential == credential
    path = tmp_path / "qd.pdf"
    path.write_bytes(data)
    first = pdftotext_pages(path)[0]
    lines = [line for line in first.splitlines() if line.strip()]
    # The stamp is above the header table, flush right.
    assert lines[0].strip() == "Số: 01/QĐ-SKHĐT"
    assert lines[1].strip() == f"Ký bởi: {CN}"
    local = signature.signed_at.astimezone().isoformat(timespec="seconds")
    assert lines[2].strip().startswith("Thời gian ký: 20") and "+07:00" in lines[2]
    assert local[:10] in lines[2] or "Thời gian ký" in lines[2]
    assert "UBND TỈNH LẠNG SƠN" in lines[3] or "SỞ KẾ HOẠCH" in first
    if shutil.which("pdfsig"):
        out = subprocess.run(
            ["pdfsig", str(path)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert "Signature is Valid" in out.stdout
