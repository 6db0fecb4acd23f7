import datetime

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from thidua.common.models import ActivityLog
from thidua.common.services.audit import verify_chain
from thidua.organizations.imports.staff import import_staff
from thidua.organizations.imports.template import staff_template_bytes
from thidua.organizations.imports.workbook import count_data_rows
from thidua.organizations.models import Membership, Person

from ..factories import cccd_for
from .workbooks import HEADERS, rewrite_zip, row, set_dimension, write_xlsx, zip_bomb

pytestmark = pytest.mark.django_db
BORN = datetime.date(1985, 5, 17)


def cccd(gender="nam"):
    return cccd_for(gender, BORN)


def good_rows(n=3):
    return [row(f"Nguyễn Văn Tú{chr(0x61 + i)}", cccd()) for i in range(n)]


def test_template_has_the_headers_and_the_agency_unit_codes(org, tmp_path):
    path = tmp_path / "mau.xlsx"
    path.write_bytes(staff_template_bytes(org.skhdt))
    workbook = load_workbook(path)
    assert [c.value for c in workbook["Danh sách"][1]] == HEADERS
    codes = [c.value for c in workbook["Danh mục"]["E"][1:] if c.value]
    assert codes == ["SKHĐT", "SKHĐT-VP", "SKHĐT-ĐKKD"]
    assert workbook["Danh sách"]["E2"].number_format == "@"


def test_valid_file_creates_people_memberships_and_audit_entries(org, tmp_path):
    rows = [
        row(
            "Lương Thị Mai",
            cccd("nu"),
            "SKHĐT-ĐKKD",
            gender="Nữ",
            **{"Trực tiếp lao động, công tác": "Có"},
        ),
        row("Triệu Văn Hùng", cccd(), birth=datetime.datetime(1985, 5, 17)),  # noqa: DTZ001 (Excel dates are naive)
    ]
    path = write_xlsx(tmp_path / "ds.xlsx", rows)
    result = import_staff(path, agency=org.skhdt)
    assert (result.ok, result.rows, result.created, result.updated) == (True, 2, 2, 0)
    mai = Person.objects.get(full_name="Lương Thị Mai")
    assert (mai.gender, mai.unit, mai.ethnicity, mai.is_direct_worker) == (
        "nu",
        org.dkkd,
        "Tày",
        True,
    )
    assert mai.recruited_on == datetime.date(2010, 3, 1)
    assert Membership.objects.filter(person=mai, unit=org.dkkd).exists()
    assert ActivityLog.objects.filter(action="people.import_create").count() == 2
    assert verify_chain().ok


def test_reimporting_the_same_file_changes_nothing_and_updates_by_cccd(org, tmp_path):
    rows = good_rows(3)
    path = write_xlsx(tmp_path / "ds.xlsx", rows)
    assert import_staff(path, agency=org.skhdt).created == 3
    count = Person.objects.count()
    again = import_staff(path, agency=org.skhdt)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert Person.objects.count() == count
    rows[0][HEADERS.index("Chức vụ")] = "Phó Trưởng phòng"
    rows[1][HEADERS.index("Mã đơn vị")] = "SKHĐT-ĐKKD"
    changed = import_staff(write_xlsx(tmp_path / "ds2.xlsx", rows), agency=org.skhdt)
    assert (changed.created, changed.updated, changed.unchanged) == (0, 2, 1)
    moved = Person.objects.get(cccd=rows[1][HEADERS.index("Số CCCD")])
    assert moved.unit == org.dkkd
    assert moved.memberships.count() == 2


def test_one_bad_row_writes_nothing_and_every_error_is_listed(org, tmp_path):
    dup = cccd()
    rows = [
        row("Nguyễn Văn Một", dup),
        row("Nguyễn Văn Hai", dup),  # duplicate inside the file
        row("Nguyễn Văn Ba", "123"),  # bad CCCD
        row("Nguyễn Văn Bốn", cccd(), "KHONG-CO"),  # unknown unit
        row("Nguyễn Văn Năm", cccd(), birth="31/02/1985"),  # impossible date
        row("Nguyễn Văn Sáu", cccd(), gender="Khác"),
        row("Nguyễn Văn Bảy", cccd(), birth="01/01/2090"),
        row("", cccd()),
    ]
    before = (Person.objects.count(), ActivityLog.objects.count())
    result = import_staff(write_xlsx(tmp_path / "ds.xlsx", rows), agency=org.skhdt)
    assert not result.ok
    found = {(e.row, e.column) for e in result.errors}
    assert {
        (3, "Số CCCD"),
        (4, "Số CCCD"),
        (5, "Mã đơn vị"),
        (6, "Ngày sinh"),
        (7, "Giới tính"),
        (8, "Ngày sinh"),
        (9, "Họ và tên"),
    } <= found
    messages = {(e.row, e.column): e.message for e in result.errors}
    assert messages[(3, "Số CCCD")] == "Số CCCD trùng với dòng 2."
    assert (
        messages[(5, "Mã đơn vị")] == "Mã đơn vị “KHONG-CO” không có trong cơ quan này."
    )
    assert "31/02/1985" in messages[(6, "Ngày sinh")]
    assert (Person.objects.count(), ActivityLog.objects.count()) == before


