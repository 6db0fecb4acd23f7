"""Excel exports of movement data (registrations, indicators); every value goes through
``common.excel`` (plain values, safe against formula injection)."""

from io import BytesIO

from thidua.common.excel import DATE_FORMAT, show_number
from thidua.common.excel import row as cells

from .models import Movement

__all__ = ["indicators_workbook", "registrations_workbook"]


def registrations_workbook(movement: Movement) -> bytes:
    """Consolidated registration list: one sheet of units, one of individuals."""
    from openpyxl import Workbook  # noqa: PLC0415 (heavy)
    from openpyxl.styles import Font  # noqa: PLC0415 (heavy: loaded when a workbook is written)

    bold = Font(bold=True)
    workbook = Workbook()
    units = workbook.active
    units.title = "Tập thể"
    units.append(cells([f"Đăng ký thi đua: {movement.name}"]))
    units["A1"].font = bold
    units.append(
        cells(
            [
                "STT",
                "Đơn vị",
                "Danh hiệu tập thể",
                "Số cá nhân đăng ký",
                "Trạng thái",
                "Giao ước, cam kết",
            ]
        )
    )
    people = workbook.create_sheet("Cá nhân")
    people.append(
        cells(
            [
                "STT",
                "Họ và tên",
                "Đơn vị",
                "Chức vụ",
                "Danh hiệu đăng ký",
                "Cam kết",
                "Trạng thái",
            ]
        )
    )
    for row in (units[2], people[1]):
        for cell in row:
            cell.font = bold
    registrations = movement.registrations.select_related("agency").prefetch_related(
        "entries__person"
    )
    person_index = 0
    for index, registration in enumerate(registrations, start=1):
        entries = list(registration.entries.all())
        units.append(
            cells(
                [
                    index,
                    registration.agency.name,
                    registration.get_collective_title_display(),
                    len(entries),
                    registration.get_state_display(),
                    registration.pledges,
                ]
            )
        )
        for entry in entries:
            person_index += 1
            people.append(
                cells(
                    [
                        person_index,
                        entry.person.full_name,
                        registration.agency.name,
                        entry.person.position,
                        entry.get_title_display(),
                        entry.pledge,
                        registration.get_state_display(),
                    ]
                )
            )
    for sheet, widths in (
        (units, [6, 40, 32, 12, 12, 60]),
        (people, [6, 28, 32, 22, 32, 40, 12]),
    ):
        for column, width in zip("ABCDEFG", widths, strict=False):
            sheet.column_dimensions[column].width = width
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def indicators_workbook(movement: Movement, rows: list[dict]) -> bytes:
    """The indicator board's data: one sheet of indicators with their status, one of
    every reported value (the series the charts draw)."""
    from openpyxl import Workbook  # noqa: PLC0415 (heavy)
    from openpyxl.styles import Font  # noqa: PLC0415 (heavy: loaded when a workbook is written)

    bold = Font(bold=True)
    workbook = Workbook()
    board = workbook.active
    board.title = "Chỉ tiêu"
    board.append(cells([f"Chỉ tiêu và tiến độ: {movement.name}"]))
    board.append(
        cells(
            [
                "Chỉ tiêu",
                "Đơn vị chủ trì",
                "Đơn vị tính",
                "Ban đầu",
                "Mục tiêu",
                "Thời hạn",
                "Số liệu gần nhất",
                "Tiến độ (%)",
                "Tình trạng",
            ]
        )
    )
    series = workbook.create_sheet("Số liệu")
    series.append(cells(["Chỉ tiêu", "Ngày báo cáo", "Giá trị", "Ghi chú"]))
    for row in (board[1], board[2], series[1]):
        for cell in row:
            cell.font = bold
    for row in rows:
        status = row["status"]
        indicator = status.indicator
        board.append(
            cells(
                [
                    indicator.name,
                    indicator.owner.display_name,
                    indicator.unit_of_measure,
                    float(indicator.baseline),
                    float(indicator.target),
                    indicator.due_on,
                    float(status.latest.value) if status.latest else None,
                    status.percent,
                    status.label,
                ]
            )
        )
        board.cell(board.max_row, 6).number_format = DATE_FORMAT
        for column in (4, 5, 7, 8):  # baseline, target, latest value, progress
            show_number(board.cell(board.max_row, column))
        for report in row["reports"]:
            series.append(
                cells(
                    [
                        indicator.name,
                        report.reported_on,
                        float(report.value),
                        report.note,
                    ]
                )
            )
            series.cell(series.max_row, 2).number_format = DATE_FORMAT
            show_number(series.cell(series.max_row, 3))
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
