"""The content blocks of a document body: paragraphs, numbered items, Roman
sections, Điều, tables (NĐ 30/2020 Phụ lục I, II.6)."""

from collections.abc import Iterable
from dataclasses import dataclass

from ._text import nfc as _nfc
from ._text import set_frozen as _set
from .markup import Rich, plain_text, rich

__all__ = [
    "Article",
    "Block",
    "Item",
    "Paragraph",
    "Section",
    "Table",
    "block_problems",
]


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph; ``indent`` applies the first-line indent."""

    text: Rich
    indent: bool = True

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
    """A simple grid (e.g. a danh sách in an appendix): a bold header row and text rows."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...] = ()
    widths_cm: tuple[float, ...] | None = None

    def __post_init__(self) -> None:
        _set(self, "header", tuple(_nfc(h) for h in self.header))
        _set(self, "rows", tuple(tuple(_nfc(c) for c in row) for row in self.rows))
        if self.widths_cm is not None:
            _set(self, "widths_cm", tuple(float(w) for w in self.widths_cm))


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


Block = Paragraph | Item | Section | Article | Table


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
        elif isinstance(block, Table):
            widths = len(block.widths_cm) if block.widths_cm else len(block.header)
            if any(
                len(row) != len(block.header) for row in block.rows
            ) or widths != len(block.header):
                out.append("Bảng có số cột không khớp với dòng tiêu đề")
        else:
            out.append(f"Thành phần nội dung không được hỗ trợ: {type(block).__name__}")
    return out
