"""The PAdES signatures of issued PDFs (an agency's seal, a person's own), and their
verification. Credentials are loaded and stopped in :mod:`.credentials`.

When an issued document is
rendered, the person who signs it (a decision's approver) signs first with his own
active credential, if he has one valid on the day; then the issuing agency's seal signs
in addition, last (the clerk's step), as an agency does with a signature and a seal.
A personal signature that cannot be made is recorded with its reason. Verification runs
offline against the registered certificates (plus ``THIDUA_SIGNATURE_TRUST_ROOTS``).
"""

import datetime
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.services.audit import log_action

from .. import crypto, pades
from ..kinds import PersonalSigner, document_kind
from ..models import DocumentSignature, SigningCredential
from ..models.signing import signed_by_caption
from ..selectors import active_credential, latest_personal_credential
from .credentials import (
    deactivate_credential,
    format_date,
    upload_credential,
    upload_personal_credential,
)

__all__ = [
    "SignatureLine",
    "SignatureReport",
    "deactivate_credential",
    "issuing_agency_id",
    "personal_signing_status",
    "sign_for_document",
    "sign_pdf",
    "trust_roots",
    "upload_credential",
    "upload_personal_credential",
    "verify_pdf",
]


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


def _moment(signed_at: datetime.datetime) -> str:
    return timezone.localtime(signed_at).isoformat(timespec="seconds")


def stamp_lines(credential, symbol: str, signed_at: datetime.datetime) -> list[str]:
    """NĐ 30, Phụ lục I, §2.8: number and symbol, signing time in ISO 8601 (+07:00)."""
    return [
        _("Số: %(symbol)s") % {"symbol": symbol},
        _("Ký bởi: %(signer)s") % {"signer": credential.subject_cn},
        _("Thời gian ký: %(time)s") % {"time": _moment(signed_at)},
    ]


def personal_stamp_lines(signer, signed_at: datetime.datetime) -> list[str]:
    """The signer's own signature (NĐ 30, Phụ lục I, §2.7): his name and title as the
    signer block says, and the time."""
    lines = [_("Ký số bởi: %(name)s") % {"name": signer.name}]
    if signer.title:
        lines.append(_("Chức vụ: %(title)s") % {"title": signer.title})
    lines.append(_("Thời gian ký: %(time)s") % {"time": _moment(signed_at)})
    return lines


def sign_pdf(
    pdf_bytes: bytes,
    credential: SigningCredential,
    symbol: str,
    *,
    signed_at=None,
    margins_mm=(20.0, 15.0, 30.0),
    lines=None,
    field_name: str = pades.FIELD_NAME,
    bottom_mm=None,
) -> bytes:
    """The PDF signed with the credential (PAdES, SHA-256), with the stamp at the top
    right of page 1 (``lines``, or the seal's) when the credential asks for one; at the
    bottom right of the last page with ``bottom_mm``."""
    p12, passphrase = _secrets(credential)
    if not credential.visible_stamp:
        lines = None
    elif lines is None:
        lines = stamp_lines(credential, symbol, signed_at or timezone.now())
    return pades.sign_pdf_bytes(
        pdf_bytes,
        p12,
        passphrase,
        stamp_lines=lines,
        font_path=settings.THIDUA_STAMP_FONT,
        margins_mm=margins_mm,
        field_name=field_name,
        bottom_mm=bottom_mm,
    )


