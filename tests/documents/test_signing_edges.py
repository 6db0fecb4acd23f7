"""The signing service's remaining answers: a credential needs a label; deactivating
one already inactive changes nothing; no agency has no credential; each verdict on a
signature has its own sentence."""

import pytest
from django.core.exceptions import ValidationError

from thidua.common.models import ActivityLog
from thidua.documents.services.signing import (
    SignatureReport,
    _summary,
    active_credential,
    deactivate_credential,
)

from .certs import make_cert, make_p12
from .test_signing_credentials import upload

pytestmark = pytest.mark.django_db


def test_a_credential_needs_a_label(org, users):
    with pytest.raises(ValidationError) as exc:
        upload(org, users, make_p12(*make_cert()), label="  ")
    assert exc.value.message_dict == {"label": ["Tên gợi nhớ: bắt buộc."]}


def test_deactivating_twice_is_audited_once(org, users):
    credential = upload(org, users, make_p12(*make_cert()))
    assert active_credential(org.skhdt.pk) == credential
    assert active_credential(None) is None
    deactivate_credential(credential, users["admin"])
    deactivate_credential(credential, users["admin"])
    assert active_credential(org.skhdt.pk) is None
    assert (
        ActivityLog.objects.filter(action="documents.credential_deactivate").count()
        == 1
    )


def test_each_verdict_has_its_sentence():
    signed = {"readable": True, "signed": True}
    verdicts = [
        (SignatureReport(readable=False), "Tệp không đọc được như một tệp PDF."),
        (SignatureReport(readable=True), "Tệp không có chữ ký số."),
        (
            SignatureReport(**signed),
            "Tệp đã bị sửa đổi sau khi ký: chữ ký không còn khớp với nội dung.",
        ),
        (SignatureReport(**signed, intact=True), "Chữ ký số không hợp lệ."),
        (
            SignatureReport(**signed, intact=True, valid=True),
            "Chữ ký hợp lệ nhưng tệp có nội dung thêm sau khi ký.",
        ),
    ]
    assert [_summary(report) for report, _text in verdicts] == [
        text for _report, text in verdicts
    ]


def test_signing_without_a_layout_uses_the_nd30_margins(credential, round_, org, users):
    from thidua.documents.services.signing import sign_for_document

    from .certs import blank_pdf
    from .signing_fixtures import issue

    document = issue(round_, org, users).issued_document
    signed, rows = sign_for_document(document, blank_pdf())
    assert signed != blank_pdf() and signed.startswith(b"%PDF")
    personal, seal = rows  # the approver has no certificate of his own
    assert personal["credential"] is None and personal["missing_reason"]
    assert seal["credential"] == credential
    assert seal["signer_subject"] == credential.subject_cn


def test_a_stored_pdf_signed_by_another_certificate_is_named(signed_decision):
    """The register says which certificate signed; a PDF intact but signed by another
    one (a file swapped for one signed elsewhere) is a problem of its own."""
    from thidua.documents.models import DocumentSignature
    from thidua.documents.services.signing import check_stored_pdf

    document = signed_decision.issued_document
    signature = DocumentSignature.objects.get(document=document, kind="seal")
    with document.pdf.open("rb") as stored:
        data = stored.read()
    assert check_stored_pdf(document, signature, data)[1] == []
    signature.fingerprint = "0" * 64  # in memory: the row is append-only
    assert check_stored_pdf(document, signature, data)[1] == [
        "Tệp được ký bằng một chứng thư khác chứng thư đã ký văn bản."
    ]
