"""Uploaded files are judged by their bytes, not their names: PDF (%PDF-x.y … %%EOF),
PNG (signature and IHDR), JPEG (SOI and a marker), DOCX/XLSX (the main part, no macros);
the Vietnamese message names the field and the file."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from thidua.common.uploads import check_attachment

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + b"\x00" * 20 + b"\xff\xd9"


def ooxml(*parts: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for part in parts:
            archive.writestr(part, "<x/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bao-cao.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64),  # a Windows .exe
        ("bao-cao.pdf", b"\x7fELF\x02\x01\x01" + b"\x00" * 64),
        ("bao-cao.pdf", b"<!DOCTYPE html><html><script>alert(1)</script>"),
        ("bao-cao.pdf", b"%PDF-1.7\n<html><script>alert(1)</script></html>\n%%EOF"),
        ("bao-cao.pdf", b"%PDF-1.7\n1 0 obj<<>>endobj"),  # no %%EOF: not a whole PDF
        ("bao-cao.pdf", b"%PDF-<html>"),
        ("anh.png", b"\x89PNG\r\n\x1a\n<svg onload=alert(1)>"),
        ("anh.png", b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>"),
        ("anh.jpg", b"\xff\xd8\xff<html><script>alert(1)</script>"),
        ("bao-cao.docx", ooxml("word/document.xml", "word/vbaProject.bin")),
        ("bao-cao.docx", ooxml("khac.xml")),
    ],
)
def test_renamed_and_forged_files_are_refused(name, data):
    with pytest.raises(ValidationError) as exc:
        check_attachment(
            SimpleUploadedFile(name, data), field="evidence", label="Minh chứng"
        )
    assert exc.value.message_dict == {
        "evidence": [
            f"Tệp “Minh chứng” ({name}) không hợp lệ. Chỉ nhận tệp PDF, DOCX, XLSX, "
            "PNG hoặc JPEG (kiểm tra theo nội dung tệp, không theo tên)."
        ]
    }


@pytest.mark.parametrize(
    ("name", "data", "kind", "shown"),
    [
        ("to-trinh.pdf", PDF, "pdf", "to-trinh.pdf"),
        ("anh.PNG", PNG, "png", "anh.PNG"),
        ("anh.jpeg", JPEG, "jpg", "anh.jpeg"),
        ("bao-cao.docx", ooxml("word/document.xml"), "docx", "bao-cao.docx"),
        ("ds.xlsx", ooxml("xl/workbook.xml"), "xlsx", "ds.xlsx"),
        # The content decides; the name downloaded says what the content is.
        ("trang.html", PDF, "pdf", "trang.pdf"),
        ("anh.png", JPEG, "jpg", "anh.jpg"),
        ("khong-duoi", PDF, "pdf", "khong-duoi.pdf"),
    ],
)
def test_real_files_pass_and_keep_a_truthful_name(name, data, kind, shown):
    checked = check_attachment(SimpleUploadedFile(name, data))
    assert (checked.kind, checked.original_name) == (kind, shown)
    assert checked.content.name.endswith(f".{kind}")


def test_the_size_message_names_the_field(settings):
    settings.THIDUA_MAX_UPLOAD_BYTES = 10
    with pytest.raises(ValidationError) as exc:
        check_attachment(
            SimpleUploadedFile("to-trinh.pdf", PDF),
            field="file",
            label="Báo cáo thành tích",
        )
    assert exc.value.message_dict["file"][0].startswith(
        "Tệp “Báo cáo thành tích” (to-trinh.pdf) quá lớn"
    )


@pytest.mark.django_db
def test_a_renamed_exe_is_refused_on_the_nomination_page(client_for, org):
    import datetime

    from thidua.nominations.services.nomination import create_nomination, open_round

    round_ = open_round(
        agency=org.skhdt,
        name="Đợt 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=datetime.date(2099, 1, 1),
    )
    nomination = create_nomination(
        round_, proposing_unit=org.dkkd, person=org.people["dkkd_staff"], code="LDTT"
    )
    response = client_for("unit_head").post(
        reverse("nominations:nomination-attach", args=[nomination.pk]),
        {
            "kind": "bao_cao_thanh_tich",
            "file": SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00"),
        },
        follow=True,
    )
    assert "Tệp “Báo cáo thành tích” (bao-cao.pdf) không hợp lệ." in (
        response.content.decode()
    )
    assert not nomination.attachments.exists()


@pytest.mark.django_db
def test_a_pdf_named_xlsx_is_refused_on_the_staff_import_form(client_for, org):
    response = client_for("officer").post(
        reverse("organizations:import", args=[org.skhdt.pk]),
        {"file": SimpleUploadedFile("ds.xlsx", PDF)},
    )
    assert response.context["form"].errors["file"] == [
        "Tệp danh sách “ds.xlsx” không phải bảng tính Excel .xlsx (kiểm tra theo nội "
        "dung tệp, không theo tên)."
    ]


@pytest.mark.django_db
def test_the_public_checker_names_the_file(client):
    response = client.post(
        reverse("documents:verify-pdf"),
        {"file": SimpleUploadedFile("van-ban.pdf", b"<html><script></script>")},
    )
    assert "Tệp PDF: “van-ban.pdf” không phải là tệp PDF" in response.content.decode()
