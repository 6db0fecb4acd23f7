"""The body as a tree of NODEs, from the labels typed at the start of paragraphs.

"Phần I", "Chương II", "I.", "1.", "1.1.", "a)", "-", "+", "Điều 1." open sections;
other paragraphs belong to the section before them. Nesting follows the labels, not
the indents: a label already open closes what is under it and becomes its sibling;
a major label (Phần … "1.") closes the minor and lower ones; a minor one ("a)", "-",
"+") not yet open goes under the section before it, whatever order the typist chose.
The label itself is dropped (the renderer numbers again); "start" keeps a numbering
that does not begin at 1.
"""

import re
from dataclasses import dataclass, field

from thidua.common.text import fold
from thidua.documents.rendering.formats import LETTERS, roman

from .docx_import_blocks import Table
from .docx_import_table import table_node
from .docx_import_text import (
    Para,
    clean,
    drop_prefix,
    is_upper,
    markup,
    split_lead,
    squeeze,
)
from .docx_import_words import is_closing

__all__ = ["Label", "read_body", "read_label", "read_nodes"]

_WORD_NUMBERS = {
    "nhat": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6,
    "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
}  # fmt: skip
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_PATTERNS = [
    (
        "part",
        re.compile(
            r"^(?:Phần|PHẦN)\s+(?P<n>[IVXLC]+|\d+|(?:thứ|THỨ)\s+\w+)(?![\w/])\s*[.:\-–]?\s*"
        ),
    ),
    (
        "chapter",
        re.compile(r"^(?:Chương|CHƯƠNG)\s+(?P<n>[IVXLC]+|\d+)(?![\w/])\s*[.:\-–]?\s*"),
    ),
    ("article", re.compile(r"^(?:Điều|ĐIỀU)\s+(?P<n>\d+)\s*[.:]?\s*")),
    ("decimal", re.compile(r"^(?P<n>\d{1,2}(?:\.\d{1,2})+)\.?(?=\s)\s*")),
    ("arabic_paren", re.compile(r"^(?P<n>\d{1,3})\s*\)(?!\d)\s*")),
    ("arabic", re.compile(r"^(?P<n>\d{1,3})\s*[./](?!\d)\s*")),
    ("roman", re.compile(r"^(?P<n>[IVXLC]{1,6})\s*[.)/](?!\d)\s*")),
    # "A." above the Roman sections; C, D, I, L, V, X stay Roman numerals.
    ("upper_letter", re.compile(r"^(?P<n>[ABĐEGHK])\.(?=\s)\s*")),
    ("letter", re.compile(r"^(?P<n>[a-zđ])\)\s*")),
    ("letter_dot", re.compile(r"^(?P<n>[a-zđ])\.(?=\s)\s*")),
    ("dash", re.compile(r"^[-–—−•●▪◦·]\s*(?=\S)")),
    ("plus", re.compile(r"^\+\s*(?=\S)")),
    ("star", re.compile(r"^\*\s*(?=\S)")),
]
# Rank of the major numberings, outermost first; the minor ones nest as they come.
_RANK = {
    "part": 0,
    "chapter": 1,
    "upper_letter": 2,
    "roman": 3,
    "article": 4,
    "arabic": 5,
    "decimal": 6,
}
_MINOR = ("letter", "letter_dot", "arabic_paren", "dash", "plus", "star")
_ALIGN = {
    "center": "center",
    "right": "right",
    "end": "right",
    "left": "left",
    "start": "left",
}


@dataclass
class Label:
    numbering: str
    number: int  # 0 for dash and plus
    length: int  # characters the label takes at the start of the text
    depth: int = 1  # 1.1. → 2, 1.1.1. → 3

    @property
    def key(self) -> tuple[str, int]:
        return self.numbering, self.depth


def read_label(text: str) -> Label | None:
    for numbering, pattern in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        number, depth = _number(
            numbering, match["n"] if "n" in pattern.groupindex else ""
        )
        if number is None:
            continue
        return Label(numbering, number, match.end(), depth)
    return None


def _number(numbering: str, value: str) -> tuple[int | None, int]:
    if numbering in ("dash", "plus", "star"):
        return 0, 1
    if numbering == "decimal":
        parts = value.split(".")
        return int(parts[-1]), len(parts)
    if numbering in ("letter", "letter_dot", "upper_letter"):
        value = value.lower()
        return (LETTERS.index(value) + 1 if value in LETTERS else None), 1
    if value.isdigit():
        return int(value), 1
    if value[:3].lower() == "thứ":
        return _WORD_NUMBERS.get(fold(value).split()[-1]), 1
    return _roman(value), 1


