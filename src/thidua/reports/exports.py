"""The statistical report as Excel (one sheet per form) and as DOCX → PDF (one landscape
page per form), both laid out like the official statistical forms: form code, circular
and receipt date top left, title in the middle, reporting and receiving unit top right,
the "Người lập biểu / Thủ trưởng đơn vị" footer."""

from io import BytesIO

from thidua.common.excel import cell, show_number
from thidua.common.money import amount_figures
from thidua.common.report_sources import report_source

from .selectors import FormFigures, Report

__all__ = [
    "DATA_FIRST_ROW",
    "HEADER_ROW",
    "cell_text",
    "excel_value",
    "report_docx",
    "report_workbook",
    "row_label",
    "sheet_title",
]

HEADER_ROW = 10  # "Chỉ tiêu | Mã số | columns…"; row 11 numbers them A, B, 1, 2, …
DATA_FIRST_ROW = 12
NOT_RECORDED_MARK = "x"  # GSO convention for a cell that has no meaning / no source


def period_text(report: Report, form) -> str:
    """The period under the form's title, worded by the form's source."""
    return report_source(form.source).period_text(report.start, report.end)


def receiver_name(report: Report) -> str:
    parent = report.agency.parent
    return parent.name if parent is not None else "……"


def row_label(line) -> str:
    """The label as printed in the DOCX: indented with no-break spaces (Excel cells
    hold the bare label and an indent in their alignment)."""
    return "\u00a0" * 4 * line.indent + line.label


def cell_text(value: int | None, *, heading: bool = False) -> str:
    if heading:
        return ""
    return NOT_RECORDED_MARK if value is None else amount_figures(value)


def excel_value(value: int | None, *, heading: bool = False):
    """What a figure's cell holds in the workbook: the count, "x" when not recorded,
    empty on a heading line."""
    if heading:
        return None
    return NOT_RECORDED_MARK if value is None else value


def sheet_title(figures: FormFigures) -> str:
    return figures.form.code.split("/")[0]


def _header_lines(report: Report, figures: FormFigures) -> tuple[list, list, list]:
    form = figures.form
    left = [f"Biểu số {form.code}", f"Ban hành kèm theo {form.circular}"]
    if form.receipt:
        left.append(f"Ngày nhận báo cáo: {form.receipt}")
    centre = [form.title.upper(), period_text(report, form)]
    right = [
        f"Đơn vị báo cáo: {report.agency.name}",
        f"Đơn vị nhận báo cáo: {receiver_name(report)}",
        f"Đơn vị tính: {form.unit}",
    ]
    return left, centre, right


# -- Excel --------------------------------------------------------------------------------


def _write_sheet(sheet, report: Report, index: int) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side  # noqa: PLC0415 (heavy)

    figures = report.figures[index]
    form = figures.form
    bold = Font(bold=True)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    left, centre, right = _header_lines(report, figures)
    for offset, text in enumerate(left, start=1):
        sheet.cell(offset, 1, cell(text)).font = bold if offset == 1 else Font()
    for offset, text in enumerate(centre, start=4):
        sheet.cell(offset, 1, cell(text)).font = bold
    for offset, text in enumerate(right, start=6):
        sheet.cell(offset, 1, cell(text))
    header = ["Chỉ tiêu", "Mã số", *(c.label for c in form.columns)]
    numbers = ["A", "B", *(str(i) for i in range(1, len(form.columns) + 1))]
    for col, (text, number) in enumerate(zip(header, numbers, strict=True), start=1):
        top = sheet.cell(HEADER_ROW, col, cell(text))
        top.font, top.border = bold, box
        top.alignment = Alignment(
            wrap_text=True, horizontal="center", vertical="center"
        )
        below = sheet.cell(HEADER_ROW + 1, col, cell(number))
        below.font, below.border = bold, box
        below.alignment = Alignment(horizontal="center")
    row = DATA_FIRST_ROW
    for line, values in zip(form.rows, figures.cells, strict=True):
        shown = [excel_value(v, heading=line.heading) for v in values]
        _boxed_row(
            sheet,
            row,
            [line.label, line.code, *shown],
            box,
            bold=line.code == "01" or line.heading,
        )
        sheet.cell(row, 1).alignment = Alignment(indent=2 * line.indent, wrap_text=True)
        row += 1
    row += 1
    sheet.cell(row, 1, cell("Chia theo đơn vị cấp dưới (dòng Tổng số)")).font = bold
    row += 1
    _boxed_row(
        sheet, row, ["Đơn vị", "", *(c.label for c in form.columns)], box, bold=True
    )
    for part, values in report.part_rows(index):
        row += 1
        name = part.agency.name + (" (tại cơ quan)" if part.own else "")
        shown = [excel_value(v) for v in values]
        _boxed_row(sheet, row, [cell(name), "", *shown], box, bold=False)
    row += 2
    right = len(header)  # the head signs under the last column
    sheet.cell(row, 1, "Người lập biểu").font = bold
    sheet.cell(row, right, "Thủ trưởng đơn vị").font = bold
    sheet.cell(row + 1, 1, "(Ký, họ tên)")
    sheet.cell(row + 1, right, "(Ký, họ tên, đóng dấu)")
    sheet.column_dimensions["A"].width = 60
    sheet.column_dimensions["B"].width = 8
    for col in range(3, len(header) + 1):
        sheet.column_dimensions[sheet.cell(1, col).column_letter].width = 16
    sheet.row_dimensions[HEADER_ROW].height = 60


