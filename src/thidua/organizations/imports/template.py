"""The blank staff template, with the agency's unit codes as a pick list."""

from django.utils.translation import gettext as _

from thidua.common.excel import cell as plain
from thidua.common.excel import with_guide

from ..enums import EducationLevel, Gender, PersonCategory
from ..ethnicities import ETHNICITIES
from ..models import Agency
from .staff import COLUMNS, DATE_COLUMNS

__all__ = ["staff_template_bytes"]


def staff_template_bytes(agency: Agency | None = None) -> bytes:
    """An .xlsx with the header row, text-formatted CCCD column, pick lists and a guide."""
    from openpyxl import Workbook  # noqa: PLC0415 (heavy)
    from openpyxl.styles import Alignment, Font, PatternFill  # noqa: PLC0415 (heavy: loaded when a workbook is written)
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 (heavy: loaded when a workbook is written)
    from openpyxl.worksheet.datavalidation import DataValidation  # noqa: PLC0415 (heavy: loaded when a workbook is written)

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh sách"
    bold = Font(name="Times New Roman", bold=True)
    for index, column in enumerate(COLUMNS, start=1):
        header = sheet.cell(row=1, column=index, value=plain(column.header))
        header.font = bold
        header.alignment = Alignment(
            wrap_text=True, vertical="center", horizontal="center"
        )
        header.fill = PatternFill("solid", fgColor="DDEBF7")
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        if column.key in ("cccd", *DATE_COLUMNS, "unit_code"):
            for row in range(2, 2002):
                sheet.cell(row=row, column=index).number_format = "@"
    sheet.freeze_panes = "A2"

    lists = workbook.create_sheet("Danh mục")
    units = (
        list(Agency.objects.descendants(agency, include_self=True)) if agency else []
    )
    catalogues = {
        "Giới tính": [str(label) for _v, label in Gender.choices],
        "Đối tượng": [str(label) for _v, label in PersonCategory.choices],
        "Dân tộc": list(ETHNICITIES),
        "Trực tiếp lao động, công tác": ["Có", "Không"],
        "Mã đơn vị": [u.code for u in units],
        "Tên đơn vị": [u.name for u in units],
        "Trình độ đào tạo": [str(label) for _v, label in EducationLevel.choices],
    }
    for col, (title, values) in enumerate(catalogues.items(), start=1):
        lists.cell(row=1, column=col, value=plain(title)).font = bold
        for row, value in enumerate(values, start=2):
            lists.cell(row=row, column=col, value=plain(value))
        lists.column_dimensions[get_column_letter(col)].width = 30 if col == 6 else 18
    for key, col in (
        ("gender", 1),
        ("category", 2),
        ("ethnicity", 3),
        ("is_direct_worker", 4),
        ("education_level", 7),
    ):
        values = list(catalogues.values())[col - 1]
        target = next(i for i, c in enumerate(COLUMNS, start=1) if c.key == key)
        letter, source = get_column_letter(target), get_column_letter(col)
        validation = DataValidation(
            type="list", formula1=f"='Danh mục'!${source}$2:${source}${len(values) + 1}"
        )
        validation.add(f"{letter}2:{letter}5000")
        sheet.add_data_validation(validation)

    lines = [
        _("Hướng dẫn nhập danh sách cán bộ, công chức, viên chức, người lao động"),
        _("Mỗi dòng một người; không sửa dòng tiêu đề; không dùng công thức."),
        _("Ngày ghi dạng dd/mm/yyyy, ví dụ 05/09/1985."),
        _("Số CCCD gồm 12 chữ số, nhập dạng văn bản để giữ số 0 ở đầu."),
        _("Mã đơn vị lấy ở trang “Danh mục”."),
        _(
            "“Làm công tác TĐKT từ ngày” chỉ ghi với công chức làm công tác thi đua, "
            "khen thưởng (biểu thống kê 0605.N/BNV-TĐKT)."
        ),
        _("Nhập lại cùng tệp sẽ cập nhật theo số CCCD, không tạo trùng."),
        _(
            "Chỉ cần một dòng sai, toàn bộ tệp không được ghi; hãy sửa theo danh sách lỗi."
        ),
    ]
    return with_guide(workbook, lines, bold=bold)
