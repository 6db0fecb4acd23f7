"""The blank proposal list a unit fills in Excel (read back by
services/proposal_import.py): Vietnamese headers, the titles and the unit's sub-units
as pick lists, CCCD and dates kept as text, and a guide."""

from django.utils.translation import gettext as _

from thidua.common.excel import cell as plain
from thidua.common.excel import with_guide
from thidua.eligibility.catalog import NAMES
from thidua.organizations.models import Agency

from .services.proposal_import import COLUMNS

__all__ = ["proposal_template_bytes"]

_WIDTHS = {"stt": 6, "name": 28, "birth_date": 13, "cccd": 16, "unit": 30}
_ROWS = 1000


def proposal_template_bytes(unit: Agency) -> bytes:
    from openpyxl import Workbook  # noqa: PLC0415 (heavy)
    from openpyxl.styles import Alignment, Font, PatternFill  # noqa: PLC0415 (heavy)
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 (heavy)
    from openpyxl.worksheet.datavalidation import DataValidation  # noqa: PLC0415 (heavy)

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh sách đề nghị"
    bold = Font(name="Times New Roman", bold=True)
    letters = {}
    for index, (header, key, _required) in enumerate(COLUMNS, start=1):
        title = sheet.cell(row=1, column=index, value=plain(header))
        title.font = bold
        title.alignment = Alignment(wrap_text=True, horizontal="center")
        title.fill = PatternFill("solid", fgColor="DDEBF7")
        letters[key] = get_column_letter(index)
        sheet.column_dimensions[letters[key]].width = _WIDTHS.get(key, 40)
        if key in ("cccd", "birth_date"):
            for row in range(2, _ROWS + 2):
                sheet.cell(row=row, column=index).number_format = "@"
    sheet.freeze_panes = "A2"

    lists = workbook.create_sheet("Danh mục")
    units = [a.name for a in Agency.objects.descendants(unit, include_self=True)]
    for col, (title, values) in enumerate(
        (("Danh hiệu, hình thức", list(NAMES.values())), ("Đơn vị", units)), start=1
    ):
        lists.cell(row=1, column=col, value=plain(title)).font = bold
        for row, value in enumerate(values, start=2):
            lists.cell(row=row, column=col, value=plain(value))
        lists.column_dimensions[get_column_letter(col)].width = 50
        source = get_column_letter(col)
        validation = DataValidation(
            type="list",
            formula1=f"='Danh mục'!${source}$2:${source}${len(values) + 1}",
            allow_blank=True,
        )
        target = letters["code" if col == 1 else "unit"]
        validation.add(f"{target}2:{target}{_ROWS + 1}")
        sheet.add_data_validation(validation)

    lines = [
        _("Hướng dẫn lập danh sách đề nghị khen thưởng của %(u)s") % {"u": unit.name},
        _("Mỗi dòng một đề nghị; không sửa dòng tiêu đề; không dùng công thức."),
        _(
            "Cá nhân: ghi số CCCD (12 chữ số, dạng văn bản), hoặc họ và tên cùng ngày "
            "sinh dạng dd/mm/yyyy."
        ),
        _("Tập thể: để trống họ và tên, chọn tên đơn vị ở cột “Đơn vị”."),
        _("Danh hiệu, hình thức chọn trong danh sách (trang “Danh mục”)."),
        _(
            "Chỉ cần một dòng sai, không hồ sơ nào được lập; hãy sửa theo danh sách lỗi "
            "rồi tải lên lại."
        ),
    ]
    return with_guide(workbook, lines, bold=bold)
