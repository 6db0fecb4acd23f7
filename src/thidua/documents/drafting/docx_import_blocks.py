"""A Word document's body read into a flat list of blocks: paragraphs and tables.

Text is read the way Word shows it: inserted revisions kept and deleted ones left out,
hyperlinks, content controls and fields' results included, field codes left out,
Word's automatic labels written in front, footnotes as ``[^…]`` pieces. A soft line
break starts another paragraph (typists break lines where they mean new ones). Text
boxes are read too: several side by side (a header typed in boxes) become a one-row
table, one alone is read as paragraphs. Pictures and embedded objects cannot be placed:
they are listed with where they were.
"""

from dataclasses import dataclass, field

from lxml import etree

from .docx_import_package import Package
from .docx_import_styles import Numbering, Styles, num_pr, on, q
from .docx_import_text import Para, Piece, clean, is_rule

__all__ = ["Cell", "Table", "read_blocks"]

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
V = "urn:schemas-microsoft-com:vml"

# Containers whose runs are shown as the paragraph's text.
_INLINE = {q(t) for t in ("hyperlink", "ins", "smartTag", "fldSimple", "customXml")}
_INLINE |= {q("moveTo"), q("sdt"), q("sdtContent"), q("dir"), q("bdo")}


@dataclass
class Cell:
    paras: list[Para]
    col: int  # grid column it starts at
    colspan: int = 1
    rowspan: int = 1
    covered: bool = False  # the continuation of a vertical merge


@dataclass
class Table:
    rows: list[list[Cell]]
    where: str
    widths: list[int] = field(default_factory=list)  # grid columns, twips
    header_rows: int = 0  # rows marked "repeat as header row"
    page_break: bool = False
    landscape: bool = False

    def columns(self) -> list[list[Para]]:
        """The paragraphs of each grid column, top to bottom (header and signature
        tables are read column by column, whatever their rows)."""
        found: dict[int, list[Para]] = {}
        for row in self.rows:
            for cell in row:
                if not cell.covered:
                    found.setdefault(cell.col, []).extend(cell.paras)
        return [found[col] for col in sorted(found)]

    def text(self) -> str:
        return " ".join(p.plain for column in self.columns() for p in column)


Block = Para | Table


