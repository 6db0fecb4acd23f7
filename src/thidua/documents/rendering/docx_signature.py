"""Nơi nhận (ô 9b) and the signer (ô 7a–7c), side by side in a borderless table.

"Nơi nhận:" (12 pt, bold italic) sits flush left, level with the first line of the
signer's authority and title (upper case, bold, centred); the list under it is 11 pt,
one ``- …;`` per line, ending with ``- Lưu: VT, ….``. The name (bold) comes after a
blank space for the signature and seal. A Biên bản (Mẫu 1.9) has two signers, the
secretary on the left and the chair on the right, with Nơi nhận under the secretary.
"""

from .docx_xml import (
    Ctx,
    add_text,
    cant_split,
    cell_paragraph,
    format_paragraph,
    set_table_grid,
)
from .metrics import text_width_pt
from .spec import Document, Signer

__all__ = ["add_signature_block"]


def _recipients(cell, spec: Document, ctx: Ctx, start: int) -> None:
    layout = ctx.layout
    label = cell_paragraph(cell, start)
    format_paragraph(label, align="left", before_pt=6, line=1.0)
    add_text(
        label,
        "Nơi nhận:",
        layout,
        layout.size("noi_nhan_label"),
        bold=True,
        italic=True,
    )
    size = layout.size("noi_nhan_item")
    dash = text_width_pt("- ", size) * 2.54 / 72
    for line in spec.recipient_lines:
        paragraph = cell.add_paragraph()
        # A long recipient wraps under its text, not under the dash.
        format_paragraph(
            paragraph, align="left", left_cm=dash, first_line_cm=-dash, line=1.0
        )
        add_text(paragraph, line, layout, size)


def _signer(cell, signer: Signer, ctx: Ctx, *, pad_lines: int = 0) -> None:
    """``pad_lines``: title lines the other signer has more, so both names stand on
    one line (TM. + KT. + title beside a two-line block)."""
    layout = ctx.layout
    for index, line in enumerate(signer.title_lines):
        paragraph = cell_paragraph(cell, index)
        format_paragraph(
            paragraph,
            align="center",
            before_pt=6 if index == 0 else 0,
            line=1.0,
            keep_next=True,
        )
        add_text(paragraph, line, layout, layout.size("quyen_han_chuc_vu"), bold=True)
    name = cell.add_paragraph()
    line_pt = layout.size("quyen_han_chuc_vu") * 1.15
    format_paragraph(
        name,
        align="center",
        before_pt=layout.signature_space_pt + pad_lines * line_pt,
        line=1.0,
    )
    add_text(name, signer.name, layout, layout.size("ho_ten"), bold=True)


def add_signature_block(document, spec: Document, ctx: Ctx) -> None:
    layout = ctx.layout
    if spec.co_signer is None:
        table = document.add_table(rows=1, cols=2)
        set_table_grid(table, layout.signature_columns_cm)
        cant_split(table.rows[0])
        _recipients(table.cell(0, 0), spec, ctx, 0)
        _signer(table.cell(0, 1), spec.signer, ctx)
        return
    table = document.add_table(rows=2, cols=3)
    set_table_grid(table, layout.bien_ban_columns_cm)
    cant_split(table.rows[0])
    left, right = len(spec.co_signer.title_lines), len(spec.signer.title_lines)
    _signer(table.cell(0, 0), spec.co_signer, ctx, pad_lines=max(right - left, 0))
    _signer(table.cell(0, 2), spec.signer, ctx, pad_lines=max(left - right, 0))
    first = table.cell(1, 0).paragraphs[0]
    format_paragraph(first, align="left", before_pt=12, exact_pt=1)
    _recipients(table.cell(1, 0), spec, ctx, 1)
