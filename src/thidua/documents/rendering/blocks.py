"""The content blocks of a document body: paragraphs, numbered items, Roman
sections, Điều, tables (NĐ 30/2020 Phụ lục I, II.6), and the general :class:`Node`
of a section tree of any depth (docs/document-model.md)."""

from collections.abc import Iterable
from dataclasses import dataclass

from ._text import nfc as _nfc
from ._text import set_frozen as _set
from .markup import Rich, plain_text, rich

__all__ = [
    "ALIGNMENTS",
    "EMPHASES",
    "NUMBERINGS",
    "Article",
    "Block",
    "Item",
    "Node",
    "Paragraph",
    "Section",
    "Table",
    "block_problems",
]

ALIGNMENTS = ("justify", "center", "left", "right")
EMPHASES = ("bold", "italic", "bold_italic", "plain")
# How a Node is labelled (nd30-and-forms.md §2.6) and its title's default emphasis.
NUMBERINGS: dict[str, str] = {
    "part": "bold",  # "Phần I" centred, the title under it in upper case
    "chapter": "bold",  # "Chương I", likewise
    "roman": "bold",  # "I. TIÊU ĐỀ"
    "arabic": "bold",  # "1. Tiêu đề"
    "decimal": "bold",  # "1.1. Tiêu đề" (the parent's number and its own)
    "letter": "italic",  # "a) tiêu đề" in Vietnamese alphabet order
    "letter_dot": "italic",  # "a. tiêu đề" (as many schools and offices type it)
    "upper_letter": "bold",  # "A. TIÊU ĐỀ" above Roman sections in some plans
    "arabic_paren": "plain",  # "1) …"
    "dash": "plain",  # "- …"
    "plus": "plain",  # "+ …"
    "star": "plain",  # "* …"
    "article": "bold",  # "Điều 1. Tiêu đề", numbered through the document
    "none": "bold",  # a lead-in without a label
}


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph; ``indent`` applies the first-line indent, ``align`` is one of
    :data:`ALIGNMENTS` (justified by default, as Phụ lục I wants the body)."""

    text: Rich
    indent: bool = True
    align: str = "justify"

    def __post_init__(self) -> None:
        _set(self, "text", rich(self.text))


@dataclass(frozen=True)
class Item:
    """A numbered item (khoản "1.", numbered automatically), optionally titled (the title
    line is bold), with optional points ("a)", "b)", …)."""

    text: Rich = ()
    title: str | None = None
    points: tuple[Rich, ...] = ()

    def __post_init__(self) -> None:
        _set(self, "text", rich(self.text))
        _set(self, "title", _nfc(self.title) or None)
        _set(self, "points", tuple(rich(p) for p in self.points))


@dataclass(frozen=True)
class Table:
    """A grid (e.g. a danh sách in an appendix, a scoring table): a bold header row,
    ``header_rows - 1`` more bold rows at the top of ``rows`` (all repeated on every
    page) and text rows.

    ``merges`` are ``(row, column, rowspan, colspan)`` over the whole grid (row 0 is
    ``header``); a covered cell's text is ignored. ``widths_cm`` are scaled down to
    the text width when wider; ``fit`` scales them to exactly the text width (widths
    given as proportions)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...] = ()
    widths_cm: tuple[float, ...] | None = None
    header_rows: int = 1
    merges: tuple[tuple[int, int, int, int], ...] = ()
    fit: bool = False
    bold_cells: frozenset[tuple[int, int]] = frozenset()
    aligns: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        _set(self, "header", tuple(_nfc(h) for h in self.header))
        _set(self, "rows", tuple(tuple(_nfc(c) for c in row) for row in self.rows))
        if self.widths_cm is not None:
            _set(self, "widths_cm", tuple(float(w) for w in self.widths_cm))
        _set(self, "merges", tuple(tuple(int(v) for v in m) for m in self.merges))
        _set(self, "bold_cells", frozenset(self.bold_cells))
        if self.aligns is not None:
            _set(self, "aligns", tuple(self.aligns))

    @property
    def grid(self) -> tuple[tuple[str, ...], ...]:
        return (self.header, *self.rows)

    def covered(self) -> set[tuple[int, int]]:
        """Cells hidden under a merge (not its top-left cell)."""
        out = set()
        for row, col, rowspan, colspan in self.merges:
            for r in range(row, row + rowspan):
                for c in range(col, col + colspan):
                    if (r, c) != (row, col):
                        out.add((r, c))
        return out

    def problems(self) -> list[str]:
        out = []
        widths = len(self.widths_cm) if self.widths_cm else len(self.header)
        if any(len(row) != len(self.header) for row in self.rows) or widths != len(
            self.header
        ):
            out.append("Bảng có số cột không khớp với dòng tiêu đề")
        if not 1 <= self.header_rows <= 1 + len(self.rows):
            out.append("Bảng có số dòng tiêu đề không hợp lệ")
        seen: set[tuple[int, int]] = set()
        for row, col, rowspan, colspan in self.merges:
            cells = {
                (r, c)
                for r in range(row, row + rowspan)
                for c in range(col, col + colspan)
            }
            if (
                rowspan < 1
                or colspan < 1
                or row < 0
                or col < 0
                or row + rowspan > 1 + len(self.rows)
                or col + colspan > len(self.header)
                or cells & seen
            ):
                out.append(
                    f"Bảng có ô gộp không hợp lệ ở dòng {row + 1}, cột {col + 1}"
                )
            seen |= cells
        if self.aligns is not None and (
            len(self.aligns) != len(self.header)
            or any(a not in ALIGNMENTS for a in self.aligns)
        ):
            out.append("Bảng có căn lề cột không hợp lệ")
        return out


