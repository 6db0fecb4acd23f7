"""What an officer pastes into the editor (from Word, a web page or plain text) as
nodes of the document model: paragraphs stay paragraphs, typed labels ("I.", "1.",
"1.1.", "a)", "-", "+") become numbered sections nested as the DOCX import nests
them, bold lead-ins stay titles. One reading of labels for both ways in.
"""

import re

import lxml.html
from lxml import etree

from .docx_import_body import read_label, read_nodes
from .docx_import_text import Para, Piece, clean

__all__ = ["paste_nodes"]

_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "tr", "dt", "dd"}
_BOLD = re.compile(r"font-weight\s*:\s*(bold|[6-9]00)", re.IGNORECASE)
_ITALIC = re.compile(r"font-style\s*:\s*italic", re.IGNORECASE)
_LIMIT = 200_000  # characters: a whole document pasted at once is fine, not more


def _pieces(element, bold: bool, italic: bool, out: list[Piece]) -> None:
    style = element.get("style", "") if isinstance(element.tag, str) else ""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    bold = bold or tag in ("b", "strong") or bool(_BOLD.search(style))
    italic = italic or tag in ("i", "em") or bool(_ITALIC.search(style))
    if tag == "br":
        out.append(Piece(" ", bold, italic))
    if element.text and tag not in ("style", "script"):
        out.append(Piece(element.text, bold, italic))
    for child in element:
        if not isinstance(child.tag, str):  # a comment (Word writes many)
            if child.tail:
                out.append(Piece(child.tail, bold, italic))
            continue
        if child.tag.lower() in _BLOCKS:
            continue
        _pieces(child, bold, italic, out)
        if child.tail:
            out.append(Piece(child.tail, bold, italic))


def _html_paras(html: str) -> list[Para]:
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    paras = []
    for index, element in enumerate(root.iter(*_BLOCKS), 1):
        if any(child.tag in _BLOCKS for child in element if isinstance(child.tag, str)):
            continue  # a container: its blocks come on their own
        pieces: list[Piece] = []
        _pieces(element, False, False, pieces)
        text = clean("".join(p.text for p in pieces))
        if not text:
            continue
        parent = element.getparent()
        if element.tag == "li" and parent is not None and read_label(text) is None:
            # A browser's list: its numbers are not in the text.
            if parent.tag == "ol":
                number = [c for c in parent if c.tag == "li"].index(element) + 1
                pieces.insert(0, Piece(f"{number}. "))
            else:
                pieces.insert(0, Piece("- "))
        paras.append(Para(pieces, f"Đoạn dán {index}", indent=True))
    return paras


def paste_nodes(*, html: str = "", text: str = "") -> list[dict]:
    """The nodes of a paste: from its HTML when there is some (bold and italic
    kept), else from its plain text, one paragraph a line."""
    html, text = html[:_LIMIT], text[:_LIMIT]
    paras = _html_paras(html) if html.strip() else []
    if not paras:
        paras = [
            Para([Piece(line)], f"Dòng {index}", indent=True)
            for index, line in enumerate(text.splitlines(), 1)
            if clean(line)
        ]
    return read_nodes(paras, [])
