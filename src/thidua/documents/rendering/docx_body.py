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
from .markup import Rich, Run
from .numbering import Counters
from .spec import (
    Article,
    Block,
    Item,
    Node,
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
    container,
    ctx: Ctx,
    *,
    indent: bool = True,
    keep_next: bool = False,
    align: str = "justify",
):
    layout = ctx.layout
    paragraph = container.add_paragraph()
    format_paragraph(
        paragraph,
        align=align,
        first_line_cm=layout.first_line_indent_cm if indent else 0,
        after_pt=layout.paragraph_spacing_pt,
        line=layout.line_spacing,
        keep_next=keep_next,
    )
    return paragraph


def add_blocks(
    container,
    blocks: Iterable[Block],
    ctx: Ctx,
    *,
    depth: int = 0,
    counters: Counters | None = None,
) -> None:
    size = ctx.layout.size("body")
    sections = items = 0
    counters = counters or Counters(articles=ctx.articles)
    for block in blocks:
        if isinstance(block, Node):
            _add_node(container, block, counters, ctx, size)
            continue
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
            paragraph = body_paragraph(
                container,
                ctx,
                indent=block.indent and block.align == "justify",
                align=block.align,
            )
            write_rich(paragraph, block.text, ctx, size)
        elif isinstance(block, Article):
            _add_article(container, block, ctx, size)
        elif isinstance(block, Table):
            add_table(container, block, ctx)
        else:  # pragma: no cover - Document.validate() refuses other blocks
            raise TypeError(type(block).__name__)


def _upper(runs: Rich) -> Rich:
    return tuple(Run(r.text.upper(), r.bold, r.italic, r.footnote) for r in runs)


def _add_node(container, node: Node, counters: Counters, ctx: Ctx, size: float) -> None:
    """One heading or list item and its children (docs/document-model.md)."""
    label, child_counters = counters.next(node.numbering, node.start)
    emphasis = node.title_emphasis
    bold = emphasis in ("bold", "bold_italic")
    italic = emphasis in ("italic", "bold_italic")
    layout = ctx.layout
    if node.numbering in ("part", "chapter"):
        # Phần/Chương: the label on its own centred line, the title under it in
        # upper case, both bold (Phụ lục I, II.6).
        for text in ((Run(label),), _upper(node.title)):
            paragraph = body_paragraph(
                container, ctx, indent=False, keep_next=True, align="center"
            )
            write_rich(paragraph, text, ctx, ctx.layout.size("heading"), bold=True)
        if node.text:
            write_rich(body_paragraph(container, ctx), node.text, ctx, size)
    else:
        title = _upper(node.title) if node.numbering == "roman" else node.title
        heading = bool(title) and node.numbering in ("roman", "arabic", "decimal")
        paragraph = body_paragraph(
            container, ctx, keep_next=bool(node.children) and not node.text
        )
        label_size = layout.size("heading") if heading else size
        if label:
            # The label takes the title's weight ("1. Tiêu đề" bold; "a) …" plain);
            # "Điều n." is always bold.
            add_text(
                paragraph,
                label + " ",
                layout,
                label_size,
                bold=(bold and bool(title)) or node.numbering == "article",
            )
        if title:
            write_rich(paragraph, title, ctx, label_size, bold=bold, italic=italic)
            if node.text:
                add_text(paragraph, " ", layout, size)
        write_rich(paragraph, node.text, ctx, size)
    add_blocks(container, node.children, ctx, counters=child_counters)


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
    ctx.articles[0] += 1
    label = f"Điều {ctx.articles[0]}."
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


def _cell_template(table, tc, layout, size: float, *, bold: bool, align: str):
    """A detached ``w:p`` formatted as a table cell's paragraph, with one styled run."""
    scratch = copy.deepcopy(tc)
    paragraph = cell_paragraph(_Cell(scratch, table), 0)
    format_paragraph(paragraph, align=align, before_pt=2, after_pt=2)
    add_text(paragraph, "", layout, size, bold=bold)
    return paragraph._p


def table_widths_cm(block: Table, text_width_cm: float) -> tuple[float, ...]:
    """Column widths inside the text width: equal when none are given, scaled to the
    text width when ``fit`` (proportions) or when wider than it."""
    columns = len(block.header)
    widths = block.widths_cm or tuple(text_width_cm / columns for _ in block.header)
    total = sum(widths)
    if total > 0 and (block.fit or total > text_width_cm):
        widths = tuple(w * text_width_cm / total for w in widths)
    return widths


def _available_width_cm(container, ctx: Ctx) -> float:
    """The text width of the page the table lands on (a landscape appendix or report
    page is wider than the layout's portrait text width)."""
    sections = getattr(container, "sections", None)
    if sections:
        section = sections[-1]
        return (
            section.page_width - section.left_margin - section.right_margin
        ) / 360000
    return ctx.layout.text_width_cm


def add_table(container, block: Table, ctx: Ctx) -> None:
    layout = ctx.layout
    size = layout.size("table")
    widths = table_widths_cm(block, _available_width_cm(container, ctx))
    grid = block.grid
    table = container.add_table(rows=len(grid), cols=len(block.header))
    set_table_grid(table, widths, borders=True, cell_margin_cm=0.1)
    trs = table._tbl.tr_lst
    for tr in trs[: block.header_rows]:
        # Repeat the header rows on each page.
        tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    # Cells straight from the rows: python-docx's table.cell() rebuilds the whole cell
    # grid on every call, which made a 500-row appendix take over a minute. Each cell
    # gets a copy of one formatted paragraph (header or body, per alignment):
    # formatting every cell through python-docx took ~1 ms a cell, 6 s for a
    # province's statistical report.
    templates: dict[tuple[bool, str], object] = {}
    pristine = copy.deepcopy(trs[0].tc_lst[0])  # before any cell is filled

    def template(bold: bool, align: str):
        key = (bold, align)
        if key not in templates:
            templates[key] = _cell_template(
                table, pristine, layout, size, bold=bold, align=align
            )
        return templates[key]

    covered = block.covered()
    for row_index, values in enumerate(grid):
        header = row_index < block.header_rows
        for col, (tc, value) in enumerate(
            zip(trs[row_index].tc_lst, values, strict=False)
        ):
            if (row_index, col) in covered:
                continue  # left empty: the merge below keeps the top-left cell's text
            if header:
                align = "center"
            else:
                align = block.aligns[col] if block.aligns else "left"
            bold = header or (row_index, col) in block.bold_cells
            paragraph = copy.deepcopy(template(bold, align))
            paragraph.r_lst[0].text = value
            tc.replace(tc.p_lst[0], paragraph)
    for row, col, rowspan, colspan in block.merges:
        if rowspan == colspan == 1:
            continue
        table.cell(row, col).merge(table.cell(row + rowspan - 1, col + colspan - 1))
    # A table is followed by a paragraph, as Word and LibreOffice require between
    # two tables or at the end of a cell.
    spacer = container.add_paragraph()
    format_paragraph(spacer, after_pt=0, exact_pt=layout.paragraph_spacing_pt)