def _roman(value: str) -> int | None:
    total = 0
    for index, char in enumerate(value):
        amount = _ROMAN[char]
        following = _ROMAN[value[index + 1]] if index + 1 < len(value) else 0
        total += -amount if amount < following else amount
    return total if total > 0 and roman(total) == value else None


@dataclass
class Body:
    opening: list[str] = field(default_factory=list)
    nodes: list[dict] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)


def read_body(blocks: list, unplaced: list[str]) -> Body:
    """Opening paragraphs (before the first label or table), the tree, and the
    closing paragraphs ("Trên đây là…" and what follows it at the end)."""
    body = Body()
    content = [b for b in blocks if isinstance(b, Table) or not b.blank]
    first = next(
        (
            i
            for i, b in enumerate(content)
            if isinstance(b, Table) or read_label(b.plain)
        ),
        len(content),
    )
    closing = len(content)
    stop = first if first < len(content) else 0
    for index in range(len(content) - 1, stop - 1, -1):
        block = content[index]
        if isinstance(block, Table) or read_label(block.plain):
            break
        if is_closing(block.plain):
            closing = index
    if first == len(content):
        # No label at all (a công văn): only what comes before the closing opens.
        first = min(first, closing)
    body.opening = [markup(p.pieces) for p in content[:first]]
    body.nodes = read_nodes(content[first:closing], unplaced)
    body.closing = [markup(p.pieces) for p in content[closing:]]
    return body


@dataclass
class _Open:
    node: dict
    key: tuple[str, int]
    counts: dict = field(default_factory=dict)  # numbering key → last number


def read_nodes(blocks: list, unplaced: list[str]) -> list[dict]:
    """The tree of sections, paragraphs and tables."""
    root = _Open({"children": []}, ("", 0))
    stack = [root]
    articles = 0
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if isinstance(block, Table):
            stack[-1].node["children"].append(table_node(block, unplaced))
            continue
        if block.blank:
            continue
        block.pieces = squeeze(block.pieces)
        label = read_label(block.text)
        if label is None:
            stack[-1].node["children"].append(_paragraph(block))
            continue
        _close(stack, label)
        parent = stack[-1]
        node = _section(block, label)
        titled = label.numbering not in ("part", "chapter") or node["title"]
        if not titled and index < len(blocks) and _title_line(blocks[index]):
            node["title"] = blocks[index].plain  # "Phần I" / its title below
            index += 1
        previous = (
            articles
            if label.numbering == "article"
            else parent.counts.get(label.key, 0)
        )
        if label.number and label.number != previous + 1:
            node["start"] = label.number
        if label.numbering == "article":
            articles = label.number
        parent.counts[label.key] = label.number
        parent.node["children"].append(node)
        stack.append(_Open(node, label.key))
    return root.node["children"]


def _close(stack: list[_Open], label: Label) -> None:
    keys = [open_.key for open_ in stack]
    if label.key in keys:
        del stack[keys.index(label.key) :]
    elif label.numbering not in _MINOR:
        rank = _RANK[label.numbering] + label.depth - 1
        while len(stack) > 1 and _rank(stack[-1].key) >= rank:
            stack.pop()


def _rank(key: tuple[str, int]) -> int:
    numbering, depth = key
    return _RANK[numbering] + depth - 1 if numbering in _RANK else 99


def _title_line(block) -> bool:
    return (
        isinstance(block, Para)
        and not block.blank
        and read_label(block.plain) is None
        and (block.bold or block.centered or is_upper(block.plain))
    )


def _section(para: Para, label: Label) -> dict:
    pieces = drop_prefix(para.pieces, label.length)
    lead, style, rest = split_lead(pieces)
    whole = clean("".join(p.text for p in pieces))
    numbering = label.numbering
    title, text, emphasis = "", markup(pieces), ""
    if style in ("bold", "bold_italic") or (style == "italic" and numbering in _MINOR):
        title, text = lead, markup(rest)
        if numbering in ("dash", "plus", "star", "arabic_paren") or (
            numbering in ("letter", "letter_dot") and style != "italic"
        ):
            emphasis = style
    elif numbering in ("part", "chapter", "roman", "upper_letter") or (
        numbering in ("arabic", "decimal", "article") and is_upper(whole)
    ):
        title, text = whole, ""
    node = {
        "type": "section",
        "numbering": numbering,
        "title": title.rstrip(),
        "text": text,
        "children": [],
    }
    if emphasis:
        node["emphasis"] = emphasis
    return node


def _paragraph(para: Para) -> dict:
    return {
        "type": "paragraph",
        "text": markup(para.pieces),
        "align": _ALIGN.get(para.align, "justify"),
        "indent": para.indent,
    }