def _boxed_row(sheet, row: int, values: list, box, *, bold: bool) -> None:
    from openpyxl.styles import Font  # noqa: PLC0415 (heavy: loaded when a workbook is written)

    for col, value in enumerate(values, start=1):
        target = sheet.cell(row, col, cell(value))
        target.border = box
        show_number(target)  # a count stays a number, shown 1.234 in Vietnamese Excel
        if bold:
            target.font = Font(bold=True)


def report_workbook(report: Report) -> bytes:
    from openpyxl import Workbook  # noqa: PLC0415 (heavy)

    workbook = Workbook()
    workbook.remove(workbook.active)
    for index, figures in enumerate(report.figures):
        _write_sheet(workbook.create_sheet(sheet_title(figures)), report, index)
    workbook.properties.creator = "thidua"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# -- DOCX (→ PDF) -------------------------------------------------------------------------

LANDSCAPE_TEXT_CM = 29.7 - 3.0 - 2.0  # A4 landscape, left 30 mm, right 20 mm


def _form_heading(document, ctx, report: Report, figures: FormFigures) -> None:
    from thidua.documents.rendering.api import (  # noqa: PLC0415 (heavy: python-docx, loaded when a DOCX is written)
        add_text,
        cell_paragraph,
        format_paragraph,
        keep_rows,
        row_cells,
        set_table_grid,
    )

    layout = ctx.layout
    size = layout.size("table")
    table = document.add_table(rows=1, cols=3)
    set_table_grid(table, (7.5, 9.7, 7.5))
    for box, lines, align in zip(
        row_cells(table),
        _header_lines(report, figures),
        ("left", "center", "left"),
        strict=True,
    ):
        for index, text in enumerate(lines):
            paragraph = cell_paragraph(box, index)
            format_paragraph(paragraph, align=align, after_pt=2)
            add_text(
                paragraph,
                text,
                layout,
                size + (1 if align == "center" else 0),
                bold=index == 0,
                italic=align == "center" and index > 0,
            )
    keep_rows(table, [True])  # the form's title stays above its table
    spacer = document.add_paragraph()
    format_paragraph(spacer, exact_pt=6, keep_next=True)


