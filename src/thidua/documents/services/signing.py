"""Agencies' signing credentials, the PAdES signature of issued PDFs, verification.

The PKCS#12 file is checked on upload and stored encrypted; issued documents of an
agency with an active credential are signed when rendered; verification runs offline
against the registered certificates (plus ``THIDUA_SIGNATURE_TRUST_ROOTS``).
"""

import datetime
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from thidua.common.services.audit import log_action
from thidua.common.text import nfc

from .. import crypto, pades
from ..models import SigningCredential
from ..selectors import active_credential

__all__ = [
    "SignatureReport",
    "deactivate_credential",
    "issuing_agency_id",
    "sign_for_document",
    "sign_pdf",
    "trust_roots",
    "upload_credential",
    "verify_pdf",
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


def upload_credential(
    agency, p12_bytes: bytes, passphrase: str, label: str, visible_stamp: bool, actor
) -> SigningCredential:
    """Check the PKCS#12 file, store it encrypted as the agency's active credential
    (the previous one is deactivated)."""
    label = nfc(label)
    if not label:
        _fail("label", _("Tên gợi nhớ: bắt buộc."))
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
            % {
                "date": timezone.localtime(cert.not_valid_after_utc).strftime(
                    "%d/%m/%Y"
                )
            },
        )
    if cert.not_valid_before_utc > now:
        _fail(
            "p12",
            _("Tệp chứng thư số: chứng thư chỉ có hiệu lực từ ngày %(date)s.")
            % {
                "date": timezone.localtime(cert.not_valid_before_utc).strftime(
                    "%d/%m/%Y"
                )
            },
        )
    if not pades.can_sign(cert):
        _fail(
            "p12",
            _(
                "Tệp chứng thư số: chứng thư không được dùng để ký (Key Usage "
                "thiếu digitalSignature và contentCommitment)."
            ),
        )
    with transaction.atomic():
        previous = list(
            SigningCredential.objects.select_for_update().filter(
                agency=agency, active=True
            )
        )
        for old in previous:
            _deactivate(old, actor, now)
        credential = SigningCredential.objects.create(
            agency=agency,
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
            "documents.credential_upload",
            actor=actor,
            agency_id=agency.pk,
            data={
                "label": label,
                "subject_cn": credential.subject_cn,
                "fingerprint": credential.fingerprint,
                "not_after": credential.not_after,
                "replaced": [c.pk for c in previous],
            },
        )
    return credential


def _deactivate(credential, actor, now) -> None:
    credential.active = False
    credential.deactivated_at = now
    credential.save(update_fields=["active", "deactivated_at"])
    log_action(
        credential,
        "documents.credential_deactivate",
        actor=actor,
        agency_id=credential.agency_id,
        data={"fingerprint": credential.fingerprint},
    )


def deactivate_credential(credential: SigningCredential, actor) -> None:
    """Stop signing with it; it stays registered, so documents it signed still verify."""
    with transaction.atomic():
        locked = SigningCredential.objects.select_for_update().get(pk=credential.pk)
        if locked.active:
            _deactivate(locked, actor, timezone.now())


def issuing_agency_id(document) -> int | None:
    series = document.series
    return series.agency_id or (series.council.agency_id if series.council_id else None)


def _secrets(credential: SigningCredential) -> tuple[bytes, str]:
    try:
        p12 = crypto.decrypt(credential.p12_encrypted)
        passphrase = crypto.decrypt(credential.passphrase_encrypted).decode("utf-8")
    except crypto.InvalidToken:
        raise ValidationError(
            _(
                "Không giải mã được chứng thư số “%(label)s” (khóa THIDUA_SIGNING_KEY "
                "hoặc SECRET_KEY đã đổi): tải chứng thư lên lại."
            )
            % {"label": credential.label}
        ) from None
    return p12, passphrase


def stamp_lines(credential, symbol: str, signed_at: datetime.datetime) -> list[str]:
    """NĐ 30, Phụ lục I, §2.8: number and symbol, signing time in ISO 8601 (+07:00)."""
    moment = timezone.localtime(signed_at).isoformat(timespec="seconds")
    return [
        _("Số: %(symbol)s") % {"symbol": symbol},
        _("Ký bởi: %(signer)s") % {"signer": credential.subject_cn},
        _("Thời gian ký: %(time)s") % {"time": moment},
    ]


def sign_pdf(
    pdf_bytes: bytes,
    credential: SigningCredential,
    symbol: str,
    *,
    signed_at=None,
    margins_mm=(20.0, 15.0, 30.0),
) -> bytes:
    """The PDF signed with the credential (PAdES, SHA-256), with the stamp at the top
    right of page 1 when the credential asks for one."""
    p12, passphrase = _secrets(credential)
    lines = None
    if credential.visible_stamp:
        lines = stamp_lines(credential, symbol, signed_at or timezone.now())
    return pades.sign_pdf_bytes(
        pdf_bytes,
        p12,
        passphrase,
        stamp_lines=lines,
        font_path=settings.THIDUA_STAMP_FONT,
        margins_mm=margins_mm,
    )