def _personal_credential(signer, signed_at) -> tuple[SigningCredential | None, str]:
    """The signer's own active credential valid at ``signed_at`` — never anyone
    else's — or None and the reason the personal signature is missing."""
    if signer.person is None:
        return None, _(
            "Không có hồ sơ cá nhân của người duyệt: văn bản không có chữ ký số "
            "cá nhân, chỉ có con dấu số của cơ quan."
        )
    credential = latest_personal_credential(signer.person.pk)
    if credential is None:
        return None, _("%(name)s chưa có chứng thư số cá nhân đang dùng.") % {
            "name": signer.name
        }
    if not credential.active:  # stopped (revoked), none loaded since
        return None, _(
            "Chứng thư số cá nhân “%(label)s” của %(name)s đã bị ngừng dùng ngày "
            "%(date)s và chưa có chứng thư thay thế: không dùng để ký."
        ) % {
            "label": credential.label,
            "name": signer.name,
            "date": format_date(credential.deactivated_at),
        }
    if credential.not_after < signed_at:
        return None, _(
            "Chứng thư số cá nhân “%(label)s” của %(name)s đã hết hạn ngày "
            "%(date)s: không dùng để ký."
        ) % {
            "label": credential.label,
            "name": signer.name,
            "date": format_date(credential.not_after),
        }
    if credential.not_before > signed_at:
        return None, _(
            "Chứng thư số cá nhân “%(label)s” của %(name)s chỉ có hiệu lực từ ngày "
            "%(date)s: không dùng để ký."
        ) % {
            "label": credential.label,
            "name": signer.name,
            "date": format_date(credential.not_before),
        }
    return credential, ""


def personal_signing_status(
    person, moment=None
) -> tuple[SigningCredential | None, str]:
    """For the approver's step: the credential his signature would be made with if
    the decision were issued now, or the reason it would be missing."""
    signer = PersonalSigner(
        person=person, name=person.full_name if person else "", title=""
    )
    return _personal_credential(signer, moment or timezone.now())


def _row(kind, credential, signed_at, field_name, **extra) -> dict:
    return {
        "kind": kind,
        "credential": credential,
        "signer_subject": credential.subject_cn,
        "fingerprint": credential.fingerprint,
        "signed_at": signed_at,
        "field_name": field_name,
        **extra,
    }


def sign_for_document(document, pdf: bytes, layout=None) -> tuple[bytes, list[dict]]:
    """The PDF to store and the DocumentSignature rows to record, in signing order:
    the person who signs it first (his own credential, or the reason it is missing),
    then the issuing agency's seal, last. The PDF unchanged (and no row) when nobody
    signs it."""
    signed_at = timezone.now().replace(microsecond=0)
    margins = (20.0, 15.0, 30.0)
    bottom = 20.0
    if layout is not None:
        m = layout.margins
        margins = (m.top_mm, m.right_mm, m.left_mm)
        bottom = m.bottom_mm
    rows = []
    signer = (
        document_kind(document.source_kind).personal_signer(document.source_id)
        if document.source_kind and document.source_id
        else None
    )
    if signer is not None:
        credential, reason = _personal_credential(signer, signed_at)
        who = {
            "person": signer.person,
            "signer_name": signer.name[:120],
            "signer_title": signer.title[:160],
            "step_by": signer.user,
        }
        if credential is None:
            rows.append(
                {
                    "kind": DocumentSignature.Kind.PERSONAL,
                    "credential": None,
                    "signed_at": signed_at,
                    "missing_reason": reason,
                    **who,
                }
            )
        else:
            pdf = sign_pdf(
                pdf,
                credential,
                document.symbol,
                lines=personal_stamp_lines(signer, signed_at),
                margins_mm=margins,
                field_name=pades.PERSONAL_FIELD_NAME,
                bottom_mm=bottom,
            )
            rows.append(
                _row(
                    DocumentSignature.Kind.PERSONAL,
                    credential,
                    signed_at,
                    pades.PERSONAL_FIELD_NAME,
                    **who,
                )
            )
    seal = active_credential(issuing_agency_id(document))
    if seal is not None:
        pdf = sign_pdf(
            pdf, seal, document.symbol, signed_at=signed_at, margins_mm=margins
        )
        rows.append(
            _row(
                DocumentSignature.Kind.SEAL,
                seal,
                signed_at,
                pades.FIELD_NAME,
                step_by=document.issued_by,
            )
        )
    return pdf, rows


def trust_roots() -> list:
    blobs = list(SigningCredential.objects.values_list("chain_pem", flat=True))
    bundle = settings.THIDUA_SIGNATURE_TRUST_ROOTS
    if bundle:
        blobs.append(Path(bundle).read_bytes())
    return pades.load_trust_roots(blobs)