class _Reader:
    def __init__(self, package: Package) -> None:
        self.wrapped = package.wrapped
        self.styles = Styles(package.styles)
        self.numbering = Numbering(package.numbering)
        self.notes: dict[str, str] = {}
        for root in (package.footnotes, package.endnotes):
            if root is not None:
                for note in root:
                    text = " ".join(
                        clean("".join(t.text or "" for t in p.iter(q("t"))))
                        for p in note.iter(q("p"))
                    )
                    if clean(text):
                        self.notes[note.get(q("id"), "")] = clean(text)
        self.paragraphs = 0
        self.tables = 0

    # Block level ------------------------------------------------------------------

    def blocks(self, container: etree._Element, where: str | None = None) -> list:
        out: list = []
        for child in container:
            if child.tag == q("p"):
                self.paragraphs += where is None
                here = where or f"Đoạn {self.paragraphs}"
                out.extend(self.paragraph(child, here))
            elif child.tag == q("tbl"):
                out.append(self.table(child, where))
            elif child.tag in (q("sdt"), q("sdtContent"), q("customXml")):
                out.extend(self.blocks(child, where))
        return out

    def table(self, element: etree._Element, where: str | None) -> Table:
        self.tables += where is None
        here = where or f"Bảng {self.tables}"
        widths = [
            _int(col.get(q("w")))
            for col in element.findall(f"{q('tblGrid')}/{q('gridCol')}")
        ]
        table = Table(rows=[], where=here, widths=widths)
        origins: dict[int, Cell] = {}  # grid column → the cell a vertical merge began
        for number, tr in enumerate(element.findall(q("tr")), start=1):
            trpr = tr.find(q("trPr"))
            repeated = trpr is not None and on(trpr.find(q("tblHeader")))
            if repeated and table.header_rows == number - 1:
                table.header_rows = number  # only leading rows repeat
            before = None if trpr is None else trpr.find(q("gridBefore"))
            col = 0 if before is None else _int(before.get(q("val")))
            row: list[Cell] = []
            for index, tc in enumerate(_cells(tr), start=1):
                tcpr = tc.find(q("tcPr"))
                span = tcpr.find(q("gridSpan")) if tcpr is not None else None
                merge = tcpr.find(q("vMerge")) if tcpr is not None else None
                cell_where = f"{here}, hàng {number}, ô {index}"
                cell = Cell(
                    paras=self.blocks_flat(tc, cell_where),
                    col=col,
                    colspan=max(1, _int(None if span is None else span.get(q("val")))),
                )
                if merge is not None and merge.get(q("val"), "continue") == "continue":
                    if col in origins:
                        cell.covered = True
                        origins[col].rowspan += 1
                        origins[col].paras.extend(p for p in cell.paras if not p.blank)
                else:
                    for spanned in range(col, col + cell.colspan):
                        origins.pop(spanned, None)
                    if merge is not None:
                        origins[col] = cell
                row.append(cell)
                col += cell.colspan
            table.rows.append(row)
        return table

    def blocks_flat(self, container: etree._Element, where: str) -> list[Para]:
        """A cell's paragraphs; a table nested in it is read as its paragraphs."""
        paras: list[Para] = []
        for block in self.blocks(container, where):
            if isinstance(block, Table):
                paras.extend(p for column in block.columns() for p in column)
            else:
                paras.append(block)
        return paras

    # Paragraph level --------------------------------------------------------------

    def paragraph(self, p: etree._Element, where: str) -> list:
        ppr = p.find(q("pPr"))
        style = None
        num = None
        align = ""
        indent = False
        page_break = False
        if ppr is not None:
            found = ppr.find(q("pStyle"))
            style = None if found is None else found.get(q("val"))
            found = ppr.find(q("numPr"))
            num = None if found is None else num_pr(found)
            found = ppr.find(q("jc"))
            align = "" if found is None else found.get(q("val"), "")
            found = ppr.find(q("ind"))
            if found is not None:
                first = found.get(q("firstLine")) or found.get(q("firstLineChars"))
                indent = _int(first) > 0
            page_break = bool(on(ppr.find(q("pageBreakBefore"))))
        if num is None:
            num = self.styles.get(style, "num")
        state = _State(
            self, style, Para([], where, align, indent, page_break), boxes=[]
        )
        if num is not None:
            label = self.numbering.label(*num)
            if label:
                state.paras[0].pieces.append(Piece(label + " "))
        state.walk(p)
        # The first paragraph stays even when blank: an empty line separates (the
        # trích yếu from the căn cứ); blank lines after a soft break do not.
        out: list = state.paras[:1] + [
            para
            for para in state.paras[1:]
            if not para.blank or para.images or para.page_break
        ]
        if len(state.boxes) > 1:
            # Text boxes side by side (a header typed in boxes): read as a table row.
            cells = [Cell(paras=box, col=i) for i, box in enumerate(state.boxes)]
            out.append(Table(rows=[cells], where=where, widths=[1] * len(cells)))
        elif state.boxes:
            out.extend(state.boxes[0])
        return out