def test_cccd_already_in_the_database_for_another_agency_is_refused(org, tmp_path):
    other = org.people["other_staff"]
    rows = [
        row("Phạm Quốc Dũng", other.cccd, birth=other.birth_date.strftime("%d/%m/%Y"))
    ]
    result = import_staff(write_xlsx(tmp_path / "ds.xlsx", rows), agency=org.skhdt)
    assert [e.message for e in result.errors] == [
        "Số CCCD này thuộc cán bộ của cơ quan khác."
    ]
    other.refresh_from_db()
    assert other.unit == org.other_unit


def test_cccd_typed_as_a_number_loses_its_zero_and_is_refused(org, tmp_path):
    rows = [row("Nguyễn Văn Tư", int(cccd()))]
    result = import_staff(write_xlsx(tmp_path / "ds.xlsx", rows), agency=org.skhdt)
    assert "mất số 0" in result.errors[0].message


def test_formulas_are_refused(org, tmp_path):
    rows = [row("Nguyễn Văn Tú", cccd(), **{"Chức vụ": '=HYPERLINK("http://x","y")'})]
    result = import_staff(write_xlsx(tmp_path / "ds.xlsx", rows), agency=org.skhdt)
    assert [(e.row, e.column) for e in result.errors] == [(2, "Chức vụ")]
    assert "công thức" in result.errors[0].message


def test_missing_header_is_reported(org, tmp_path):
    headers = [h for h in HEADERS if h != "Số CCCD"]
    path = write_xlsx(tmp_path / "ds.xlsx", [], headers=headers)
    result = import_staff(path, agency=org.skhdt)
    assert [(e.row, e.message) for e in result.errors] == [
        (1, "Thiếu cột bắt buộc “Số CCCD”.")
    ]


def test_dry_run_validates_without_writing(org, tmp_path):
    before = Person.objects.count()
    result = import_staff(
        write_xlsx(tmp_path / "ds.xlsx", good_rows(2)), agency=org.skhdt, dry_run=True
    )
    assert (result.ok, result.created) == (True, 2)
    assert Person.objects.count() == before


