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
