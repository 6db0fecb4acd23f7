"""Attachments checked by their content, not their name: PDF, DOCX, XLSX, PNG, JPEG."""

import hashlib
import re
import unicodedata
import uuid
from dataclasses import dataclass
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .zips import GuardedZip, ZipRefused

__all__ = ["CheckedFile", "check_attachment"]

_OOXML = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx"}
_SIGNATURES = [
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpg"),
]


@dataclass
class CheckedFile:
    content: ContentFile  # stored under a random name
    original_name: str
    kind: str
    sha256: str
    size: int


def _safe_name(name: str) -> str:
    """Keep the user's file name for display only: no paths, controls or bidi tricks."""
    name = unicodedata.normalize("NFC", (name or "").replace("\\", "/").split("/")[-1])
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.sub(r"\s+", " ", name).strip()[:200]
    return name or "tep-dinh-kem"


def _ooxml_kind(data: bytes) -> str | None:
    """docx or xlsx by the parts inside; None for another ZIP or one with macros.
    Raises ZipRefused for a hostile archive (common/zips.py)."""
    with GuardedZip(BytesIO(data), archive_size=len(data)) as archive:
        names = set(archive.namelist())
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        return None
    return next((kind for part, kind in _OOXML.items() if part in names), None)


def check_attachment(upload) -> CheckedFile:
    """Refuse anything but PDF, DOCX, XLSX, PNG or JPEG, or larger than the limit."""
    limit = settings.THIDUA_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("Tệp quá lớn (%(size)s), tối đa %(max)s.")
            % {"size": filesizeformat(upload.size), "max": filesizeformat(limit)}
        )
    data = b"".join(upload.chunks())
    kind = next((k for sig, k in _SIGNATURES if data.startswith(sig)), None)
    if kind is None and data.startswith(b"PK\x03\x04"):
        try:
            kind = _ooxml_kind(data)
        except ZipRefused as exc:
            raise ValidationError(exc.message(_("Tệp"))) from None
    if kind is None:
        raise ValidationError(
            _(
                "Chỉ nhận tệp PDF, DOCX, XLSX, PNG hoặc JPEG (kiểm tra theo nội dung tệp)."
            )
        )
    if kind == "pdf" and b"<html" in data[:1024].lower():
        raise ValidationError(_("Tệp PDF không hợp lệ."))
    return CheckedFile(
        content=ContentFile(data, name=f"{uuid.uuid4().hex}.{kind}"),
        original_name=_safe_name(upload.name),
        kind=kind,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
    )