@dataclass
class SignatureLine:
    """One signature of a PDF as the verifier shows it: "Ký số bởi <name>, <title>"
    (a person's own certificate), "Đóng dấu số: <agency>" (an agency's seal), or an
    unregistered certificate; valid when its bytes and its cryptography check out."""

    kind: str  # "personal", "seal" or "" (a certificate not registered here)
    caption: str
    valid: bool
    trusted: bool
    signer_cn: str
    signing_time: datetime.datetime | None
    credential: SigningCredential | None = None


@dataclass
class SignatureReport:
    """The whole file's verdict; ``signer_cn``, ``fingerprint``, ``credential`` are the
    first signature's (the approver's own when he signed), ``lines`` one per
    signature in signing order."""

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
    lines: list = field(default_factory=list)
    summary: str = ""

    @property
    def agency(self):
        return self.credential.agency if self.credential else None

    @property
    def unaltered(self) -> bool:
        """Signed, and nothing changed or added since (trust is reported apart)."""
        return self.signed and self.intact and self.valid and self.entire_file

    @property
    def fingerprints(self) -> list[str]:
        return [s.fingerprint for s in self.signatures]


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
        "signer": ", ".join(s.signer_cn for s in report.signatures)
    }


def _line(raw, credential, recorded) -> SignatureLine:
    row = recorded.get(raw.fingerprint)
    if credential is None:
        kind = ""
        caption = _("Chữ ký của %(cn)s (chứng thư không đăng ký trong hệ thống)") % {
            "cn": raw.signer_cn or "—"
        }
    elif credential.person_id:
        kind = DocumentSignature.Kind.PERSONAL
        if row is not None:
            caption = row.caption
        else:
            person = credential.person
            caption = signed_by_caption(person.full_name, person.position)
    else:
        kind = DocumentSignature.Kind.SEAL
        caption = _("Đóng dấu số: %(agency)s") % {"agency": credential.agency.name}
    return SignatureLine(
        kind=kind,
        caption=str(caption),
        valid=raw.intact and raw.valid and not raw.error,
        trusted=raw.trusted,
        signer_cn=raw.signer_cn,
        signing_time=raw.signing_time,
        credential=credential,
    )


def verify_pdf(pdf_bytes: bytes, *, moment=None, document=None) -> SignatureReport:
    """Check every signature offline. ``moment``: the time the certificates must be
    valid at (default now; the stored signing time for our own documents).
    ``document``: the register's document the file is, whose recorded signatures
    give the signer's name and title as the signer block said."""
    found = pades.inspect_pdf(pdf_bytes, trust_roots(), moment=moment)
    if found is None:
        report = SignatureReport(readable=False)
    elif not found:
        report = SignatureReport(readable=True)
    else:
        first, last = found[0], found[-1]
        credentials = {
            c.fingerprint: c
            for c in SigningCredential.objects.select_related(
                "agency", "person"
            ).filter(fingerprint__in=[s.fingerprint for s in found if s.fingerprint])
        }
        recorded = {}
        if document is not None:
            recorded = {
                row.fingerprint: row
                for row in document.signatures.filter(credential__isnull=False)
            }
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
            credential=credentials.get(first.fingerprint),
            signatures=found,
            lines=[_line(s, credentials.get(s.fingerprint), recorded) for s in found],
        )
    report.summary = _summary(report)
    return report


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_stored_pdf(document, signatures, data: bytes) -> tuple[SignatureReport, list]:
    """Verify a signed document's stored PDF: its SHA-256 against the register and its
    signatures (one DocumentSignature or the list, in signing order). Returns the
    report and the problems found (empty: intact)."""
    if isinstance(signatures, DocumentSignature):
        signatures = [signatures]
    report = verify_pdf(data, moment=signatures[0].signed_at, document=document)
    problems = []
    if sha256(data) != document.pdf_sha256:
        problems.append(_("Mã SHA-256 của tệp khác với mã ghi trong sổ khi ban hành."))
    if not report.unaltered:
        problems.append(report.summary)
    elif report.fingerprints != [s.fingerprint for s in signatures]:
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