@dataclass(frozen=True)
class Section:
    """A mục of a report-style text: ``"I. MỤC ĐÍCH"`` (Roman, numbered automatically;
    the title is set in upper case and bold)."""

    title: str
    blocks: tuple["Block", ...] = ()

    def __post_init__(self) -> None:
        _set(self, "title", _nfc(self.title))
        _set(self, "blocks", tuple(self.blocks))


@dataclass(frozen=True)
class Article:
    """An Điều (``"Điều 1. Tiêu đề"``, numbered automatically). Without a title the
    first paragraph runs on after the bold label, as in Mẫu 1.2."""

    blocks: tuple["Block", ...] = ()
    title: str | None = None

    def __post_init__(self) -> None:
        _set(self, "title", _nfc(self.title) or None)
        _set(self, "blocks", tuple(self.blocks))


@dataclass(frozen=True)
class Node:
    """A heading or list item of a section tree of any depth (docs/document-model.md):
    ``numbering`` is one of :data:`NUMBERINGS`; ``title`` is the lead-in (its
    emphasis from the numbering unless ``emphasis`` says otherwise), ``text``
    continues on the label's line and ``children`` follow as paragraphs of their own.
    Siblings of one numbering are counted from ``start`` (default 1)."""

    numbering: str
    title: Rich = ()
    text: Rich = ()
    children: tuple["Block", ...] = ()
    emphasis: str | None = None
    start: int | None = None

    def __post_init__(self) -> None:
        _set(self, "title", rich(self.title))
        _set(self, "text", rich(self.text))
        _set(self, "children", tuple(self.children))

    @property
    def title_emphasis(self) -> str:
        return self.emphasis or NUMBERINGS.get(self.numbering, "plain")


Block = Paragraph | Item | Section | Article | Table | Node


def block_problems(blocks: Iterable[Block]) -> list[str]:
    out = []
    for block in blocks:
        if isinstance(block, Section):
            if not block.title:
                out.append("Một mục chưa có tiêu đề")
            out.extend(block_problems(block.blocks))
        elif isinstance(block, Article):
            if not block.title and not (
                block.blocks and isinstance(block.blocks[0], Paragraph)
            ):
                out.append("Điều không có tiêu đề phải bắt đầu bằng một đoạn văn")
            out.extend(block_problems(block.blocks))
        elif isinstance(block, Item):
            if not block.text and not block.title:
                out.append("Một khoản chưa có nội dung")
        elif isinstance(block, Paragraph):
            if not plain_text(block.text).strip() and not any(
                r.footnote for r in block.text
            ):
                out.append("Có đoạn văn trống")
            if block.align not in ALIGNMENTS:
                out.append(f"Căn lề đoạn văn không hợp lệ: {block.align}")
        elif isinstance(block, Table):
            out.extend(block.problems())
        elif isinstance(block, Node):
            out.extend(_node_problems(block))
        else:
            out.append(f"Thành phần nội dung không được hỗ trợ: {type(block).__name__}")
    return out


def _node_problems(node: Node) -> list[str]:
    out = []
    if node.numbering not in NUMBERINGS:
        out.append(f"Kiểu đánh số không hợp lệ: {node.numbering}")
    if node.emphasis is not None and node.emphasis not in EMPHASES:
        out.append(f"Kiểu chữ tiêu đề không hợp lệ: {node.emphasis}")
    if node.start is not None and node.start < 1:
        out.append("Số bắt đầu phải từ 1")
    if node.numbering in ("part", "chapter") and not plain_text(node.title).strip():
        out.append("Phần, chương phải có tiêu đề")
    if not (plain_text(node.title).strip() or plain_text(node.text).strip()) and not (
        node.children
    ):
        out.append("Một mục chưa có nội dung")
    out.extend(block_problems(node.children))
    return out
