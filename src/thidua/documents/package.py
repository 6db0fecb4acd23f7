"""The package of an issued document, to send it outward or upward (to an agency on
another installation, by mail or the document exchange system): a ZIP with
``manifest.json`` — the register's entry and every file with its SHA-256 — the signed
PDF, and the files delivered with it (a document written in thidua: its draft's
attachments, in the order its content lists them). Shaped like the tờ trình's package
(submissions/services/package.py); format in docs/documents.md.

Every file is read back and checked against the SHA-256 recorded when it was issued
or attached: a file changed on disk is not sent on silently."""

import hashlib
import io
import json
import posixpath
import zipfile

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import IssuedDocument
from .selectors import delivered_attachments

__all__ = ["FORMAT", "VERSION", "document_package", "package_name"]

FORMAT = "thidua.van-ban"
VERSION = 1


def _read(stored, name: str) -> bytes:
    try:
        with stored.open("rb") as handle:
            return handle.read()
    except (OSError, ValueError):  # missing on disk, or no file at all
        raise ValidationError(
            _("Không tìm thấy tệp “%(n)s” trên máy chủ.") % {"n": name}
        ) from None


def _checked(data: bytes, recorded: str, name: str) -> str:
    digest = hashlib.sha256(data).hexdigest()
    if digest != recorded:
        raise ValidationError(
            _("Tệp “%(n)s” khác với tệp đã ghi nhận (mã SHA-256 không khớp).")
            % {"n": name}
        )
    return digest


def _entry(zf: zipfile.ZipFile, path: str, data: bytes, digest: str, **extra) -> dict:
    zf.writestr(path, data)
    return {"path": path, "sha256": digest, "size": len(data), **extra}


def _issuer(document: IssuedDocument) -> dict:
    series = document.series
    agency = series.agency or series.council.agency
    return {"code": agency.code, "name": agency.name}


def package_name(document: IssuedDocument) -> str:
    """ "01_KH-SKHĐT.zip" (the symbol without its slash)."""
    return f"{document.symbol.replace('/', '_')}.zip"


def document_package(document: IssuedDocument) -> bytes:
    """The ZIP of ``document``; refused (ValidationError, in Vietnamese) while its
    files are being made, or when one is missing or changed."""
    if not document.is_ready or not document.pdf:
        raise ValidationError(
            _("Văn bản %(s)s chưa có tệp để đóng gói (đang tạo hoặc lỗi).")
            % {"s": document.symbol}
        )
    pdf_name = f"{document.symbol.replace('/', '_')}.pdf"
    pdf = _read(document.pdf, pdf_name)
    attachments = delivered_attachments([document]).get(document.pk, [])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        files = [
            _entry(
                zf,
                "van-ban.pdf",
                pdf,
                _checked(pdf, document.pdf_sha256, pdf_name),
                role="van_ban",
                name=pdf_name,
            )
        ]
        for n, attachment in enumerate(attachments, start=1):
            name = attachment.original_name
            data = _read(attachment.file, name)
            ext = posixpath.splitext(name)[1].lower()[:6]
            files.append(
                _entry(
                    zf,
                    f"tep-kem-theo/{n:02d}{ext}",
                    data,
                    _checked(data, attachment.sha256, name),
                    role="tep_kem_theo",
                    name=name,
                )
            )
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": timezone.localtime().isoformat(timespec="seconds"),
            "from": _issuer(document),
            "document": {
                "symbol": document.symbol,
                "number": document.number,
                "issued_on": document.issued_on.isoformat(),
                "type_code": document.type_code,
                "type_name": document.type_name,
                "summary": document.summary,
                "signer_title": document.signer_title,
                "signer_name": document.signer_name,
            },
            "files": files,
        }
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    return out.getvalue()
