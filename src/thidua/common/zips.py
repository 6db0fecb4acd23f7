"""Uploaded ZIP archives — dossier packages, and DOCX/XLSX files, which are ZIPs too —
read within limits.

Before anything is inflated, the table of contents is checked: the number of entries,
each entry's declared compression ratio, the declared total against
THIDUA_MAX_UNZIPPED_BYTES, and the declared total against the archive's own size
(entries sharing their compressed bytes, the "overlapping" bomb). While reading, every
byte is counted again, across all reads of the archive, because the declared sizes
are only what the archive says (Python's zipfile also stops an entry at its declared
size and then fails its CRC: a lying entry is "broken").

Files handed to openpyxl or python-docx are checked with :func:`check_zip` first; those
libraries read through zipfile, so they inflate no more than was declared and checked.
"""

import zipfile
import zlib

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

__all__ = ["MAX_ENTRIES", "GuardedZip", "ZipRefused", "check_zip"]

MAX_ENTRIES = 2_000
_CHUNK = 64 * 1024


class ZipRefused(Exception):
    """Why an archive is refused: ``reason`` is "broken", "entries", "ratio", "total"
    or "declared" (an entry larger than its declared size); ``entry`` names the part,
    ``amount`` the count or the declared size where known."""

    def __init__(self, reason: str, *, entry: str = "", amount: int = 0) -> None:
        super().__init__(reason, entry)
        self.reason, self.entry, self.amount = reason, entry, amount

    def message(self, what: str) -> str:
        """The Vietnamese sentence, about ``what`` ("Gói hồ sơ", "Tệp “Minh chứng”")."""
        entry = f"“{self.entry}”" if self.entry else _("nội dung")
        values = {
            "what": what,
            "entry": entry,
            "n": self.amount,
            "max_entries": MAX_ENTRIES,
            "ratio": settings.THIDUA_MAX_ZIP_RATIO,
            "size": filesizeformat(self.amount),
            "max": filesizeformat(settings.THIDUA_MAX_UNZIPPED_BYTES),
        }
        if self.reason == "entries":
            text = _(
                "%(what)s có quá nhiều thành phần (%(n)s, tối đa %(max_entries)s)."
            )
        elif self.reason == "ratio":
            text = _(
                "%(what)s bị nén bất thường: %(entry)s nở ra hơn %(ratio)s lần khi giải "
                "nén (nghi là “bom nén”), không đọc."
            )
        elif self.reason == "total" and self.amount:
            text = _("%(what)s giải nén ra %(size)s, quá giới hạn %(max)s; không đọc.")
        elif self.reason == "total":
            text = _("%(what)s giải nén ra hơn giới hạn %(max)s; dừng đọc.")
        elif self.reason == "declared":
            text = _(
                "%(what)s bị sửa bất thường: %(entry)s lớn hơn kích thước ghi trong tệp."
            )
        else:
            text = _("%(what)s bị hỏng, không đọc được %(entry)s.")
        return text % values


def check_zip(archive: zipfile.ZipFile, archive_size: int | None = None) -> None:
    """Refuse (ZipRefused) an archive whose table of contents is hostile, before
    anything is inflated."""
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise ZipRefused("entries", amount=len(entries))
    max_ratio = settings.THIDUA_MAX_ZIP_RATIO
    max_total = settings.THIDUA_MAX_UNZIPPED_BYTES
    for entry in entries:
        if entry.file_size > max_ratio * max(entry.compress_size, 1):
            raise ZipRefused("ratio", entry=entry.filename)
    total = sum(entry.file_size for entry in entries)
    compressed = sum(entry.compress_size for entry in entries)
    if total > max_total:
        raise ZipRefused("total", amount=total)
    if archive_size is not None:
        # Entries pointing at the same compressed bytes inflate many times over.
        if compressed > archive_size:
            raise ZipRefused("broken")
        if total > max_ratio * max(archive_size, 1):
            raise ZipRefused("ratio")


class GuardedZip:
    """A ZipFile checked by :func:`check_zip` whose reads are counted: past
    THIDUA_MAX_UNZIPPED_BYTES in all (the same entry read twice counts twice), or an
    entry yielding more than it declared, raises ZipRefused."""

    def __init__(self, source, *, archive_size: int | None = None) -> None:
        try:
            self.archive = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            raise ZipRefused("broken") from None
        try:
            check_zip(self.archive, archive_size)
        except ZipRefused:
            self.archive.close()
            raise
        self.read_bytes = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self.archive.close()

    def infolist(self) -> list[zipfile.ZipInfo]:
        return self.archive.infolist()

    def namelist(self) -> list[str]:
        return self.archive.namelist()

    def read(self, name: str) -> bytes:
        info = self.archive.getinfo(name)
        limit = settings.THIDUA_MAX_UNZIPPED_BYTES
        out = bytearray()
        try:
            with self.archive.open(info) as source:
                while chunk := source.read(_CHUNK):
                    out += chunk
                    self.read_bytes += len(chunk)
                    if len(out) > info.file_size:
                        raise ZipRefused("declared", entry=name)
                    if self.read_bytes > limit:
                        raise ZipRefused("total")
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            RuntimeError,
            NotImplementedError,
        ):
            # A CRC that does not match (an entry cut at its declared size), a broken
            # stream, an encrypted entry.
            raise ZipRefused("broken", entry=name) from None
        return bytes(out)
