import datetime

import pytest
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    pkcs12,
)
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from thidua.common.models import ActivityLog
from thidua.documents.models import SigningCredential
from thidua.documents.services.signing import deactivate_credential, upload_credential

from .certs import PASSPHRASE, make_cert, make_p12

pytestmark = pytest.mark.django_db


def upload(org, users, data, passphrase=PASSPHRASE, **extra):
    return upload_credential(
        org.skhdt,
        data,
        passphrase,
        extra.get("label", "Chứng thư Sở"),
        True,
        users["admin"],
    )


def errors(exc) -> dict:
    return exc.value.message_dict


def test_upload_stores_the_certificate_details_and_audits(org, users):
    key, cert = make_cert()
    credential = upload(org, users, make_p12(key, cert))
    assert credential.active and credential.visible_stamp
    assert credential.subject_cn == "Sở Kế hoạch và Đầu tư (thử nghiệm)"
    assert credential.issuer_cn == credential.subject_cn
    assert credential.serial == format(cert.serial_number, "X")
    assert credential.not_after == cert.not_valid_after_utc
    assert len(credential.fingerprint) == 64
    assert "BEGIN CERTIFICATE" in credential.chain_pem
    entry = ActivityLog.objects.get(action="documents.credential_upload")
    assert entry.data["fingerprint"] == credential.fingerprint
    assert PASSPHRASE not in str(entry.data)


def test_key_and_passphrase_are_encrypted_at_rest(org, users):
    key, cert = make_cert()
    data = make_p12(key, cert)
    credential = upload(org, users, data)
    der = key.private_bytes(Encoding.DER, PrivateFormat.PKCS8, NoEncryption())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT p12_encrypted, passphrase_encrypted FROM documents_signingcredential"
            " WHERE id = %s",
            [credential.pk],
        )
        p12_blob, pass_blob = (bytes(v) for v in cursor.fetchone())
    for blob in (p12_blob, pass_blob):
        assert der[-64:] not in blob and data[-64:] not in blob
        assert PASSPHRASE.encode() not in blob and b"thidua" not in blob
    assert data not in p12_blob


@pytest.mark.parametrize(
    ("make", "field", "text"),
    [
        (
            lambda: (b"not a pkcs12 file" * 10, PASSPHRASE),
            "p12",
            "không phải tệp PKCS#12",
        ),
        (lambda: (make_p12(*make_cert()), "sai-mat-khau"), "passphrase", "Mật khẩu"),
        (
            lambda: (
                pkcs12.serialize_key_and_certificates(
                    b"x", None, make_cert()[1], None, NoEncryption()
                ),
                "",
            ),
            "p12",
            "khóa bí mật",
        ),
        (
            lambda: (make_p12(*make_cert(days=10, starts_in_days=-30)), PASSPHRASE),
            "p12",
            "hết hạn",
        ),
        (
            lambda: (make_p12(*make_cert(starts_in_days=5)), PASSPHRASE),
            "p12",
            "chỉ có hiệu lực từ",
        ),
        (
            lambda: (make_p12(*make_cert(usage=("key_encipherment",))), PASSPHRASE),
            "p12",
            "Key Usage",
        ),
    ],
    ids=["not-p12", "passphrase", "no-key", "expired", "not-yet-valid", "key-usage"],
)
def test_bad_uploads_are_refused_with_a_message_naming_the_field(
    org, users, make, field, text
):
    data, passphrase = make()
    with pytest.raises(ValidationError) as exc:
        upload(org, users, data, passphrase)
    assert list(errors(exc)) == [field]
    assert text in errors(exc)[field][0]
    assert not SigningCredential.objects.exists()


def test_too_large_upload_is_refused(org, users, settings):
    settings.THIDUA_MAX_UPLOAD_BYTES = 100
    with pytest.raises(ValidationError) as exc:
        upload(org, users, make_p12(*make_cert()))
    assert "quá lớn" in errors(exc)["p12"][0]


def test_one_active_credential_per_agency(org, users):
    first = upload(org, users, make_p12(*make_cert()))
    second = upload(org, users, make_p12(*make_cert(slot=2, cn="Chứng thư mới")))
    first.refresh_from_db()
    assert not first.active and first.deactivated_at is not None and second.active
    with pytest.raises(IntegrityError), transaction.atomic():
        SigningCredential.objects.filter(pk=first.pk).update(active=True)
    deactivate_credential(second, users["admin"])
    second.refresh_from_db()
    assert not second.active
    assert (
        ActivityLog.objects.filter(action="documents.credential_deactivate").count()
        == 2
    )
    assert (
        second.not_after
        > second.not_before
        > datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    )
