"""The top of page 1 (ô 1–5a, 9a) and the page numbers.

- Header: a borderless two-row table. Row 1 holds the parent body (upper case, not
  bold) and the issuing body (upper case, bold) over a rule of 1/3–1/2 of the name
  line on the left; Quốc hiệu and Tiêu ngữ (bold) over a rule as long as the Tiêu ngữ
  on the right. Row 2 holds ``Số: …`` on the left and the italic place and date on the
  right, so both stay on one line even when a long name wraps (nd30 §4.1).
- Tên loại and trích yếu centred in bold, a short rule under them (a công văn has
  no tên loại: its "V/v" trích yếu sits under Số, ô 5b); then Kính gửi
  (ô 9a), the authority line and căn cứ of a Quyết định, and its ``QUYẾT ĐỊNH:``.
- Page numbers: centred in the top margin from page 2 (different first page).
"""

from docx.shared import Mm

from .docx_body import body_paragraph, write_rich
from .docx_xml import (
    Ctx,
    add_field,
    add_rule,
    add_text,
    cell_paragraph,
    format_paragraph,
    set_table_grid,
)
from .layout import STYLE_SIZES
from .metrics import line_widths_pt, name_lines, text_width_pt
from .spec import Document

__all__ = ["add_heading_block", "add_page_numbers"]

_PT_PER_CM = 72 / 2.54
_CO_ISSUED_EXTRA_CM = 0.5


def _centred(cell_or_doc, index: int, ctx: Ctx, *, before: float = 0, after: float = 0):
    paragraph = cell_paragraph(cell_or_doc, index)
    format_paragraph(
        paragraph, align="center", before_pt=before, after_pt=after, line=1.0
    )
    return paragraph


def _lines(cell, ctx: Ctx, lines: list[tuple[str, str, bool]]) -> None:
    """Centred lines of (text, style id, bold) at the top of ``cell``."""
    for index, (text, style, bold) in enumerate(lines):
        paragraph = _centred(cell, index, ctx)
        add_text(paragraph, text, ctx.layout, ctx.layout.size(style), bold=bold)


def _issuer_cell(cell, issuer, ctx: Ctx, width_cm: float, *, small: bool) -> None:
    """Parent body (upper case, not bold) over the issuing body (upper case, bold),
    each line where the officer broke it, and the short rule under the name.
    ``small``: co-issued names side by side take the decree's smallest size (12)."""
    layout = ctx.layout

    def size(style: str) -> float:
        return STYLE_SIZES[style][0] if small else layout.size(style)

    # Cell width less the cell's own margins (0.19 cm each side in Word's default).
    room = (width_cm - 0.38) * _PT_PER_CM
    lines = [(line, "co_quan_chu_quan", False) for line in issuer.parent_lines] + [
        (line, "co_quan_ban_hanh", True) for line in issuer.name_lines
    ]
    name_line = 0.0
    for index, (line, style, bold) in enumerate(lines):
        # A line the officer broke is a paragraph of its own; where a line is too
        # long for the cell, it breaks (a soft line break) where name_lines says.
        paragraph = _centred(cell, index, ctx)
        pieces = name_lines(line.upper(), size(style), room, bold=bold)
        for number, piece in enumerate(pieces):
            run = add_text(paragraph, piece, layout, size(style), bold=bold)
            if number < len(pieces) - 1:
                run.add_break()
            if bold:
                name_line = max(name_line, text_width_pt(piece, size(style), bold=True))
    add_rule(
        cell.add_paragraph(),
        layout,
        length_pt=name_line * layout.rule_ratio,
        available_pt=width_cm * _PT_PER_CM,
        before_pt=3,
    )


def _header_columns_cm(spec: Document, layout) -> tuple[float, ...]:
    """One column per issuer and the Quốc hiệu's. Co-issuers share the left part;
    the Quốc hiệu keeps what its line needs, so the names get the rest."""
    left_cm, right_cm = layout.header_columns_cm
    if not spec.co_issuers:
        return (left_cm, right_cm)
    quoc_hieu_cm = (
        text_width_pt(layout.quoc_hieu.upper(), layout.size("quoc_hieu"), bold=True)
        / _PT_PER_CM
        + 0.4
    )
    issuers = 1 + len(spec.co_issuers)
    # Side by side the names need more room: the table reaches 0.5 cm further into
    # each margin (_CO_ISSUED_EXTRA_CM), as the samples' header tables already do.
    total = left_cm + right_cm + 2 * _CO_ISSUED_EXTRA_CM
    each = (total - quoc_hieu_cm) / issuers
    return (*([each] * issuers), quoc_hieu_cm)


