"""Low-level WordprocessingML helpers on top of python-docx.

python-docx covers runs, paragraphs and sections; the decree also needs paragraph
borders (the short rules), fixed table grids (``w:gridCol``, without which LibreOffice
equalises the columns), borderless tables, fields and per-script fonts. Elements are
inserted in schema order so that Word accepts the file as well as LibreOffice.
"""

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .layout import Layout

__all__ = [
    "ALIGN",
    "Ctx",
    "add_field",
    "add_rule",
    "add_text",
    "cant_split",
    "cell_paragraph",
    "end_row",
    "keep_rows",
    "format_paragraph",
    "mark_size",
    "set_fonts",
    "set_table_grid",
    "style_run",
]

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}

# Children of w:pPr that come after w:pBdr (ECMA-376 CT_PPrBase order).
_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
# Children of w:tblPr after w:tblInd, w:tblBorders and w:tblCellMar respectively.
_AFTER_TBLIND = ("w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")
_AFTER_TBLBORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")
_AFTER_TBLCELLMAR = ("w:tblLook", "w:tblCaption", "w:tblDescription")


def set_fonts(rpr, font: str) -> None:
    """Sets the font for every script slot (ascii, hAnsi, eastAsia, cs) and drops the
    theme fonts, so no part of Vietnamese text can fall back to another face."""
    fonts = rpr.get_or_add_rFonts()
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), font)


def style_run(
    run,
    layout: Layout,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    superscript: bool = False,
) -> None:
    font = run.font
    font.bold = bold
    font.italic = italic
    font.size = Pt(size)
    if superscript:
        font.superscript = True
    rpr = run._r.get_or_add_rPr()
    set_fonts(rpr, layout.font_name)
    # Complex-script bold/italic/size too: LibreOffice and Word read them for some
    # combining marks.
    for tag, on in (("w:bCs", bold), ("w:iCs", italic)):
        existing = rpr.find(qn(tag))
        if on and existing is None:
            element = OxmlElement(tag)
            plain = rpr.find(qn(tag.replace("Cs", "")))
            plain.addnext(element)
    size_cs = rpr.find(qn("w:szCs"))
    if size_cs is None:
        size_cs = OxmlElement("w:szCs")
        rpr.find(qn("w:sz")).addnext(size_cs)
    size_cs.set(qn("w:val"), str(int(round(size * 2))))


def add_text(paragraph, text: str, layout: Layout, size: float, **fmt: bool):
    run = paragraph.add_run(text)
    style_run(run, layout, size, **fmt)
    return run


def format_paragraph(
    paragraph,
    *,
    align: str = "left",
    first_line_cm: float | None = None,
    left_cm: float | None = None,
    right_cm: float | None = None,
    before_pt: float = 0,
    after_pt: float = 0,
    line: float = 1.0,
    exact_pt: float | None = None,
    keep_next: bool = False,
    keep_lines: bool = False,
) -> None:
    fmt = paragraph.paragraph_format
    fmt.alignment = ALIGN[align]
    if first_line_cm is not None:
        fmt.first_line_indent = Cm(first_line_cm)
    if left_cm is not None:
        fmt.left_indent = Cm(left_cm)
    if right_cm is not None:
        fmt.right_indent = Cm(right_cm)
    fmt.space_before = Pt(before_pt)
    fmt.space_after = Pt(after_pt)
    if exact_pt is not None:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(exact_pt)
    else:
        fmt.line_spacing = line
    fmt.keep_with_next = keep_next
    fmt.keep_together = keep_lines
    fmt.widow_control = True


