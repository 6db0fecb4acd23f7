"""The public API for the files thidua generates that are not numbered outgoing
documents: achievement reports, award histories (lý lịch khen thưởng), statistical
reports, certificates. Same page, fonts and sizes as the NĐ 30 renderer.

Outside ``thidua.documents`` import rendering only from here and from the package
itself (``thidua.documents.rendering``: the spec, layout and PDF conversion); the other
modules are private (``tests/documents/test_rendering_api.py``). Importing this module
loads python-docx: import it where a file is written, not at the top of a page module
that may never write one.

    document, ctx = new_document()
    national_heading(document, ctx)
    heading(document, "I. THÔNG TIN CHUNG", ctx)
    add_table(document, Table(("Năm", "Hình thức"), rows), ctx)
    docx_bytes = finish(document, ctx, title=…, subject=…, author=…)
    pdf_bytes = docx_to_pdf(docx_bytes)
"""

from docx.enum.section import WD_ORIENT
from docx.table import _Cell

from . import Table, docx_to_pdf
from .docx import package_bytes
from .docx_body import add_table, body_paragraph
from .docx_xml import (
    Ctx,
    add_text,
    cell_paragraph,
    end_row,
    format_paragraph,
    keep_rows,
    set_table_grid,
)
from .metrics import text_width_pt
from .plain import (
    BLANK,
    centred,
    finish,
    heading,
    labelled_line,
    national_heading,
    new_document,
    rule,
    signature_row,
    text_block,
)

__all__ = [
    "BLANK",
    "Ctx",
    "Table",
    "add_table",
    "add_text",
    "body_paragraph",
    "cell_paragraph",
    "centred",
    "docx_to_pdf",
    "end_row",
    "finish",
    "format_paragraph",
    "heading",
    "keep_rows",
    "labelled_line",
    "landscape",
    "national_heading",
    "new_document",
    "package_bytes",
    "page_break",
    "row_cells",
    "rule",
    "set_table_grid",
    "signature_row",
    "text_block",
    "text_width_pt",
]


def landscape(document) -> None:
    """Turn the first section landscape (the page's width and height swapped)."""
    section = document.sections[0]
    width, height = section.page_width, section.page_height
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = height, width


def page_break(document) -> None:
    """A page break in a paragraph one point high: after a table that fills its page,
    the empty line of Word's usual break would fall onto a blank page of its own."""
    from docx.enum.text import WD_BREAK  # noqa: PLC0415 (beside its one use)

    paragraph = document.add_paragraph()
    format_paragraph(paragraph, exact_pt=1)
    paragraph.add_run().add_break(WD_BREAK.PAGE)


def row_cells(table, index: int = 0) -> list:
    """The cells of a table's row, one per ``<w:tc>`` (a merged cell once)."""
    return [_Cell(tc, table) for tc in table._tbl.tr_lst[index].tc_lst]
