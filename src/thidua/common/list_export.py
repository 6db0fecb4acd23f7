"""Every list page's "Xuất Excel" (issue #17, point 2): the page's own rows — its
permission, its scope and its filters, since the view builds them as for the page —
written as one XLSX sheet with Vietnamese headers, dates as dates and numbers as
numbers (common.excel), and streamed.

A list view answers ``?xuat=xlsx`` with :func:`xlsx_response` over the rows it would
show; its template links to it with ``{% export_link %}`` (templatetags/thidua.py)
or ``export_url``. The rows are read once (callers select_related / prefetch what the
columns read, so the export costs the page's own number of queries)."""

import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.http import FileResponse

from .downloads import set_download_name
from .excel import row as cells

__all__ = [
    "EXPORT_PARAM",
    "Column",
    "ListExportMixin",
    "export_url",
    "wants_export",
    "xlsx_response",
]

EXPORT_PARAM = "xuat"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Written to memory up to this size, then to a temporary file (a long register).
_SPOOL = 4 * 1024 * 1024


@dataclass(frozen=True)
class Column:
    """A column: its Vietnamese header, the value of a row, and the number format a
    date or an amount shows in (Excel's own codes; the reader's locale shows the
    separators)."""

    header: str
    value: Callable
    number_format: str = ""


DATE = "dd/mm/yyyy"
MONEY = "#,##0"


def wants_export(request) -> bool:
    return request.GET.get(EXPORT_PARAM) == "xlsx"


def export_url(request) -> str:
    """The page's address with its filters, asking for the workbook."""
    query = request.GET.copy()
    query[EXPORT_PARAM] = "xlsx"
    return f"{request.path}?{query.urlencode()}"


def _write(title: str, columns: list[Column], rows: Iterable, out) -> None:
    from openpyxl import Workbook  # noqa: PLC0415 (heavy: loaded when a workbook is written)
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415 (heavy, as above)
    from openpyxl.styles import Font  # noqa: PLC0415 (heavy, as above)

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31] or "Danh sách")
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=cells([column.header])[0])
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for item in rows:
        line = []
        for column, value in zip(
            columns, cells(c.value(item) for c in columns), strict=True
        ):
            cell = WriteOnlyCell(sheet, value=value)
            if column.number_format and value is not None:
                cell.number_format = column.number_format
            line.append(cell)
        sheet.append(line)
    workbook.save(out)


def xlsx_response(filename: str, title: str, columns: list[Column], rows: Iterable):
    """The rows as a streamed XLSX download named ``filename``."""
    out = tempfile.SpooledTemporaryFile(max_size=_SPOOL)  # noqa: SIM115 (closed by the response)
    _write(title, columns, rows, out)
    out.seek(0)
    response = FileResponse(out, content_type=XLSX)
    return set_download_name(response, filename)


class ListExportMixin:
    """A list page (a TemplateView) whose ``?xuat=xlsx`` is its list as a workbook:
    the same ``get_context_data`` — so the same permission, scope and filters —
    then ``export_rows(context)``: every row the filters keep, not one page of them."""

    export_name = "danh-sach.xlsx"
    export_title = "Danh sách"
    export_columns: list[Column] = []

    def export_rows(self, context) -> Iterable:
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        if wants_export(request):
            context = self.get_context_data(**kwargs)
            return xlsx_response(
                self.export_name,
                self.export_title,
                self.export_columns,
                self.export_rows(context),
            )
        return super().get(request, *args, **kwargs)