def mark_size(paragraph, layout: Layout, size: float) -> None:
    """Font and size of the paragraph mark (the height of an empty paragraph)."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        sect = ppr.find(qn("w:sectPr"))
        if sect is not None:
            sect.addprevious(rpr)
        else:
            ppr.append(rpr)
    fonts = OxmlElement("w:rFonts")
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), layout.font_name)
    rpr.append(fonts)
    for tag in ("w:sz", "w:szCs"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(int(round(size * 2))))
        rpr.append(element)


def add_rule(
    paragraph,
    layout: Layout,
    *,
    length_pt: float,
    available_pt: float,
    before_pt: float = 1,
    after_pt: float = 0,
) -> None:
    """Turns an empty paragraph into a solid horizontal rule of ``length_pt`` centred in
    ``available_pt``: a top border on a 1 pt high paragraph whose left and right
    indents leave exactly that length. LibreOffice and Word draw the border between
    the indents, so the rule has the computed length."""
    length_pt = min(length_pt, available_pt)
    side_cm = max((available_pt - length_pt) / 2, 0) * 2.54 / 72
    format_paragraph(
        paragraph,
        align="center",
        first_line_cm=0,
        left_cm=side_cm,
        right_cm=side_cm,
        before_pt=before_pt,
        after_pt=after_pt,
        exact_pt=1,
    )
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    top.set(qn("w:val"), "single")
    top.set(qn("w:sz"), str(max(2, int(round(layout.rule_weight_pt * 8)))))
    top.set(qn("w:space"), "0")
    top.set(qn("w:color"), "000000")
    borders.append(top)
    ppr.insert_element_before(borders, *_AFTER_PBDR)
    mark_size(paragraph, layout, 1)


def add_field(
    paragraph, instruction: str, placeholder: str, layout: Layout, size: float
):
    """A complex field (``PAGE``, …) with a cached ``placeholder`` result."""

    def run_with(child):
        run = paragraph.add_run()
        style_run(run, layout, size)
        run._r.append(child)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    add_text(paragraph, placeholder, layout, size)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def set_table_grid(
    table,
    widths_cm: tuple[float, ...],
    *,
    indent_cm: float = 0,
    borders: bool = False,
    cell_margin_cm: float = 0,
) -> None:
    """Fixed layout with explicit ``w:gridCol`` and cell widths, a left indent, and
    either no borders at all or single lines everywhere."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    rows = table._tbl.tr_lst
    plain = all(len(tr.tc_lst) == len(widths_cm) for tr in rows)
    grid = table._tbl.tblGrid.gridCol_lst
    for i, width in enumerate(widths_cm):
        grid[i].w = Cm(width)
        if plain:  # no merged cells: straight down the rows (column.cells is O(n²))
            for tr in rows:
                tr.tc_lst[i].width = Cm(width)
        else:
            for cell in table.columns[i].cells:
                cell.width = Cm(width)
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.insert_element_before(
            tbl_w, "w:jc", "w:tblCellSpacing", "w:tblInd", *_AFTER_TBLIND
        )
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(sum(Cm(w).twips for w in widths_cm)))

    ind = OxmlElement("w:tblInd")
    ind.set(qn("w:w"), str(Cm(indent_cm).twips))
    ind.set(qn("w:type"), "dxa")
    tbl_pr.insert_element_before(ind, *_AFTER_TBLIND)

    edges = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        if borders:
            element.set(qn("w:val"), "single")
            element.set(qn("w:sz"), "4")
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "000000")
        else:
            element.set(qn("w:val"), "nil")
        edges.append(element)
    tbl_pr.insert_element_before(edges, *_AFTER_TBLBORDERS)

    margins = OxmlElement("w:tblCellMar")
    for edge in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{edge}")
        vertical = edge in ("top", "bottom")
        element.set(
            qn("w:w"), str(0 if vertical and not borders else Cm(cell_margin_cm).twips)
        )
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tbl_pr.insert_element_before(margins, *_AFTER_TBLCELLMAR)


def cant_split(row) -> None:
    """Keeps a table row on one page (the signature block must not break)."""
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:cantSplit")
    tr_pr.insert(0, element)


def keep_rows(table, with_next) -> None:
    """No row of ``table`` split across two pages, and each row flagged in
    ``with_next`` (one flag per row) kept on the page of the row — or the paragraph —
    that follows it: Word and LibreOffice move such a run of rows to the next page
    whole when it fits there, and break it where they must when it does not."""
    for tr, keep in zip(table._tbl.tr_lst, with_next, strict=True):
        tr_pr = tr.get_or_add_trPr()
        if tr_pr.find(qn("w:cantSplit")) is None:
            tr_pr.insert(0, OxmlElement("w:cantSplit"))
        if keep:
            for paragraph in tr.iter(qn("w:p")):
                paragraph.get_or_add_pPr().keepNext_val = True


def end_row(table):
    """A last row of ``table`` as one cell with no border but the line above it, which
    cannot split: what closes a form (its date and signatures) placed there stays on
    the page of the rows kept with it (``keep_rows``) — LibreOffice keeps rows with the
    next row, not a table with the paragraph after it. The cell is returned, its first
    paragraph empty."""
    from docx.table import _Cell  # noqa: PLC0415 (python-docx's cell of a w:tc)

    row = table.add_row()
    cells = row._tr.tc_lst
    cell = _Cell(cells[0], table)
    if len(cells) > 1:
        cell = cell.merge(_Cell(cells[-1], table))
    edges = OxmlElement("w:tcBorders")
    for edge in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single" if edge == "top" else "nil")
        if edge == "top":
            element.set(qn("w:sz"), "4")
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "000000")
        edges.append(element)
    cell._tc.get_or_add_tcPr().append(edges)
    row._tr.get_or_add_trPr().insert(0, OxmlElement("w:cantSplit"))
    return cell


def cell_paragraph(cell, index: int):
    """The cell's first paragraph for ``index == 0`` (every cell starts with one),
    a new paragraph otherwise."""
    return cell.paragraphs[0] if index == 0 else cell.add_paragraph()


class Ctx:
    """What the block writers share while one document is built."""

    def __init__(self, document, layout: Layout, footnotes):
        self.document = document
        self.layout = layout
        self.footnotes = footnotes
        # The last Điều's number, through the document (Article blocks and the
        # section tree's Node counters share it).
        self.articles = [0]

    @property
    def text_width_pt(self) -> float:
        return self.layout.text_width_cm * 72 / 2.54
