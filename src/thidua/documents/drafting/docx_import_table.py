"""A Word table as a table NODE: merged cells as colspan/rowspan, the header rows,
relative column widths."""

from .docx_import_blocks import Cell, Table
from .docx_import_text import snippet

__all__ = ["table_node"]


def table_node(table: Table, unplaced: list[str]) -> dict:
    header_rows = table.header_rows or _bold_first_row(table)
    rows = [
        [
            _cell(cell, bold=number >= header_rows, unplaced=unplaced)
            for cell in row
            if not cell.covered
        ]
        for number, row in enumerate(table.rows)
    ]
    return {
        "type": "table",
        "header_rows": header_rows,
        "widths": _widths(table),
        "rows": rows,
    }


def _bold_first_row(table: Table) -> int:
    """A first row all in bold is a header row; with the cells it spans down over."""
    if not table.rows or len(table.rows) < 2:
        return 0
    first = [cell for cell in table.rows[0] if any(not p.blank for p in cell.paras)]
    if not first or not all(
        p.bold for cell in first for p in cell.paras if not p.blank
    ):
        return 0
    return min(len(table.rows) - 1, max(cell.rowspan for cell in table.rows[0]))


def _cell(cell: Cell, *, bold: bool, unplaced: list[str]) -> str | dict:
    paras = [p for p in cell.paras if not p.blank]
    text = "\n".join(p.plain for p in paras)
    for para in paras:
        for piece in para.pieces:
            if piece.note is not None:
                unplaced.append(
                    f'{para.where}: chú thích "{snippet(piece.note)}" trong bảng – '
                    "không đặt được"
                )
    extra: dict = {}
    if cell.colspan > 1:
        extra["colspan"] = cell.colspan
    if cell.rowspan > 1:
        extra["rowspan"] = cell.rowspan
    if bold and paras and all(p.bold for p in paras):
        extra["bold"] = True
    aligns = {p.align for p in paras}
    if aligns == {"center"}:
        extra["align"] = "center"
    elif aligns in ({"right"}, {"end"}):
        extra["align"] = "right"
    return {"text": text, **extra} if extra else text


def _widths(table: Table) -> list[int]:
    """Relative widths in percent of the grid (the table always fits the text)."""
    count = max(
        (sum(c.colspan for c in row) + row[0].col if row else 0 for row in table.rows),
        default=0,
    )
    widths = table.widths[:count] if len(table.widths) >= count else []
    if not widths or not all(widths):
        return [1] * count
    total = sum(widths)
    return [max(1, round(100 * w / total)) for w in widths]