def _form_page(document, ctx, report: Report, index: int) -> None:
    from thidua.documents.rendering.api import (  # noqa: PLC0415 (heavy: python-docx, loaded when a DOCX is written)
        Table,
        add_table,
        add_text,
        end_row,
        format_paragraph,
        heading,
        keep_rows,
        signature_row,
    )

    figures = report.figures[index]
    form = figures.form
    _form_heading(document, ctx, report, figures)
    n = len(form.columns)
    value_cm = min(2.6, (LANDSCAPE_TEXT_CM - 9.0 - 1.3) / n)
    label_cm = LANDSCAPE_TEXT_CM - 1.3 - value_cm * n
    header = ("Chỉ tiêu", "Mã số", *(c.label for c in form.columns))
    numbers = ("A", "B", *(str(i) for i in range(1, n + 1)))
    rows = [numbers] + [
        (
            row_label(line),
            line.code,
            *(cell_text(v, heading=line.heading) for v in values),
        )
        for line, values in zip(form.rows, figures.cells, strict=True)
    ]
    widths = (label_cm, 1.3, *([value_cm] * n))
    add_table(document, Table(header, tuple(rows), widths_cm=widths), ctx)
    broken = len(report.parts) > 1  # the breakdown by unit, not the table, ends it
    keep_rows(document.tables[-1], _section_keeps(form.rows, last=not broken))
    if broken:
        heading(document, "Chia theo đơn vị cấp dưới (dòng Tổng số)", ctx)
        part_rows = tuple(
            (
                part.agency.name + (" (tại cơ quan)" if part.own else ""),
                "",
                *(cell_text(v) for v in values),
            )
            for part, values in report.part_rows(index)
        )
        add_table(
            document,
            Table(("Đơn vị", "", *header[2:]), part_rows, widths_cm=widths),
            ctx,
        )
        # In one piece with the date and the signatures when it fits on a page (it
        # is split where it must when it does not, its header row repeated).
        keep_rows(document.tables[-1], [True] * (len(part_rows) + 1))
    # The date and the signatures close the last table, in a row of their own: they
    # are never left alone on a page.
    closing = end_row(document.tables[-1])
    place = report.agency.place_name or "……"
    line = closing.paragraphs[0]
    format_paragraph(line, align="right", before_pt=6, keep_next=True)
    add_text(
        line,
        f"{place}, ngày … tháng … năm …",
        ctx.layout,
        ctx.layout.size("table"),
        italic=True,
    )
    signature_row(
        closing,
        ctx,
        (("Người lập biểu", "(Ký, họ tên)"), ""),
        (("Thủ trưởng đơn vị", "(Ký, họ tên, đóng dấu)"), ""),
    )


# A run of rows kept whole fits on a landscape page with the form's heading or the
# breakdown's header; a longer one is kept only at its ends (a heading with its first
# two lines, the last three lines together): asked to keep more than a page together,
# LibreOffice pushes it to the next page and leaves the title alone above it.
MAX_KEPT_ROWS = 12


def _run_keeps(length: int, *, last: bool) -> list[bool]:
    """For a run of ``length`` rows: which stay with the next row; the last one stays
    with what follows the run when ``last``."""
    whole = length <= MAX_KEPT_ROWS
    keeps = [whole or i < 2 or i >= length - 3 for i in range(length - 1)]
    return [*keeps, last]


def _section_keeps(lines, *, last: bool) -> list[bool]:
    """Which rows of a form's table stay with the next one: the header and the column
    numbers with the first line, each section (a line of the first level and the
    lines under it: "1. Chia theo …", "Cấp Nhà nước" and its awards) in one piece
    when it fits, so that a page breaks between sections; the last line with the date
    and the signatures when ``last``."""
    keeps = [True, True]  # the header row, the row numbering the columns
    starts = sorted({0} | {i for i, line in enumerate(lines) if line.indent == 0})
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        keeps += _run_keeps(end - start, last=last and end == len(lines))
    return keeps


def report_docx(report: Report) -> bytes:
    from thidua.documents.rendering.api import (  # noqa: PLC0415 (heavy: python-docx, loaded when a DOCX is written)
        finish,
        landscape,
        new_document,
        page_break,
    )

    document, ctx = new_document()
    landscape(document)
    for index in range(len(report.figures)):
        if index:
            page_break(document)
        _form_page(document, ctx, report, index)
    name = report.agency.name
    return finish(
        document,
        ctx,
        title=f"Báo cáo thống kê TĐKT – {name}",
        subject=name,
        author=name,
    )
