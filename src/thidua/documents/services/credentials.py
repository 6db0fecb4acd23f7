"""Signing credentials: an agency's seal or a person's own certificate (PKCS#12),
checked on upload, stored encrypted, one active per owner, stopped when replaced or
deactivated; every change audited in its transaction. A certificate belongs to one
owner: the same one registered for another owner is refused.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from thidua.common.actions import audit_code
from thidua.common.services.audit import log_action
from thidua.common.text import nfc

from .. import crypto, pades
from ..models import SigningCredential
from ..testcert import make_test_p12

__all__ = [
    "deactivate_credential",
    "format_date",
    "generate_test_personal_credential",
    "upload_credential",
    "upload_personal_credential",
]

P12_MESSAGES = {
    "not_p12": (
        "p12",
        gettext_noop("Tệp chứng thư số: không phải tệp PKCS#12 (.p12, .pfx)."),
    ),
    "passphrase": (
        "passphrase",
        gettext_noop("Mật khẩu: không mở được tệp PKCS#12 bằng mật khẩu này."),
    ),
    "no_key": ("p12", gettext_noop("Tệp chứng thư số: tệp không chứa khóa bí mật.")),
    "no_cert": ("p12", gettext_noop("Tệp chứng thư số: tệp không chứa chứng thư.")),
    "key_mismatch": (
        "p12",
        gettext_noop("Tệp chứng thư số: khóa bí mật không khớp với chứng thư."),
    ),
}


def _fail(field_name: str, message: str):
    raise ValidationError({field_name: [message]})


def format_date(moment) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y")


def _check_p12(p12_bytes: bytes, passphrase: str):
    limit = settings.THIDUA_MAX_UPLOAD_BYTES
    if len(p12_bytes) > limit:
        _fail(
            "p12",
            _("Tệp chứng thư số quá lớn, tối đa %(max)s.")
            % {"max": filesizeformat(limit)},
        )
    try:
        parsed = pades.read_pkcs12(p12_bytes, passphrase)
    except pades.P12Error as exc:
        field_name, message = P12_MESSAGES[exc.code]
        _fail(field_name, _(message))
    cert = parsed.cert
    now = timezone.now()
    if cert.not_valid_after_utc < now:
        _fail(
            "p12",
            _("Tệp chứng thư số: chứng thư đã hết hạn ngày %(date)s.")
            % {"date": format_date(cert.not_valid_after_utc)},
        )
    if cert.not_valid_before_utc > now:
        _fail(
            "p12",
            _("Tệp chứng thư số: chứng thư chỉ có hiệu lực từ ngày %(date)s.")
            % {"date": format_date(cert.not_valid_before_utc)},
        )
    if not pades.can_sign(cert):
        _fail(
            "p12",
            _(
                "Tệp chứng thư số: chứng thư không được dùng để ký (Key Usage "
                "thiếu digitalSignature và contentCommitment)."
            ),
        )
    return parsed


def _check_owner(owner: dict, fingerprint: str) -> None:
    """A certificate is one owner's: a person's own is not an agency's seal, nor the
    certificate of another person (the signature would name the wrong signer)."""
    ((key, value),) = owner.items()
    other = (
        SigningCredential.objects.filter(fingerprint=fingerprint)
        .exclude(**{key: value})
        .select_related("agency", "person")
        .first()
    )
    if other is not None:
        _fail(
            "p12",
            _(
                "Tệp chứng thư số: chứng thư này đã được đăng ký cho %(owner)s; mỗi "
                "chứng thư chỉ thuộc một người hoặc một cơ quan."
            )
            % {"owner": other.owner_name},
        )


def _store(
    owner: dict,
    agency_id,
    p12_bytes: bytes,
    passphrase: str,
    label: str,
    visible_stamp: bool,
    actor,
    action: str,
) -> SigningCredential:
    """Check the file, then store it as the owner's active credential (the previous
    one is deactivated), audited in the same transaction."""
    label = nfc(label)
    if not label:
        _fail("label", _("Tên gợi nhớ: bắt buộc."))
    parsed = _check_p12(p12_bytes, passphrase)
    cert = parsed.cert
    with transaction.atomic():
        _check_owner(owner, parsed.fingerprint)
        previous = list(
            SigningCredential.objects.select_for_update().filter(**owner, active=True)
        )
        for old in previous:
            _deactivate(old, actor, timezone.now())
        credential = SigningCredential.objects.create(
            **owner,
            label=label,
            p12_encrypted=crypto.encrypt(p12_bytes),
            passphrase_encrypted=crypto.encrypt(passphrase.encode("utf-8")),
            subject_cn=pades.common_name(cert)[:255],
            issuer_cn=pades.common_name(cert, issuer=True)[:255],
            serial=format(cert.serial_number, "X")[:80],
            not_before=cert.not_valid_before_utc,
            not_after=cert.not_valid_after_utc,
            fingerprint=parsed.fingerprint,
            chain_pem=parsed.chain_pem,
            visible_stamp=visible_stamp,
            uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        log_action(
            credential,
            action,
            actor=actor,
            agency_id=agency_id,
            data={
                "label": label,
                "person": credential.person_id,
                "subject_cn": credential.subject_cn,
                "fingerprint": credential.fingerprint,
                "not_after": credential.not_after,
                "replaced": [c.pk for c in previous],
            },
        )
    return credential


def upload_credential(
    agency, p12_bytes: bytes, passphrase: str, label: str, visible_stamp: bool, actor
) -> SigningCredential:
    """Check the PKCS#12 file, store it encrypted as the agency's active credential
    (its seal; the previous one is deactivated)."""
    return _store(
        {"agency": agency},
        agency.pk,
        p12_bytes,
        passphrase,
        label,
        visible_stamp,
        actor,
        audit_code("documents.credential_upload"),
    )


def upload_personal_credential(
    person, p12_bytes: bytes, passphrase: str, label: str, visible_stamp: bool, actor
) -> SigningCredential:
    """The same for a person's own certificate (the head, a deputy), loaded by himself
    or by the administrator of his agency; the previous one is deactivated."""
    return _store(
        {"person": person},
        person.unit_id,
        p12_bytes,
        passphrase,
        label,
        visible_stamp,
        actor,
        audit_code("documents.personal_credential_upload"),
    )


def _deactivate(credential, actor, now) -> None:
    credential.active = False
    credential.deactivated_at = now
    credential.save(update_fields=["active", "deactivated_at"])
    log_action(
        credential,
        "documents.credential_deactivate",
        actor=actor,
        agency_id=credential.agency_id or _person_agency_id(credential),
        data={"fingerprint": credential.fingerprint, "person": credential.person_id},
    )


def _person_agency_id(credential) -> int | None:
    return credential.person.unit_id if credential.person_id else None


def deactivate_credential(credential: SigningCredential, actor) -> None:
    """Stop signing with it; it stays registered, so documents it signed still verify."""
    with transaction.atomic():
        locked = SigningCredential.objects.select_for_update().get(pk=credential.pk)
        if locked.active:
            _deactivate(locked, actor, timezone.now())


def generate_test_personal_credential(person, actor) -> SigningCredential:
    """A self-signed certificate made here for the person, on a demo install only
    (``THIDUA_TEST_CERTIFICATES``): the server made its key, so it must never sign a
    real document. Replaces his active one, audited like an upload."""
    if not settings.THIDUA_TEST_CERTIFICATES:
        _fail(
            "p12",
            _(
                "Chỉ bản dùng thử mới tạo được chứng thư thử nghiệm: hãy tải lên chứng "
                "thư số cá nhân do tổ chức cung cấp dịch vụ chứng thực chữ ký số cấp."
            ),
        )
    passphrase = secrets.token_urlsafe(12)
    return _store(
        {"person": person},
        person.unit_id,
        make_test_p12(
            _("%(name)s (chứng thư thử nghiệm)") % {"name": person.full_name},
            passphrase,
        ),
        passphrase,
        _("Chứng thư thử nghiệm (không dùng cho văn bản thật)"),
        True,
        actor,
        audit_code("documents.personal_credential_generate"),
    )
