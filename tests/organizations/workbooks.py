"""Staff workbooks for tests, good and hostile."""

import io
import zipfile
from pathlib import Path

from openpyxl import Workbook

from thidua.organizations.imports.staff import COLUMNS

HEADERS = [c.header for c in COLUMNS]


def row(name, cccd, unit="SKHĐT-VP", *, gender="Nam", birth="17/05/1985", **extra):
    values = {
        "STT": 1,
        "Họ và tên": name,
        "Giới tính": gender,
        "Ngày sinh": birth,
        "Số CCCD": cccd,
        "Dân tộc": "Tày",
        "Đối tượng": "Công chức",
        "Chức vụ": "Chuyên viên",
        "Ngạch": "Chuyên viên",
        "Trực tiếp lao động, công tác": "Không",
        "Ngày tuyển dụng": "01/03/2010",
        "Trình độ đào tạo": "Đại học",
        "Làm công tác TĐKT từ ngày": "",
        "Mã đơn vị": unit,
    } | extra
    return [values[h] for h in HEADERS]


def write_xlsx(path: Path, rows, headers=HEADERS) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for values in rows:
        sheet.append(values)
    workbook.save(path)
    return path


def rewrite_zip(source: Path, target: Path, *, replace=None, add=None) -> Path:
    """Copy an .xlsx, replacing or adding members (for hostile variants)."""
    replace, add = replace or {}, add or {}
    with (
        zipfile.ZipFile(source) as src,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            data = replace.get(info.filename, src.read(info.filename))
            dst.writestr(info.filename, data)
        for name, data in add.items():
            dst.writestr(name, data)
    return target


def zip_bomb(path: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (50 * 1024 * 1024))
    path.write_bytes(buffer.getvalue())
    return path


def set_dimension(path: Path, ref: str) -> Path:
    """Rewrite the first sheet's <dimension> (as some programs write it wrongly)."""
    import re

    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    xml, count = re.subn(r'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>', xml)
    assert count == 1
    return rewrite_zip(
        path,
        path.with_name("dim-" + path.name),
        replace={"xl/worksheets/sheet1.xml": xml.encode()},
    )