def test_too_many_rows_are_refused(org, tmp_path, settings):
    settings.THIDUA_IMPORT_MAX_ROWS = 2
    result = import_staff(
        write_xlsx(tmp_path / "ds.xlsx", good_rows(3)), agency=org.skhdt
    )
    assert result.rejected == "Tệp có quá 2 dòng dữ liệu."


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>"""


@pytest.mark.parametrize(
    ("variant", "message"),
    [
        ("not_zip", "không phải là bảng tính"),
        ("zip_bomb", "bom nén"),
        ("macro", "macro"),
        ("billion_laughs", "không an toàn"),
        ("xxe", "không an toàn"),
        ("too_big", "quá lớn"),
    ],
)
def test_hostile_workbooks_are_refused_whole(org, tmp_path, settings, variant, message):
    good = write_xlsx(tmp_path / "good.xlsx", good_rows(1))
    target = tmp_path / "bad.xlsx"
    if variant == "not_zip":
        target.write_bytes(b"%PDF-1.7 not a workbook")
    elif variant == "zip_bomb":
        zip_bomb(target)
    elif variant == "macro":
        rewrite_zip(good, target, add={"xl/vbaProject.bin": b"\x00" * 64})
    elif variant in ("billion_laughs", "xxe"):
        payload = BILLION_LAUGHS if variant == "billion_laughs" else XXE
        rewrite_zip(good, target, replace={"xl/worksheets/sheet1.xml": payload})
    elif variant == "too_big":
        settings.THIDUA_MAX_UPLOAD_BYTES = 1000
        target = good
    before = Person.objects.count()
    result = import_staff(target, agency=org.skhdt)
    assert message in result.rejected
    assert "root:" not in str(result.errors)
    assert Person.objects.count() == before


def test_cli_import_and_template(org, tmp_path, capsys):
    template = tmp_path / "mau.xlsx"
    call_command("import_staff", template=str(template), agency="SKHĐT")
    assert load_workbook(template)["Danh sách"]["B1"].value == "Họ và tên"
    path = write_xlsx(tmp_path / "ds.xlsx", good_rows(2))
    call_command("import_staff", str(path), agency="SKHĐT", dry_run=True)
    assert "Kiểm tra xong (chưa ghi): 2 dòng – thêm mới 2" in capsys.readouterr().out
    call_command("import_staff", str(path), agency="SKHĐT")
    assert "Đã nhập: 2 dòng – thêm mới 2, cập nhật 0" in capsys.readouterr().out
    bad = write_xlsx(tmp_path / "bad.xlsx", [row("Nguyễn Văn Tú", "1")])
    with pytest.raises(CommandError, match="Không ghi dữ liệu nào"):
        call_command("import_staff", str(bad), agency="SKHĐT")
    assert (
        "Dòng 2, cột “Số CCCD”: Số CCCD phải gồm đúng 12 chữ số."
        in capsys.readouterr().err
    )
    with pytest.raises(CommandError, match="Không có cơ quan"):
        call_command("import_staff", str(path), agency="XYZ")


def test_training_level_and_tdkt_work_are_read_and_checked(org, tmp_path):
    mai = cccd("nu")
    rows = [
        row(
            "Lương Thị Mai",
            mai,
            gender="Nữ",
            **{
                "Trình độ đào tạo": "Thạc sĩ",
                "Làm công tác TĐKT từ ngày": "01/09/2015",
            },
        ),
        row("Triệu Văn Hùng", cccd(), **{"Trình độ đào tạo": "cao đẳng"}),
    ]
    assert import_staff(write_xlsx(tmp_path / "ds.xlsx", rows), agency=org.skhdt).ok
    person = Person.objects.get(cccd=mai)
    assert (person.education_level, person.tdkt_since) == (
        "tren_dai_hoc",
        datetime.date(2015, 9, 1),
    )
    assert Person.objects.get(full_name="Triệu Văn Hùng").education_level == "cao_dang"
    bad = [
        row("Lò Văn Pá", cccd(), **{"Trình độ đào tạo": "Phổ thông"}),
        row("Lò Văn Pọ", cccd(), **{"Làm công tác TĐKT từ ngày": "01/01/1970"}),
    ]
    result = import_staff(write_xlsx(tmp_path / "bad.xlsx", bad), agency=org.skhdt)
    columns = {(e.row, e.column) for e in result.errors}
    assert columns == {(2, "Trình độ đào tạo"), (3, "Làm công tác TĐKT từ ngày")}
    # An older workbook without the two columns leaves the values as they are.
    old_headers = [
        h for h in HEADERS if h not in ("Trình độ đào tạo", "Làm công tác TĐKT từ ngày")
    ]
    old_row = [v for h, v in zip(HEADERS, rows[0], strict=True) if h in old_headers]
    old_row[old_headers.index("Chức vụ")] = "Phó Chánh Văn phòng"
    again = import_staff(
        write_xlsx(tmp_path / "old.xlsx", [old_row], old_headers), agency=org.skhdt
    )
    assert (again.ok, again.updated) == (True, 1)
    person.refresh_from_db()
    assert person.position == "Phó Chánh Văn phòng"
    assert (person.education_level, person.tdkt_since) == (
        "tren_dai_hoc",
        datetime.date(2015, 9, 1),
    )


def test_every_row_is_read_when_the_dimension_is_wrong(org, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", good_rows(50))
    lying = set_dimension(path, "A1:N2")  # says one data row; holds fifty
    assert load_workbook(lying, read_only=True).worksheets[0].max_row == 2
    assert count_data_rows(lying) == 50
    result = import_staff(lying, agency=org.skhdt)
    assert (result.ok, result.rows, result.created) == (True, 50, 50)


def test_the_sheet_is_read_once_not_scanned_for_its_size(org, tmp_path, monkeypatch):
    """openpyxl's size scan (the whole sheet when no <dimension> heads it) is skipped
    on load, and put back afterwards for any other reader."""
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    from openpyxl.worksheet._reader import WorkSheetParser

    scan = ReadOnlyWorksheet._get_size
    calls = []
    original = WorkSheetParser.parse_dimensions
    monkeypatch.setattr(
        WorkSheetParser,
        "parse_dimensions",
        lambda self: calls.append(1) or original(self),
    )
    path = write_xlsx(tmp_path / "ds.xlsx", good_rows(5))
    assert count_data_rows(path) == 5
    assert import_staff(path, agency=org.skhdt).created == 5
    assert calls == []
    assert ReadOnlyWorksheet._get_size is scan
    load_workbook(path, read_only=True).worksheets[0]  # noqa: B018 (any other reader)
    assert calls == [1]


def test_an_upload_with_a_wrong_dimension_runs_in_the_background_whole(
    org, users, tmp_path, settings, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from thidua.organizations.services.staff_import import start_staff_import

    settings.THIDUA_IMPORT_BACKGROUND_ROWS = 20
    lying = set_dimension(write_xlsx(tmp_path / "ds.xlsx", good_rows(50)), "A1:N2")
    upload = SimpleUploadedFile("ds.xlsx", lying.read_bytes())
    with django_capture_on_commit_callbacks(execute=True) as queued:
        job = start_staff_import(upload, agency=org.skhdt, actor=users["officer"])
    # The estimate did not trust the dimension either: the import was queued (and,
    # once it wrote its rows, the planner's statistics after it: common/planner.py).
    assert len(queued) == 2
    job.refresh_from_db()
    assert (job.status, job.total_rows, job.created_count) == ("done", 50, 50)


def test_every_error_of_a_row_is_reported_at_once(org, tmp_path):
    rows = [
        row(
            "Nguyễn Văn Tú",
            cccd(),
            "KHONG-CO",
            gender="Khác",
            **{
                "Dân tộc": "Không rõ",
                "Ngày tuyển dụng": "01/01/1970",
                "Trình độ đào tạo": "Phổ thông",
                "Làm công tác TĐKT từ ngày": "32/01/2020",
            },
        ),
    ]
    result = import_staff(write_xlsx(tmp_path / "ds.xlsx", rows), agency=org.skhdt)
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (2, "Giới tính", "Giới tính phải là “Nam” hoặc “Nữ”."),
        (2, "Dân tộc", "Dân tộc “Không rõ” không có trong danh mục 54 dân tộc."),
        (2, "Ngày tuyển dụng", "Ngày tuyển dụng phải sau ngày sinh."),
        (
            2,
            "Trình độ đào tạo",
            "Chỉ nhận: sơ cấp, trung cấp, cao đẳng, đại học, trên đại học.",
        ),
        (
            2,
            "Làm công tác TĐKT từ ngày",
            "“32/01/2020” không phải ngày hợp lệ dạng dd/mm/yyyy.",
        ),
        (2, "Mã đơn vị", "Mã đơn vị “KHONG-CO” không có trong cơ quan này."),
    ]


def test_empty_template_rows_are_not_rows(org, tmp_path):
    path = tmp_path / "mau.xlsx"
    path.write_bytes(staff_template_bytes(org.skhdt))  # 2,000 formatted rows
    workbook = load_workbook(path)
    sheet = workbook["Danh sách"]
    for number, values in enumerate(good_rows(2), start=2):
        for column, value in enumerate(values, start=1):
            sheet.cell(row=number, column=column, value=value)
    for number in range(4, 40):  # numbered in advance, never filled
        sheet.cell(row=number, column=1, value=number - 1)
    sheet.cell(row=41, column=2, value="   ")  # a space typed into a name
    workbook.save(path)
    result = import_staff(path, agency=org.skhdt)
    assert (result.ok, result.rows, result.created) == (True, 2, 2)


def test_cells_typed_in_nfd_are_stored_in_nfc(org, tmp_path):
    import unicodedata

    def nfd(text):
        return unicodedata.normalize("NFD", text)

    number = cccd("nu")
    rows = [
        row(
            nfd("Lương Thị Mai"),
            number,
            gender=nfd("Nữ"),
            **{"Chức vụ": nfd("Phó Trưởng phòng"), "Dân tộc": nfd("Tày")},
        )
    ]
    assert import_staff(write_xlsx(tmp_path / "ds.xlsx", rows), agency=org.skhdt).ok
    person = Person.objects.get(cccd=number)
    assert (person.full_name, person.position, person.ethnicity) == (
        "Lương Thị Mai",
        "Phó Trưởng phòng",
        "Tày",
    )


def test_an_import_refreshes_the_planners_statistics(
    org, tmp_path, django_capture_on_commit_callbacks
):
    """Many new people at once: the planner learns it (common/planner.py), so the
    lists take the plan for the new size (test_person_plan.py)."""
    from django.db import connection

    def rows_known() -> int:
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute(
                    "SELECT stat FROM sqlite_stat1 WHERE tbl = 'organizations_person' "
                    "AND idx IS NOT NULL"
                )
                found = cursor.fetchone()
                return int(found[0].split()[0]) if found else 0
            cursor.execute(
                "SELECT reltuples FROM pg_class WHERE relname = 'organizations_person'"
            )
            return int(cursor.fetchone()[0])

    before = Person.objects.count()
    path = write_xlsx(tmp_path / "ds.xlsx", good_rows(30))
    with django_capture_on_commit_callbacks(execute=True):
        assert import_staff(path, agency=org.skhdt).created == 30
    assert rows_known() == before + 30