def sign_for_document(document, pdf: bytes, layout=None) -> tuple[bytes, dict | None]:
    """The PDF to store and the DocumentSignature fields, or the PDF unchanged (and
    None) when the issuing agency has no active credential."""
    credential = active_credential(issuing_agency_id(document))
    if credential is None:
        return pdf, None
    signed_at = timezone.now().replace(microsecond=0)
    margins = (20.0, 15.0, 30.0)
    if layout is not None:
        m = layout.margins
        margins = (m.top_mm, m.right_mm, m.left_mm)
    signed = sign_pdf(
        pdf, credential, document.symbol, signed_at=signed_at, margins_mm=margins
    )
    return signed, {
        "credential": credential,
        "signer_subject": credential.subject_cn,
        "fingerprint": credential.fingerprint,
        "signed_at": signed_at,
        "field_name": pades.FIELD_NAME,
    }


def trust_roots() -> list:
    blobs = list(SigningCredential.objects.values_list("chain_pem", flat=True))
    bundle = settings.THIDUA_SIGNATURE_TRUST_ROOTS
    if bundle:
        blobs.append(Path(bundle).read_bytes())
    return pades.load_trust_roots(blobs)


@dataclass
class SignatureReport:
    readable: bool
    signed: bool = False
    intact: bool = False
    valid: bool = False
    trusted: bool = False
    entire_file: bool = False
    signer_cn: str = ""
    signing_time: datetime.datetime | None = None
    fingerprint: str = ""
    credential: SigningCredential | None = None
    signatures: list = field(default_factory=list)
    summary: str = ""

    @property
    def agency(self):
        return self.credential.agency if self.credential else None

    @property
    def unaltered(self) -> bool:
        """Signed, and nothing changed or added since (trust is reported apart)."""
        return self.signed and self.intact and self.valid and self.entire_file


def _summary(report: SignatureReport) -> str:
    if not report.readable:
        return _("Tệp không đọc được như một tệp PDF.")
    if not report.signed:
        return _("Tệp không có chữ ký số.")
    if not report.intact:
        return _("Tệp đã bị sửa đổi sau khi ký: chữ ký không còn khớp với nội dung.")
    if not report.valid:
        return _("Chữ ký số không hợp lệ.")
    if not report.entire_file:
        return _("Chữ ký hợp lệ nhưng tệp có nội dung thêm sau khi ký.")
    if not report.trusted:
        return _(
            "Chữ ký còn nguyên vẹn nhưng chứng thư của người ký không thuộc "
            "danh sách tin cậy."
        )
    return _("Chữ ký số hợp lệ, tệp còn nguyên vẹn (ký bởi %(signer)s).") % {
        "signer": report.signer_cn
    }


def verify_pdf(pdf_bytes: bytes, *, moment=None) -> SignatureReport:
    """Check every signature offline. ``moment``: the time the certificates must be
    valid at (default now; the stored signing time for our own documents)."""
    found = pades.inspect_pdf(pdf_bytes, trust_roots(), moment=moment)
    if found is None:
        report = SignatureReport(readable=False)
    elif not found:
        report = SignatureReport(readable=True)
    else:
        first, last = found[0], found[-1]
        report = SignatureReport(
            readable=True,
            signed=True,
            intact=all(s.intact and not s.error for s in found),
            valid=all(s.valid for s in found),
            trusted=all(s.trusted for s in found),
            entire_file=last.entire_file,
            signer_cn=first.signer_cn,
            signing_time=first.signing_time,
            fingerprint=first.fingerprint,
            credential=SigningCredential.objects.select_related("agency")
            .filter(fingerprint=first.fingerprint)
            .first()
            if first.fingerprint
            else None,
            signatures=found,
        )
    report.summary = _summary(report)
    return report


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_stored_pdf(document, signature, data: bytes) -> tuple[SignatureReport, list]:
    """Verify a signed document's stored PDF: its SHA-256 against the register and its
    signature. Returns the report and the problems found (empty: intact)."""
    report = verify_pdf(data, moment=signature.signed_at)
    problems = []
    if sha256(data) != document.pdf_sha256:
        problems.append(_("Mã SHA-256 của tệp khác với mã ghi trong sổ khi ban hành."))
    if not report.unaltered:
        problems.append(report.summary)
    elif report.fingerprint != signature.fingerprint:
        problems.append(
            _("Tệp được ký bằng một chứng thư khác chứng thư đã ký văn bản.")
        )
    return report, problems


def record_tamper(document, problems: list, actor) -> None:
    with transaction.atomic():
        log_action(
            document,
            "documents.tamper_detected",
            actor=actor,
            agency_id=issuing_agency_id(document),
            data={
                "problems": [str(p) for p in problems],
                "pdf_sha256": document.pdf_sha256,
            },
        )
