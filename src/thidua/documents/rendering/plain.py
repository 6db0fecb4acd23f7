"""Writers for documents that are not numbered outgoing documents — the achievement report
of a dossier, the award history (lý lịch khen thưởng): same page, fonts and sizes as the
NĐ 30 renderer, without issuer block, Số/ký hiệu or Nơi nhận."""

import datetime

import docx
from docx.table import _Cell

from .docx import blank_document, package_bytes
from .docx_body import body_paragraph, write_rich
from .docx_xml import (
    Ctx,
    add_rule,
    add_text,
    cant_split,
    cell_paragraph,
    format_paragraph,
    set_table_grid,
)
from .layout import Layout
from .markup import parse
from .metrics import text_width_pt

__all__ = [
    "BLANK",
    "centred",
    "finish",
    "heading",
    "labelled_line",
    "national_heading",
    "new_document",
    "rule",
    "signature_row",
    "text_block",
]

BLANK = "……"


def new_document(layout: Layout | None = None) -> tuple[docx.document.Document, Ctx]:
    """An empty A4 document set up like the official ones, page numbers from page 2."""
    return blank_document(layout or Layout())


def centred(document, text, ctx, size, *, bold=False, italic=False, before=0, after=0):
    paragraph = document.add_paragraph()
    format_paragraph(
        paragraph, align="center", before_pt=before, after_pt=after, keep_next=True
    )
    add_text(paragraph, text, ctx.layout, size, bold=bold, italic=italic)
    return paragraph


def rule(document, length_pt: float, ctx: Ctx, *, after: float = 0) -> None:
    add_rule(
        document.add_paragraph(),
        ctx.layout,
        length_pt=length_pt,
        available_pt=ctx.text_width_pt,
        after_pt=after,
    )


def national_heading(document, ctx: Ctx) -> None:
    """Quốc hiệu and Tiêu ngữ, centred, with the rule as long as the motto (Phụ lục I, II.2)."""
    layout = ctx.layout
    centred(document, layout.quoc_hieu, ctx, layout.size("quoc_hieu"), bold=True)
    centred(document, layout.tieu_ngu, ctx, layout.size("tieu_ngu"), bold=True)
    rule(
        document,
        text_width_pt(layout.tieu_ngu, layout.size("tieu_ngu"), bold=True),
        ctx,
    )


def heading(document, text: str, ctx: Ctx) -> None:
    paragraph = body_paragraph(document, ctx, keep_next=True)
    add_text(paragraph, text, ctx.layout, ctx.layout.size("heading"), bold=True)


def labelled_line(document, label: str, value: str, ctx: Ctx) -> None:
    paragraph = body_paragraph(document, ctx)
    size = ctx.layout.size("body")
    add_text(paragraph, f"{label} ", ctx.layout, size)
    write_rich(paragraph, parse(value or BLANK), ctx, size)


def text_block(document, value: str, ctx: Ctx) -> None:
    """Paragraphs of a long field (one per line), in the light markup."""
    lines = [line for line in (value or "").splitlines() if line.strip()]
    for line in lines or [BLANK]:
        write_rich(
            body_paragraph(document, ctx), parse(line), ctx, ctx.layout.size("body")
        )


def _signer_cell(cell, lines: tuple[str, ...], name: str, ctx: Ctx) -> None:
    layout = ctx.layout
    for index, (text, italic) in enumerate(
        [(lines[0], False)] + [(line, True) for line in lines[1:]]
    ):
        paragraph = cell_paragraph(cell, index)
        format_paragraph(
            paragraph, align="center", before_pt=6 if index == 0 else 0, keep_next=True
        )
        add_text(
            paragraph,
            text,
            layout,
            layout.size("quyen_han_chuc_vu"),
            bold=not italic,
            italic=italic,
        )
    paragraph = cell.add_paragraph()
    format_paragraph(paragraph, align="center", before_pt=layout.signature_space_pt)
    add_text(paragraph, name, layout, layout.size("ho_ten"), bold=True)


def signature_row(document, ctx: Ctx, left: tuple, right: tuple) -> None:
    """Two signature blocks side by side: each ``(lines, name)``, first line bold."""
    table = document.add_table(rows=1, cols=2)
    set_table_grid(table, (8.0, 8.0))
    cant_split(table.rows[0])
    tcs = table._tbl.tr_lst[0].tc_lst
    _signer_cell(_Cell(tcs[0], table), left[0], left[1], ctx)
    _signer_cell(_Cell(tcs[1], table), right[0], right[1], ctx)


def finish(
    document,
    ctx: Ctx,
    *,
    title: str,
    subject: str,
    author: str,
    revision: int = 1,
    stamp: datetime.datetime | None = None,
) -> bytes:
    """Footnotes in, fixed core properties (same input, same bytes), the package."""
    tail = document.add_paragraph()
    format_paragraph(tail, exact_pt=1)
    ctx.footnotes.attach(document)
    core = document.core_properties
    core.title, core.subject = title, subject
    core.author = core.last_modified_by = author
    core.comments = core.keywords = ""
    core.language = ctx.layout.language
    core.revision = max(revision, 1)
    stamp = stamp or datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    core.created = core.modified = core.last_printed = stamp
    return package_bytes(document)
