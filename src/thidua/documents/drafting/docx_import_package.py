"""Opening an uploaded file as a Word document, within limits, or saying what it is.

Everything is checked before anything is inflated: the size of the upload, what kind
of file it is (PDF, legacy .doc, a password-protected DOCX, an Excel workbook…), the
zip's table of contents (entry count, declared sizes and ratios: a zip bomb is refused
unread). Python's zipfile stops an entry at its declared size and then fails its CRC,
so a lying entry cannot inflate more than was checked.
"""

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from ..rendering.docx import THIDUA_MARK

__all__ = ["DocxImportError", "Package", "open_package"]

MB = 1024 * 1024
MAX_ENTRIES = 2_000
MAX_PART = 64 * MB  # the largest XML part read (document.xml of a 1 000-page text)
MAX_RATIO = 200  # a deflated XML part rarely expands more than 20–40 times
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
OFFICE_DOCUMENT = "/officeDocument"

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)


class DocxImportError(ValueError):
    """The file cannot be imported; ``message`` says why, in Vietnamese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Package:
    """The XML parts of a Word document the import reads."""

    document: etree._Element
    styles: etree._Element | None = None
    numbering: etree._Element | None = None
    footnotes: etree._Element | None = None
    endnotes: etree._Element | None = None
    margins: list[tuple[str, etree._Element]] = field(default_factory=list)
    # Written by thidua (rendering.docx marks its files): the soft line breaks in
    # header names are its own wraps, not the officer's.
    wrapped: bool = False


def open_package(data: bytes, max_bytes: int) -> Package:
    if not data:
        raise DocxImportError("Tệp trống, không có nội dung.")
    if len(data) > max_bytes:
        raise DocxImportError(
            f"Tệp quá lớn ({len(data) / MB:.1f} MB); "
            f"chỉ nhận tệp Word đến {max_bytes / MB:g} MB."
        )
    if not data.startswith(b"PK"):
        raise DocxImportError(_not_a_zip(data))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise DocxImportError(
            "Tệp Word bị hỏng (tệp nén không đọc được); hãy mở bằng Word và lưu lại."
        ) from error
    with archive:
        _check_contents(archive, len(data))
        main = _main_part(archive, names)
        document = _xml(archive, main)
        if etree.QName(document).namespace == W_STRICT:
            raise DocxImportError(
                "Tệp được lưu theo chuẩn “Strict Open XML”; hãy lưu lại bằng Word "
                "dưới dạng “Word Document (.docx)” thông thường."
            )
        parts = _related_parts(archive, names, main)
        package = Package(document=document, wrapped=_written_by_thidua(archive))
        for kind in ("styles", "numbering", "footnotes", "endnotes"):
            if kind in parts:
                setattr(package, kind, _xml(archive, parts[kind][0]))
        for kind, where in (("header", "Đầu trang"), ("footer", "Chân trang")):
            package.margins.extend(
                (where, _xml(archive, name)) for name in sorted(parts.get(kind, []))
            )
        return package


def _written_by_thidua(archive: zipfile.ZipFile) -> bool:
    try:
        core = _xml(archive, "docProps/core.xml")
    except (KeyError, DocxImportError):
        return False
    return any(
        etree.QName(node).localname == "category"
        and (node.text or "").strip() == THIDUA_MARK
        for node in core
    )


def _not_a_zip(data: bytes) -> str:
    if data.startswith(_OLE):
        # An OLE compound file: a password-protected DOCX keeps its zip inside an
        # "EncryptionInfo"/"EncryptedPackage" stream; Word 97–2003 has "WordDocument".
        if "EncryptionInfo".encode("utf-16-le") in data:
            return (
                "Tệp Word có đặt mật khẩu (đã mã hóa), không đọc được; hãy gỡ mật "
                "khẩu trong Word (Tệp › Thông tin › Bảo vệ tài liệu) rồi tải lên lại."
            )
        if "WordDocument".encode("utf-16-le") in data:
            return "Đây là tệp .doc cũ (Word 97–2003); hãy mở bằng Word và lưu lại dưới dạng .docx."
        if "Workbook".encode("utf-16-le") in data:
            return "Đây là tệp Excel .xls cũ, không phải văn bản Word (.docx)."
        return "Đây là tệp Office cũ (định dạng OLE), không phải tệp Word .docx."
    head = data[:1024].lstrip().lower()
    for signature, name in (
        (b"%pdf", "tệp PDF"),
        (b"{\\rtf", "tệp RTF"),
        (b"\x89png", "ảnh PNG"),
        (b"\xff\xd8\xff", "ảnh JPEG"),
        (b"<html", "trang HTML"),
        (b"<!doctype html", "trang HTML"),
        (b"<?xml", "tệp XML"),
    ):
        if head.startswith(signature):
            return (
                f"Đây là {name}, không phải văn bản Word (.docx); hãy mở bằng Word và "
                "lưu lại dưới dạng .docx."
            )
    return "Tệp không phải văn bản Word (.docx)."


def _check_contents(archive: zipfile.ZipFile, size: int) -> None:
    entries = archive.infolist()
    bomb = DocxImportError(
        "Tệp bị nén bất thường (nội dung nở ra quá lớn khi giải nén, nghi là “bom "
        "nén”); không đọc."
    )
    if len(entries) > MAX_ENTRIES:
        raise bomb
    total = 0
    for entry in entries:
        total += entry.file_size
        ratio = entry.file_size / max(entry.compress_size, 1)
        if ratio > MAX_RATIO and entry.file_size > MB:
            raise bomb
    # Entries sharing their compressed bytes (the "overlapping" bomb) declare far
    # more than the archive could hold even at the largest ratio.
    if total > max(size, MB) * MAX_RATIO:
        raise bomb


def _main_part(archive: zipfile.ZipFile, names: set[str]) -> str:
    main = "word/document.xml"
    if "_rels/.rels" in names:
        for kind, target in _relationships(archive, "_rels/.rels", ""):
            if kind == "officeDocument":
                main = target
    if main in names and main.startswith("word/"):
        return main
    if "xl/workbook.xml" in names:
        raise DocxImportError(
            "Đây là bảng tính Excel (.xlsx), không phải văn bản Word (.docx)."
        )
    if "ppt/presentation.xml" in names:
        raise DocxImportError(
            "Đây là bài trình chiếu PowerPoint (.pptx), không phải văn bản Word (.docx)."
        )
    if "content.xml" in names:
        raise DocxImportError(
            "Đây là văn bản OpenDocument (.odt); hãy mở rồi lưu lại dưới dạng .docx."
        )
    raise DocxImportError(
        "Tệp nén (.zip) này không phải văn bản Word (.docx): không có phần nội dung "
        "của Word."
    )


def _related_parts(
    archive: zipfile.ZipFile, names: set[str], main: str
) -> dict[str, list[str]]:
    folder, base = posixpath.split(main)
    rels = f"{folder}/_rels/{base}.rels"
    parts: dict[str, list[str]] = {}
    if rels in names:
        for kind, target in _relationships(archive, rels, folder):
            if target in names:
                parts.setdefault(kind, []).append(target)
    return parts


def _relationships(
    archive: zipfile.ZipFile, name: str, folder: str
) -> list[tuple[str, str]]:
    found = []
    for rel in _xml(archive, name):
        if rel.get("TargetMode") == "External":
            continue
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        target = rel.get("Target", "")
        if target.startswith("/"):
            path = target.lstrip("/")
        else:
            path = posixpath.normpath(posixpath.join(folder, target))
        found.append((kind, path))
    return found


def _xml(archive: zipfile.ZipFile, name: str) -> etree._Element:
    try:
        if archive.getinfo(name).file_size > MAX_PART:
            raise DocxImportError(
                "Tệp Word có phần nội dung quá lớn (hơn "
                f"{MAX_PART // MB} MB chữ); không đọc."
            )
        with archive.open(name) as part:
            content = part.read(MAX_PART + 1)
        return etree.fromstring(content, _XML_PARSER)
    except (
        zipfile.BadZipFile,
        zlib.error,
        etree.XMLSyntaxError,
        OSError,
        EOFError,
    ) as error:
        raise DocxImportError(
            f"Tệp Word bị hỏng, không đọc được phần “{name}”; hãy mở bằng Word và "
            "lưu lại."
        ) from error