def _header_table(document, spec: Document, ctx: Ctx) -> None:
    layout = ctx.layout
    columns = _header_columns_cm(spec, layout)
    table = document.add_table(rows=2, cols=len(columns))
    indent = layout.header_indent_cm - (_CO_ISSUED_EXTRA_CM if spec.co_issuers else 0)
    set_table_grid(table, columns, indent_cm=indent)
    for index, issuer in enumerate((spec.issuer, *spec.co_issuers)):
        _issuer_cell(
            table.cell(0, index),
            issuer,
            ctx,
            columns[index],
            small=bool(spec.co_issuers),
        )
    right_cm = columns[-1]
    if len(columns) > 2:
        # Số and the V/v line sit under all the issuers.
        table.cell(1, 0).merge(table.cell(1, len(columns) - 2))

    right = table.cell(0, len(columns) - 1)
    _lines(
        right,
        ctx,
        [
            (layout.quoc_hieu.upper(), "quoc_hieu", True),
            (layout.tieu_ngu, "tieu_ngu", True),
        ],
    )
    add_rule(
        right.add_paragraph(),
        layout,
        length_pt=text_width_pt(layout.tieu_ngu, layout.size("tieu_ngu"), bold=True),
        available_pt=right_cm * _PT_PER_CM,
        before_pt=3,
    )

    number = _centred(table.cell(1, 0), 0, ctx, before=6)
    add_text(number, spec.number_line, layout, layout.size("so_ky_hieu"))
    if spec.is_cong_van:
        # Ô 5b: "V/v …" centred under Số, 6 pt below it, not bold.
        summary = _centred(table.cell(1, 0), 1, ctx, before=6)
        add_text(
            summary,
            "V/v " + " ".join(spec.trich_yeu.split()),
            layout,
            layout.size("trich_yeu_cong_van"),
        )
    place = _centred(table.cell(1, len(columns) - 1), 0, ctx, before=6)
    if spec.show_date_in_header:
        add_text(
            place, spec.date_text, layout, layout.size("dia_danh_ngay"), italic=True
        )


def _title_block(document, spec: Document, ctx: Ctx) -> None:
    layout = ctx.layout
    title = document.add_paragraph()
    format_paragraph(
        title, align="center", before_pt=layout.title_space_before_pt, keep_next=True
    )
    add_text(title, spec.type_title.upper(), layout, layout.size("ten_loai"), bold=True)
    # A line break the officer typed in the trích yếu is where its line breaks.
    lines = spec.trich_yeu.split("\n")
    for line in lines:
        summary = document.add_paragraph()
        format_paragraph(summary, align="center", keep_next=True)
        add_text(summary, line.strip(), layout, layout.size("trich_yeu"), bold=True)
    longest = max(
        width
        for line in lines
        for width in line_widths_pt(
            line.strip(), layout.size("trich_yeu"), ctx.text_width_pt, bold=True
        )
    )
    rule = document.add_paragraph()
    add_rule(
        rule,
        layout,
        length_pt=longest * layout.rule_ratio,
        available_pt=ctx.text_width_pt,
        before_pt=3,
        after_pt=12,
    )


def _kinh_gui(document, spec: Document, ctx: Ctx) -> None:
    """Ô 9a, under the title block: ``Kính gửi: X.`` on one line, or a list whose
    dashes align under the colon, the block centred on the page."""
    layout = ctx.layout
    before = layout.title_space_before_pt if spec.is_cong_van else 0
    size = layout.size("kinh_gui")
    lines = spec.kinh_gui_lines
    label = "Kính gửi: "
    label_pt = text_width_pt(label, size)
    widest = max(text_width_pt(line, size) for line in lines)
    block = min(label_pt + widest, ctx.text_width_pt)
    start_pt = max((ctx.text_width_pt - block) / 2, 0)
    for index, line in enumerate(lines):
        paragraph = document.add_paragraph()
        format_paragraph(
            paragraph,
            align="left",
            left_cm=(start_pt + label_pt) / _PT_PER_CM,
            first_line_cm=-label_pt / _PT_PER_CM if index == 0 else 0,
            before_pt=before if index == 0 else 0,
            after_pt=layout.paragraph_spacing_pt if index == len(lines) - 1 else 0,
            line=1.0,
        )
        if index == 0:
            add_text(paragraph, label, layout, size)
        add_text(paragraph, line, layout, size)


def add_heading_block(document, spec: Document, ctx: Ctx) -> None:
    layout = ctx.layout
    _header_table(document, spec, ctx)
    if not spec.is_cong_van:
        _title_block(document, spec, ctx)
    if spec.kinh_gui:
        _kinh_gui(document, spec, ctx)
    if spec.authority_line:
        paragraph = document.add_paragraph()
        format_paragraph(
            paragraph, align="center", before_pt=6, after_pt=6, keep_next=True
        )
        add_text(
            paragraph,
            spec.authority_line.upper(),
            layout,
            layout.size("tham_quyen"),
            bold=True,
        )
    for basis in spec.bases:
        paragraph = body_paragraph(document, ctx)
        write_rich(paragraph, basis, ctx, layout.size("can_cu"), italic=True)
    if spec.operative_word:
        paragraph = document.add_paragraph()
        format_paragraph(
            paragraph, align="center", before_pt=6, after_pt=6, keep_next=True
        )
        add_text(
            paragraph, spec.operative_word, layout, layout.size("tham_quyen"), bold=True
        )


def add_page_numbers(section, ctx: Ctx) -> None:
    """PAGE field centred in the header; an empty first-page header hides it on page 1
    (Phụ lục I, I.7)."""
    layout = ctx.layout
    section.header_distance = Mm(layout.header_distance_mm)
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    format_paragraph(paragraph, align="center", line=1.0)
    add_field(paragraph, "PAGE", "2", layout, layout.size("page_number"))
    first = section.first_page_header
    first.is_linked_to_previous = False
    format_paragraph(first.paragraphs[0], align="center", line=1.0)
