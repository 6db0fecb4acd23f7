"""Uploaded ZIPs (dossier packages, XLSX, DOCX) read within limits: the declared sizes
and ratios are checked before inflating, and the bytes actually read are counted."""

import hashlib
import io
import json
import os
import struct
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.common.uploads import check_attachment
from thidua.common.zips import GuardedZip, ZipRefused
from thidua.organizations.imports.staff import import_staff
from thidua.organizations.models import Person
from thidua.submissions.models import Submission
from thidua.submissions.services.package import FORMAT, VERSION, import_package

from ..organizations.workbooks import rewrite_zip, row, write_xlsx

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


def compressible(size: int) -> bytes:
    """Bytes that deflate about 30 times: under the ratio limit, still a lot."""
    blocks = (os.urandom(64) + b"\x00" * 1984 for _ in range(size // 2048 + 1))
    return b"".join(blocks)[:size]


def make_zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def lie_about_size(data: bytes, name: str, declared: int) -> bytes:
    """Rewrite the uncompressed size the central directory (and the local header)
    declare for ``name``; the compressed stream stays what it was."""
    raw = bytearray(data)
    encoded = name.encode()
    central = raw.find(b"PK\x01\x02")
    while central != -1:
        length = struct.unpack_from("<H", raw, central + 28)[0]
        if bytes(raw[central + 46 : central + 46 + length]) == encoded:
            struct.pack_into("<I", raw, central + 24, declared)
            local = struct.unpack_from("<I", raw, central + 42)[0]
            struct.pack_into("<I", raw, local + 22, declared)
        central = raw.find(b"PK\x01\x02", central + 4)
    return bytes(raw)


def package_with(files: list[dict], entries: dict[str, bytes]) -> bytes:
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "from": {"code": "X", "name": "Sở Nội vụ tỉnh Cao Bằng"},
        "document": {
            "symbol": "09/TTr-SNV",
            "issued_on": "2026-01-20",
            "summary": "Đề nghị khen thưởng",
            "signer_title": "Giám đốc",
            "signer_name": "Nông Văn Ba",
        },
        "files": files,
        "items": [
            {
                "subject_name": "Nông Thị Lan",
                "code": "CSTD_BO_TINH",
                "year": 2025,
                "files": [],
            }
        ],
    }
    return make_zip({"manifest.json": json.dumps(manifest).encode(), **entries})


def refused_package(data: bytes, org) -> str:
    with pytest.raises(ValidationError) as exc:
        import_package(
            SimpleUploadedFile("goi.zip", data), to_agency=org.other, actor=None
        )
    assert not Submission.objects.exists()
    return " ".join(exc.value.messages)


def test_a_package_reading_one_entry_many_times_stops_at_the_limit(org, settings):
    """1 MB that inflates to 12 MB read by naming one entry twelve times in the
    manifest (scaled down from the 1 MB → 1.2 GB of the issue)."""
    settings.THIDUA_MAX_UNZIPPED_BYTES = 8 * MB
    big = compressible(MB)
    entry = {"path": "ho-so/01.pdf", "sha256": hashlib.sha256(big).hexdigest()}
    data = package_with([entry] * 12, {"ho-so/01.pdf": big})
    assert len(data) < MB // 10
    message = refused_package(data, org)
    assert message == "Gói hồ sơ giải nén ra hơn giới hạn 8,0\xa0MB; dừng đọc."


def test_a_package_declaring_too_much_is_refused_before_reading(org, settings):
    settings.THIDUA_MAX_UNZIPPED_BYTES = 2 * MB
    data = package_with([], {f"ho-so/{n}.pdf": compressible(MB) for n in range(3)})
    assert refused_package(data, org) == (
        "Gói hồ sơ giải nén ra 3,0\xa0MB, quá giới hạn 2,0\xa0MB; không đọc."
    )


def test_a_package_entry_with_a_high_ratio_is_refused(org):
    data = package_with([], {"ho-so/bom.pdf": b"\x00" * (5 * MB)})
    message = refused_package(data, org)
    assert "“ho-so/bom.pdf” nở ra hơn 100 lần" in message and "bom nén" in message


def test_a_package_entry_lying_about_its_size_is_refused(org):
    big = compressible(4 * MB)
    entry = {"path": "ho-so/01.pdf", "sha256": hashlib.sha256(big).hexdigest()}
    data = lie_about_size(
        package_with([entry], {"ho-so/01.pdf": big}), "ho-so/01.pdf", 1000
    )
    assert "Gói hồ sơ bị hỏng, không đọc được “ho-so/01.pdf”" in refused_package(
        data, org
    )


def test_reading_stops_at_the_declared_size():
    data = lie_about_size(make_zip({"a.xml": compressible(4 * MB)}), "a.xml", 1000)
    with GuardedZip(io.BytesIO(data), archive_size=len(data)) as archive:
        with pytest.raises(ZipRefused) as exc:
            archive.read("a.xml")
        assert archive.read_bytes <= 1000
    assert exc.value.reason == "broken"


def test_entries_sharing_their_bytes_are_refused():
    """The overlapping zip bomb: many directory entries for one compressed stream."""
    data = bytearray(make_zip({"a": compressible(MB)}))
    start = data.find(b"PK\x01\x02")
    end = data.find(b"PK\x05\x06")
    record = bytes(data[start:end])
    copies = 50
    eocd = bytearray(data[end:])
    struct.pack_into("<HH", eocd, 8, copies, copies)
    struct.pack_into("<I", eocd, 12, len(record) * copies)
    forged = bytes(data[:start]) + record * copies + bytes(eocd)
    with pytest.raises(ZipRefused) as exc:
        GuardedZip(io.BytesIO(forged), archive_size=len(forged))
    assert exc.value.reason in ("broken", "ratio")


def test_a_workbook_bomb_lying_about_its_size_is_refused_in_bounded_memory(
    org, tmp_path
):
    good = write_xlsx(tmp_path / "good.xlsx", [row("Nguyễn Văn Tú", "001085000001")])
    with zipfile.ZipFile(good) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    # The sheet followed by 64 MB of spaces, declared as its real small size.
    bomb = rewrite_zip(
        good,
        tmp_path / "bomb.xlsx",
        replace={"xl/worksheets/sheet1.xml": sheet + b" " * (64 * MB)},
    )
    bomb.write_bytes(
        lie_about_size(bomb.read_bytes(), "xl/worksheets/sheet1.xml", len(sheet))
    )
    tracemalloc.start()
    try:
        result = import_staff(bomb, agency=org.skhdt)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "Tệp Excel bị hỏng" in result.rejected
    assert peak < 16 * MB
    assert not Person.objects.filter(full_name="Nguyễn Văn Tú").exists()


def test_a_workbook_inflating_too_much_is_refused(org, tmp_path, settings):
    settings.THIDUA_MAX_UNZIPPED_BYTES = MB
    good = write_xlsx(tmp_path / "good.xlsx", [row("Nguyễn Văn Tú", "001085000001")])
    big = rewrite_zip(
        good, tmp_path / "big.xlsx", add={"xl/media/anh.bin": compressible(2 * MB)}
    )
    result = import_staff(big, agency=org.skhdt)
    assert result.rejected.startswith("Tệp Excel giải nén ra 2,0\xa0MB, quá giới hạn")


def test_a_docx_attachment_bomb_is_refused_with_a_vietnamese_message():
    bomb = make_zip(
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": b" " * (20 * MB)}
    )
    with pytest.raises(ValidationError) as exc:
        check_attachment(SimpleUploadedFile("bao-cao.docx", bomb))
    assert "“word/document.xml” nở ra hơn 100 lần" in exc.value.messages[0]