class _State:
    """Reading one paragraph: the paragraphs it gives (one per soft line break)."""

    def __init__(self, reader: _Reader, style, first: Para, boxes: list) -> None:
        self.reader = reader
        self.style = style
        self.paras = [first]
        self.boxes = boxes
        self.page_break = False
        self.in_field_code = False

    def walk(self, element: etree._Element) -> None:
        for child in element:
            tag = child.tag
            if tag == q("r"):
                self.run(child)
            elif tag in _INLINE:
                self.walk(child)
            elif tag == f"{{{MC}}}AlternateContent":
                self.alternate(child)

    def alternate(self, element: etree._Element) -> None:
        # The Choice holds the modern form; the Fallback repeats it in VML.
        choice = element.find(f"{{{MC}}}Choice")
        self.walk(choice if choice is not None else element.find(f"{{{MC}}}Fallback"))

    def run(self, r: etree._Element) -> None:
        rpr = r.find(q("rPr"))
        char_style = None
        direct: dict[str, bool | None] = {"bold": None, "italic": None, "caps": None}
        if rpr is not None:
            found = rpr.find(q("rStyle"))
            char_style = None if found is None else found.get(q("val"))
            direct = {
                "bold": on(rpr.find(q("b"))),
                "italic": on(rpr.find(q("i"))),
                "caps": on(rpr.find(q("caps"))),
            }
        styles = self.reader.styles
        look = {}
        for key, value in direct.items():
            if value is None:
                value = styles.get(char_style, key)
            if value is None:
                value = styles.get(self.style, key)
            look[key] = bool(value)
        for child in r:
            tag = child.tag
            if tag == q("fldChar"):
                kind = child.get(q("fldCharType"))
                self.in_field_code = kind == "begin"
            elif self.in_field_code:
                continue
            elif tag == q("t"):
                text = child.text or ""
                self.add(text.upper() if look["caps"] else text, look)
            elif tag in (q("tab"), q("ptab")):
                self.add("\t", look)
            elif tag == q("noBreakHyphen"):
                self.add("-", look)
            elif tag in (q("br"), q("cr")):
                self.line_break(child.get(q("type"), "textWrapping"))
            elif tag in (q("footnoteReference"), q("endnoteReference")):
                note = self.reader.notes.get(child.get(q("id"), ""))
                if note:
                    self.paras[-1].pieces.append(Piece("", note=note))
            elif tag in (q("drawing"), q("pict"), q("object")):
                self.graphic(child)
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                for graphic in (choice if choice is not None else child).iter(
                    q("drawing"), q("pict"), q("object")
                ):
                    self.graphic(graphic)
                    break

    def add(self, text: str, look: dict[str, bool]) -> None:
        self.paras[-1].pieces.append(Piece(text, look["bold"], look["italic"]))

    def line_break(self, kind: str) -> None:
        last = self.paras[-1]
        fresh = Para([], last.where, last.align, last.indent)
        if kind == "page":
            fresh.page_break = True
        else:
            fresh.wrapped = self.reader.wrapped
        self.paras.append(fresh)

    def graphic(self, element: etree._Element) -> None:
        boxes = list(element.iter(q("txbxContent")))
        for box in boxes:
            self.boxes.append(self.reader.blocks_flat(box, self.paras[-1].where))
        if boxes:
            return
        if element.tag == q("object") or any(
            True for _ in element.iter(f"{{{CHART}}}chart")
        ):
            self.paras[-1].images.append("đối tượng nhúng")
        elif any(True for _ in element.iter(f"{{{PIC}}}pic", f"{{{V}}}imagedata")):
            self.paras[-1].images.append("hình ảnh")
        # Anything else is a drawn shape without text: the rules under names.


def _cells(row: etree._Element) -> list[etree._Element]:
    """A row's cells, those inside content controls too (not a nested table's)."""
    cells = []
    for child in row:
        if child.tag == q("tc"):
            cells.append(child)
        elif child.tag == q("customXml"):
            cells.extend(_cells(child))
        elif child.tag == q("sdt"):
            for content in child.iterfind(q("sdtContent")):
                cells.extend(_cells(content))
    return cells


def _int(value: str | None) -> int:
    try:
        return int(float(value or "0"))
    except ValueError:
        return 0


def read_blocks(package: Package) -> list:
    """The body's paragraphs and tables in order, each knowing where it was."""
    reader = _Reader(package)
    body = package.document.find(q("body"))
    blocks: list = []
    section: list = []
    for child in [] if body is None else body:
        read = reader.blocks([child])
        blocks.extend(read)
        section.extend(read)
        # A section ends with the paragraph holding its w:sectPr (the last one's is
        # the body's own): a landscape section is a wide appendix table's.
        sect = child.find(f"{q('pPr')}/{q('sectPr')}")
        if sect is not None:
            _orient(section, sect)
            section = []
            # A section break starts a new page unless it is "continuous".
            kind = sect.find(q("type"))
            if kind is None or kind.get(q("val")) != "continuous":
                blocks.append(Para([], "", page_break=True))
    _orient(section, None if body is None else body.find(q("sectPr")))
    pending = False
    for block in blocks:
        if isinstance(block, Para) and not block.blank and is_rule(block.plain):
            block.pieces = []  # a typed rule ("______") is a rule, not text
        # A page break alone on a line (or ending one) starts the next block's page.
        if isinstance(block, Para) and block.blank:
            pending = pending or block.page_break
        elif pending:
            block.page_break, pending = True, False
    return blocks


def _orient(blocks: list, sect: etree._Element | None) -> None:
    size = None if sect is None else sect.find(q("pgSz"))
    if size is not None and (
        size.get(q("orient")) == "landscape"
        or _int(size.get(q("w"))) > _int(size.get(q("h")))
    ):
        for block in blocks:
            block.landscape = True
