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

__all__ = ["KINDS", "CheckedFile", "check_attachment", "sniff"]

_OOXML = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx"}
KINDS = ("pdf", "docx", "xlsx", "png", "jpg")
# The extensions a name may carry for each kind; another one is replaced on download.
_EXTENSIONS = {
    "pdf": {"pdf"},
    "docx": {"docx"},
    "xlsx": {"xlsx"},
    "png": {"png"},
    "jpg": {"jpg", "jpeg", "jpe"},
}
_PDF_HEADER = re.compile(rb"%PDF-[12]\.[0-9]")
# A JPEG's SOI marker is followed by another marker: APPn, DQT, SOFn, DHT, COM.
_JPEG_SECOND = {*range(0xE0, 0xF0), 0xDB, 0xC4, 0xFE, *range(0xC0, 0xC4)}
_MARKUP = (b"<html", b"<!doctype", b"<script", b"<svg", b"<?xml", b"<body", b"<iframe")


def sniff(data: bytes) -> str | None:
    """The kind of ``data`` by its bytes: "pdf" (starts with %PDF-x.y and ends with
    %%EOF), "png" (signature and IHDR), "jpg" (SOI and a marker), "docx"/"xlsx" (a ZIP
    with the main part, no macros); None for anything else — an .exe, an HTML page
    or script renamed .pdf, a PDF that is an HTML page after its first line.
    Raises ZipRefused for a hostile ZIP (common/zips.py)."""
    head = data[:1024].lower()
    if _PDF_HEADER.match(data):
        if b"%%eof" not in data[-1024:].lower() or any(m in head for m in _MARKUP):
            return None
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
        return "png"
    if data[:3] == b"\xff\xd8\xff" and len(data) > 3 and data[3] in _JPEG_SECOND:
        return "jpg"
    if data.startswith(b"PK\x03\x04"):
        return _ooxml_kind(data)
    return None


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


def _named_for(name: str, kind: str) -> str:
    """The display name, its extension made to say what the content is: a PDF
    uploaded as "trang.html" downloads as "trang.pdf", never as a page."""
    stem, dot, ext = name.rpartition(".")
    if dot and ext.lower() in _EXTENSIONS[kind]:
        return name
    return f"{stem if dot and stem else name}.{kind}"


def check_attachment(
    upload, *, field: str = "file", label: str | None = None
) -> CheckedFile:
    """Refuse anything but PDF, DOCX, XLSX, PNG or JPEG (by content, not by name), or
    larger than the limit. Errors are keyed by ``field`` and name ``label`` (the
    field as the page calls it) and the file."""
    name = _safe_name(upload.name)
    if label:
        what = _("Tệp “%(label)s” (%(name)s)") % {"label": label, "name": name}
    else:
        what = _("Tệp “%(name)s”") % {"name": name}

    def refuse(message: str) -> ValidationError:
        return ValidationError({field: [message]})

    limit = settings.THIDUA_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise refuse(
            _("%(what)s quá lớn (%(size)s), tối đa %(max)s.")
            % {
                "what": what,
                "size": filesizeformat(upload.size),
                "max": filesizeformat(limit),
            }
        )
    data = b"".join(upload.chunks())
    try:
        kind = sniff(data)
    except ZipRefused as exc:
        raise refuse(exc.message(what)) from None
    if kind is None:
        raise refuse(
            _(
                "%(what)s không hợp lệ. Chỉ nhận tệp PDF, DOCX, XLSX, PNG hoặc JPEG "
                "(kiểm tra theo nội dung tệp, không theo tên)."
            )
            % {"what": what}
        )
    return CheckedFile(
        content=ContentFile(data, name=f"{uuid.uuid4().hex}.{kind}"),
        original_name=_named_for(name, kind),
        kind=kind,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
    )
