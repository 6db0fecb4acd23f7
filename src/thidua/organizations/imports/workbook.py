"""Opening staff workbooks safely: size, zip bombs, macros, XML entities, formulas."""

import re
import threading
import zipfile
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from thidua.common.zips import GuardedZip, ZipRefused

__all__ = ["WorkbookRejected", "check_workbook_file", "count_data_rows", "open_rows"]


_SIZE_SCAN = threading.Lock()


class WorkbookRejected(Exception):
    """The file is refused as a whole; the message says why, in Vietnamese."""


def check_workbook_file(path: Path) -> None:
    """Refuse anything that is not a plain .xlsx before openpyxl reads a byte of XML:
    the archive's limits (common/zips.py) bound what openpyxl may inflate later."""
    size = path.stat().st_size
    if size > settings.THIDUA_MAX_UPLOAD_BYTES:
        raise WorkbookRejected(
            _("Tệp quá lớn (%(size)s MB, tối đa %(max)s MB).")
            % {
                "size": round(size / 1048576, 1),
                "max": round(settings.THIDUA_MAX_UPLOAD_BYTES / 1048576, 1),
            }
        )
    if not zipfile.is_zipfile(path):
        raise WorkbookRejected(_("Tệp không phải là bảng tính Excel .xlsx."))
    try:
        with GuardedZip(path, archive_size=size) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names:
                raise WorkbookRejected(_("Tệp không phải là bảng tính Excel .xlsx."))
            if any(n.lower().endswith("vbaproject.bin") for n in names):
                raise WorkbookRejected(
                    _("Tệp chứa macro; chỉ nhận tệp .xlsx không có macro.")
                )
            content_types = archive.read("[Content_Types].xml")
            if b"macroEnabled" in content_types:
                raise WorkbookRejected(
                    _("Tệp chứa macro; chỉ nhận tệp .xlsx không có macro.")
                )
    except ZipRefused as exc:
        raise WorkbookRejected(exc.message(_("Tệp Excel"))) from exc
    except KeyError as exc:
        raise WorkbookRejected(_("Tệp không phải là bảng tính Excel .xlsx.")) from exc


def _load_read_only(path: Path, **options):
    """openpyxl's read-only workbook, without its size scan.

    Opening a read-only sheet looks for the sheet's <dimension>; when the program that
    wrote the file put none before the rows (openpyxl's own write-only files, such as
    thidua's template once refilled by a script), it parses the whole sheet for nothing
    — 2 s of a 20,000-row import — and thidua discards that size anyway
    (``reset_dimensions``: a <dimension> may be wrong). The scan is replaced for the
    duration of the load only (the class attribute, under a lock)."""
    import openpyxl  # noqa: PLC0415 (heavy; only imports need it)
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet  # noqa: PLC0415 (heavy)

    with _SIZE_SCAN:
        scan = ReadOnlyWorksheet._get_size
        ReadOnlyWorksheet._get_size = _no_size_scan
        try:
            return openpyxl.load_workbook(path, read_only=True, **options)
        finally:
            ReadOnlyWorksheet._get_size = scan


def _no_size_scan(_sheet) -> None:
    return None


def open_rows(path: Path):
    """Yield (row number, cells) of the first sheet, streaming in bounded memory.

    openpyxl parses through defusedxml (installed as a dependency), so entity
    expansion and external entities raise instead of expanding.
    """
    check_workbook_file(path)
    try:
        workbook = _load_read_only(path, data_only=False)
    except Exception as exc:  # openpyxl raises many types for broken XML
        raise WorkbookRejected(
            _("Tệp Excel bị hỏng hoặc chứa nội dung không an toàn.")
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        # Read-only mode stops at the sheet's <dimension>, which the program that
        # wrote the file may have got wrong ("A1:N2" over 50 rows): read every row.
        sheet.reset_dimensions()
        try:
            yield from enumerate(sheet.iter_rows(), start=1)
        except WorkbookRejected:
            raise
        except Exception as exc:
            raise WorkbookRejected(
                _("Tệp Excel bị hỏng hoặc chứa nội dung không an toàn.")
            ) from exc
    finally:
        workbook.close()


_ROW = re.compile(rb"<(?:\w+:)?row\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?row>)", re.DOTALL)
_VALUE = re.compile(rb"<(?:\w+:)?(?:v|t)\b[^>]*>\s*[^<\s]")


def count_data_rows(path: Path) -> int:
    """Rows after the header with a value in some cell, counted in the first sheet's
    XML without trusting its <dimension>: the estimate that decides whether an import
    runs in the background, and the total its progress bar shows. 0 if unreadable."""
    try:
        workbook = _load_read_only(path)
        try:
            # The part of the first sheet, as openpyxl resolved it from the workbook.
            part = workbook.worksheets[0]._worksheet_path
        finally:
            workbook.close()
        count, tail = 0, b""
        with zipfile.ZipFile(path) as archive, archive.open(part) as source:
            for chunk in iter(lambda: source.read(1 << 20), b""):
                data = tail + chunk
                end = 0
                for match in _ROW.finditer(data):
                    end = match.end()
                    if match.group(1) and _VALUE.search(match.group(1)):
                        count += 1
                tail = data[end:]
    except Exception:  # a broken file is reported by the import itself
        return 0
    return max(count - 1, 0)  # the header
