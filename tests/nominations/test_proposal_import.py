"""A unit's proposal list from Excel: the template, every row's errors named, all or
nothing, a preview before the dossiers are created (issue #17, point 2)."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from thidua.common.models import ActivityLog
from thidua.nominations.models import Nomination
from thidua.nominations.services import proposal_import
from thidua.nominations.services.proposal_import import read_proposals

from ..factories import make_person
from .test_bulk import make_round

pytestmark = pytest.mark.django_db
HEADERS = [
    "STT",
    "Họ và tên",
    "Ngày sinh",
    "Số CCCD",
    "Đơn vị",
    "Danh hiệu/hình thức đề nghị",
    "Thành tích tóm tắt",
]


def workbook(rows, headers=HEADERS) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("de-nghi.xlsx", buffer.getvalue())


@pytest.fixture
def round_(org):
    return make_round(org)


def url(round_, name="bulk-import"):
    return reverse(f"nominations:{name}", args=[round_.pk])


def test_template_has_headers_and_pick_lists(client_for, round_, org):
    response = client_for("unit_head").get(url(round_, "bulk-template"))
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["Danh sách đề nghị"]
    assert [c.value for c in sheet[1]] == HEADERS
    assert sheet.data_validations.dataValidation[0].sqref is not None
    catalogue = [c.value for c in book["Danh mục"]["A"]]
    assert "Lao động tiên tiến" in catalogue
    assert [c.value for c in book["Danh mục"]["B"]][1] == "Phòng Đăng ký kinh doanh"


def test_upload_preview_then_create_all(client_for, round_, org):
    staff, head = org.people["dkkd_staff"], org.people["head"]
    client = client_for("unit_head")
    rows = [
        [1, "Nguyễn Văn Ánh", None, staff.cccd, None, "Lao động tiên tiến", "Tốt"],
        [2, head.full_name, "17/05/1985", None, None, "CSTDCS", None],
        [None, None, None, None, None, None, None],  # blank: not counted
        [3, None, None, None, "Phòng Đăng ký kinh doanh", "TTLDXS", None],
    ]
    response = client.post(url(round_), {"file": workbook(rows)})
    assert response.status_code == 200
    preview = response.context["preview"]
    assert response.context["rows"] == 3
    assert [(str(c.subject), c.code) for c in preview] == [
        ("Nguyễn Văn Ánh", "LDTT"),
        ("Lê Minh Đức", "CSTDCS"),
        ("Phòng Đăng ký kinh doanh", "TTLDXS"),
    ]
    assert Nomination.objects.count() == 0
    confirm = {"action": "create", "don_vi": org.dkkd.pk, "so_dong": 3}
    for index, c in enumerate(preview):
        field = f"dong_{index}_"
        confirm |= {
            field + "nhan": c.proposal.label,
            field + "danh_hieu": c.code,
            field + ("ca_nhan" if c.person else "tap_the"): c.subject.pk,
            field + "tom_tat": c.proposal.summary,
        }
    response = client.post(url(round_), confirm)
    assert response.status_code == 302
    assert Nomination.objects.count() == 3
    assert Nomination.objects.get(person=staff).summary == "Tốt"
    assert (
        ActivityLog.objects.get(action="nominations.bulk_create").data["source"]
        == "excel"
    )
    # Posted again: every row refused by name, nothing more written.
    response = client.post(url(round_), confirm)
    assert "Dòng 2: Đối tượng đã có hồ sơ" in response.content.decode()
    assert Nomination.objects.count() == 3
    # A row naming nobody is no row of the preview.
    assert (
        client.post(url(round_), {**confirm, "dong_0_ca_nhan": ""}).status_code == 404
    )


def test_every_error_of_every_row_is_named(round_, org):
    dkkd = org.dkkd
    make_person(dkkd, "Trần Văn Hai", birth=datetime.date(1990, 1, 2))
    make_person(dkkd, "Trần Văn Hai", birth=datetime.date(1990, 1, 2))
    staff = org.people["dkkd_staff"]
    rows = [
        [1, "Nguyễn Văn Ánh", None, "999999999999", None, "Huy chương Vàng", None],
        [2, "Người Khác", None, staff.cccd, None, None, None],
        [3, "Lê Văn Vắng", None, None, None, "LDTT", None],
        [4, "Lê Văn Vắng", "31/02/1985", None, None, "LDTT", None],
        [5, "Lê Văn Vắng", datetime.date(1985, 1, 1), None, None, "LDTT", None],
        [6, "Trần Văn Hai", "02/01/1990", None, None, "LDTT", None],
        [7, None, None, None, "Sở Tài chính", "TTLDTT", None],
        [8, None, None, None, None, "LDTT", "=1+1"],
        [9, "Phạm Quốc Dũng", None, org.people["other_staff"].cccd, None, "LDTT", 5],
        [10, "Lê Văn Vắng"],  # shorter than the header
    ]
    parsed = read_proposals(workbook(rows), round_, dkkd)
    assert parsed.errors == [
        "Dòng 2, cột Danh hiệu/hình thức đề nghị: “Huy chương Vàng” không có trong "
        "danh mục danh hiệu, hình thức.",
        "Dòng 2, cột Số CCCD: không có cán bộ số CCCD 999999999999 trong đơn vị.",
        "Dòng 3, cột Danh hiệu/hình thức đề nghị: thiếu danh hiệu, hình thức đề nghị.",
        "Dòng 3, cột Họ và tên: “Người Khác” khác họ tên của số CCCD này "
        "(Nguyễn Văn Ánh).",
        "Dòng 4, cột Ngày sinh: cần ngày sinh dạng dd/mm/yyyy (hoặc ghi số CCCD).",
        "Dòng 5, cột Ngày sinh: “31/02/1985” không phải ngày hợp lệ dạng dd/mm/yyyy.",
        "Dòng 6, cột Họ và tên: không có cán bộ Lê Văn Vắng sinh ngày 01/01/1985 "
        "trong đơn vị.",
        "Dòng 7, cột Họ và tên: có 2 cán bộ Trần Văn Hai sinh ngày 02/01/1990; hãy "
        "ghi số CCCD.",
        "Dòng 8, cột Đơn vị: “Sở Tài chính” không phải đơn vị thuộc đơn vị đề nghị.",
        "Dòng 9, cột Thành tích tóm tắt: ô chứa công thức; chỉ nhận giá trị.",
        "Dòng 9, cột Họ và tên: thiếu họ và tên (hoặc số CCCD; tập thể: tên đơn vị).",
        "Dòng 10, cột Số CCCD: không có cán bộ số CCCD "
        f"{org.people['other_staff'].cccd} trong đơn vị.",
        "Dòng 11, cột Danh hiệu/hình thức đề nghị: thiếu danh hiệu, hình thức đề nghị.",
        "Dòng 11, cột Ngày sinh: cần ngày sinh dạng dd/mm/yyyy (hoặc ghi số CCCD).",
    ]
    assert parsed.rows == 10 and not parsed.ok


def test_columns_found_by_header_whatever_their_order(round_, org):
    staff = org.people["dkkd_staff"]
    headers = ["Danh hiệu/hình thức đề nghị", "Số CCCD", "Số CCCD"]
    parsed = read_proposals(
        workbook([["LDTT", staff.cccd, "x"]], headers), round_, org.dkkd
    )
    assert parsed.ok and parsed.proposals[0].person == staff


def test_the_services_refusals_come_after_reading(round_, org):
    staff = org.people["dkkd_staff"]
    rows = [[1, None, None, staff.cccd, None, "Tập thể lao động tiên tiến", None]]
    parsed = read_proposals(workbook(rows), round_, org.dkkd)
    assert parsed.errors == [
        "Dòng 2: Danh hiệu, hình thức không dành cho đối tượng này."
    ]


def test_whole_file_refusals(client_for, round_, org, monkeypatch):
    def errors_of(upload):
        return read_proposals(upload, round_, org.dkkd).errors

    assert errors_of(workbook([], headers=["STT", "Họ và tên"])) == [
        "Dòng 1: thiếu cột bắt buộc “Danh hiệu/hình thức đề nghị”."
    ]
    assert errors_of(workbook([[1, None, None, None, None, None, None]])) == [
        "Tệp chưa có dòng đề nghị nào."
    ]
    assert errors_of(SimpleUploadedFile("a.xlsx", b"not a workbook")) == [
        "Tệp không phải là bảng tính Excel .xlsx."
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<broken")
        archive.writestr("[Content_Types].xml", "<Types/>")
    assert errors_of(SimpleUploadedFile("b.xlsx", buffer.getvalue())) == [
        "Tệp Excel bị hỏng hoặc chứa nội dung không an toàn."
    ]
    monkeypatch.setattr(proposal_import, "MAX_ROWS", 1)
    rows = [[n, "Ai", None, None, None, "LDTT", None] for n in (1, 2)]
    assert errors_of(workbook(rows)) == ["Tệp có quá 1 dòng đề nghị."]
    # On the page: the errors in a list, nothing proposed; no file: the form says so.
    client = client_for("unit_head")
    page = client.post(url(round_), {"file": workbook(rows)})
    assert 'data-testid="import-errors"' in page.content.decode()
    assert client.post(url(round_), {}).context["form"].errors
    assert client.get(url(round_)).status_code == 200
