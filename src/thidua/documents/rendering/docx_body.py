"""The content (ô 6): paragraphs, Roman sections, numbered items, Điều, tables.

Phụ lục I, II.6: body text justified, first line indented 1 or 1.27 cm, at least 6 pt
between paragraphs, line spacing from single to 1.5 lines; report-style headings
``I. TIÊU ĐỀ`` in upper case and bold; khoản ``1.``; điểm ``a)`` in Vietnamese
alphabet order; ``Điều 1.`` bold.
"""

import copy
from collections.abc import Iterable

from docx.oxml import OxmlElement
from docx.table import _Cell

from .docx_xml import Ctx, add_text, cell_paragraph, format_paragraph, set_table_grid
from .markup import Run
from .spec import (
    Article,
    Block,
    Item,
    Paragraph,
    Section,
    Table,
    roman,
    vietnamese_letter,
)

__all__ = ["add_blocks", "body_paragraph", "write_rich"]


def write_rich(
    paragraph,
    runs: Iterable[Run],
    ctx: Ctx,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
) -> None:
    """Appends ``runs`` to ``paragraph``; footnote runs become real footnotes."""
    for run in runs:
        if run.text:
            add_text(
                paragraph,
                run.text,
                ctx.layout,
                size,
                bold=bold or run.bold,
                italic=italic or run.italic,
            )
        if run.footnote:
            ctx.footnotes.reference(paragraph, run.footnote, size)


def body_paragraph(
    container, ctx: Ctx, *, indent: bool = True, keep_next: bool = False
):
    layout = ctx.layout
    paragraph = container.add_paragraph()
    format_paragraph(
        paragraph,
        align="justify",
        first_line_cm=layout.first_line_indent_cm if indent else 0,
        after_pt=layout.paragraph_spacing_pt,
        line=layout.line_spacing,
        keep_next=keep_next,
    )
    return paragraph


def add_blocks(container, blocks: Iterable[Block], ctx: Ctx, *, depth: int = 0) -> None:
    size = ctx.layout.size("body")
    sections = items = 0
    for block in blocks:
        if isinstance(block, Section):
            sections += 1
            paragraph = body_paragraph(container, ctx, keep_next=True)
            if depth == 0:
                label = f"{roman(sections)}. {block.title.upper()}"
            else:
                label = f"{sections}. {block.title}"
            add_text(
                paragraph, label, ctx.layout, ctx.layout.size("heading"), bold=True
            )
            add_blocks(container, block.blocks, ctx, depth=depth + 1)
        elif isinstance(block, Item):
            items += 1
            _add_item(container, block, items, ctx, size)
        elif isinstance(block, Paragraph):
            paragraph = body_paragraph(container, ctx, indent=block.indent)
            write_rich(paragraph, block.text, ctx, size)
        elif isinstance(block, Article):
            _add_article(container, block, ctx, size)
        elif isinstance(block, Table):
            add_table(container, block, ctx)
        else:  # pragma: no cover - Document.validate() refuses other blocks
            raise TypeError(type(block).__name__)


def _add_item(container, item: Item, number: int, ctx: Ctx, size: float) -> None:
    paragraph = body_paragraph(container, ctx, keep_next=bool(item.title and item.text))
    if item.title:
        add_text(paragraph, f"{number}. {item.title}", ctx.layout, size, bold=True)
        if item.text:
            paragraph = body_paragraph(container, ctx)
            write_rich(paragraph, item.text, ctx, size)
    else:
        add_text(paragraph, f"{number}. ", ctx.layout, size)
        write_rich(paragraph, item.text, ctx, size)
    for index, point in enumerate(item.points):
        paragraph = body_paragraph(container, ctx)
        add_text(paragraph, f"{vietnamese_letter(index)}) ", ctx.layout, size)
        write_rich(paragraph, point, ctx, size)


def _add_article(container, article: Article, ctx: Ctx, size: float) -> None:
    ctx.articles += 1
    label = f"Điều {ctx.articles}."
    blocks = list(article.blocks)
    if article.title:
        paragraph = body_paragraph(container, ctx, keep_next=bool(blocks))
        add_text(paragraph, f"{label} {article.title}", ctx.layout, size, bold=True)
    else:
        first = blocks.pop(0)
        paragraph = body_paragraph(container, ctx)
        add_text(paragraph, f"{label} ", ctx.layout, size, bold=True)
        write_rich(paragraph, first.text, ctx, size)
    add_blocks(container, blocks, ctx, depth=1)


def _cell_template(table, tc, layout, size: float, *, header: bool):
    """A detached ``w:p`` formatted as a table cell's paragraph, with one styled run."""
    scratch = copy.deepcopy(tc)
    paragraph = cell_paragraph(_Cell(scratch, table), 0)
    format_paragraph(
        paragraph, align="center" if header else "left", before_pt=2, after_pt=2
    )
    add_text(paragraph, "", layout, size, bold=header)
    return paragraph._p


def add_table(container, block: Table, ctx: Ctx) -> None:
    layout = ctx.layout
    size = layout.size("table")
    columns = len(block.header)
    widths = block.widths_cm or tuple(
        layout.text_width_cm / columns for _ in block.header
    )
    table = container.add_table(rows=1 + len(block.rows), cols=columns)
    set_table_grid(table, widths, borders=True, cell_margin_cm=0.1)
    header_row = table.rows[0]
    tr_pr = header_row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))  # repeat the header row on each page
    # Cells straight from the rows: python-docx's table.cell() rebuilds the whole cell
    # grid on every call, which made a 500-row appendix take over a minute. Each cell
    # gets a copy of one formatted paragraph (header or body): formatting every cell
    # through python-docx took ~1 ms a cell, 6 s for a province's statistical report.
    trs = table._tbl.tr_lst
    header_p = _cell_template(table, trs[0].tc_lst[0], layout, size, header=True)
    body_p = _cell_template(table, trs[0].tc_lst[0], layout, size, header=False)
    for row_index, values in enumerate((block.header, *block.rows)):
        template = header_p if row_index == 0 else body_p
        for tc, value in zip(trs[row_index].tc_lst, values, strict=False):
            paragraph = copy.deepcopy(template)
            paragraph.r_lst[0].text = value
            tc.replace(tc.p_lst[0], paragraph)
    # A table is followed by a paragraph, as Word and LibreOffice require between
    # two tables or at the end of a cell.
    spacer = container.add_paragraph()
    format_paragraph(spacer, after_pt=0, exact_pt=layout.paragraph_spacing_pt)
