"""Text pieces of an imported Word paragraph and the light markup made from them.

A paragraph is a list of :class:`Piece` (text with bold/italic, or a footnote). The
import reads labels and keywords from the plain text and writes markup
(``**đậm**``, ``*nghiêng*``, ``[^chú thích]``) from the pieces.
"""

import re
import unicodedata
from dataclasses import dataclass, field, replace

from thidua.common.text import fold

__all__ = [
    "Para",
    "Piece",
    "clean",
    "drop_prefix",
    "fold",
    "is_rule",
    "is_upper",
    "markup",
    "snippet",
    "split_lead",
    "squeeze",
]

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+")
# Characters Word keeps that print as nothing: zero-width spaces and joiners, BOM.
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# A typed rule: a line of underscores, dashes or box lines (the lines under names).
_RULE = re.compile(r"^[\s_\-–—─━=.*]{3,}$")


@dataclass
class Piece:
    """A run of text with one formatting, or a footnote reference (``note``)."""

    text: str
    bold: bool = False
    italic: bool = False
    note: str | None = None


@dataclass
class Para:
    """One paragraph as the import reads it (a soft line break starts another)."""

    pieces: list[Piece]
    where: str
    align: str = ""  # Word's w:jc: "center", "right", "both", "left"… or "" (unset)
    indent: bool = False  # a first-line indent
    page_break: bool = False  # a page starts before it
    landscape: bool = False  # in a landscape section
    # Begun by a soft line break thidua's renderer wrote to fit a header name in its
    # cell (Package.wrapped), not one the officer typed.
    wrapped: bool = False
    images: list[str] = field(default_factory=list)  # what could not be read here

    @property
    def text(self) -> str:
        """The plain text, tabs kept (the header splits columns at them)."""
        return "".join(p.text for p in self.pieces)

    @property
    def plain(self) -> str:
        return clean(self.text)

    @property
    def blank(self) -> bool:
        return not self.plain and not any(p.note for p in self.pieces)

    @property
    def bold(self) -> bool:
        """Every letter is bold."""
        return _all(self.pieces, "bold")

    @property
    def italic(self) -> bool:
        return _all(self.pieces, "italic")

    @property
    def centered(self) -> bool:
        return self.align == "center"

    def columns(self) -> list["Para"]:
        """The paragraph split at its tabs: a header or signature typed with tab stops
        instead of a table ("UBND TỈNH…<tab>CỘNG HÒA…")."""
        parts: list[list[Piece]] = [[]]
        for piece in self.pieces:
            chunks = re.split(r"\t+", piece.text) if piece.note is None else [""]
            for number, chunk in enumerate(chunks):
                if number:
                    parts.append([])
                if chunk or piece.note is not None:
                    parts[-1].append(replace(piece, text=chunk))
        paras = [replace(self, pieces=part) for part in parts]
        return [para for para in paras if not para.blank]


def _all(pieces: list[Piece], attribute: str) -> bool:
    letters = [p for p in pieces if p.text.strip()]
    return bool(letters) and all(getattr(p, attribute) for p in letters)


def clean(text: str) -> str:
    """NFC, invisible characters dropped, runs of white space (tabs too) as one space."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    return _SPACES.sub(" ", text).strip()


def is_upper(text: str) -> bool:
    """Written in capitals (a heading or a title line), with at least one letter."""
    return any(ch.isalpha() for ch in text) and text == text.upper()


def is_rule(text: str) -> bool:
    """A typed rule such as ``________`` (blank lines are rules too: drawn lines)."""
    return not text.strip() or bool(_RULE.match(text))


def snippet(text: str, size: int = 60) -> str:
    text = clean(text)
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def squeeze(pieces: list[Piece]) -> list[Piece]:
    """The pieces in NFC with white space as single spaces, also across pieces, and
    none at the start: their joined text is the paragraph's ``plain`` text, so a label
    read from it is as long in the pieces."""
    out: list[Piece] = []
    space = True  # no white space at the start
    for piece in pieces:
        if piece.note is not None:
            out.append(piece)
            continue
        text = _SPACES.sub(
            " ", _INVISIBLE.sub("", unicodedata.normalize("NFC", piece.text))
        )
        text = re.sub(r"\s+", " ", text)
        if space:
            text = text.lstrip()
        if text:
            out.append(replace(piece, text=text))
            space = text.endswith(" ")
    return out


def drop_prefix(pieces: list[Piece], count: int) -> list[Piece]:
    """The pieces without their first ``count`` characters and the white space after
    them (a typed label "I." or "a)" taken off a heading)."""
    kept: list[Piece] = []
    for piece in pieces:
        if count >= len(piece.text) and piece.note is None:
            count -= len(piece.text)
            continue
        kept.append(replace(piece, text=piece.text[count:]))
        count = 0
    while kept and kept[0].note is None and not kept[0].text.strip():
        kept.pop(0)
    if kept:
        kept[0] = replace(kept[0], text=kept[0].text.lstrip())
    return kept


def split_lead(pieces: list[Piece]) -> tuple[str, str, list[Piece]]:
    """The bold (or else italic) lead-in of a paragraph, its style ("bold",
    "bold_italic", "italic" or "" when there is none) and the pieces after it."""
    for style in ("bold", "italic"):
        count = 0
        for piece in pieces:
            if piece.note is None and (getattr(piece, style) or not piece.text.strip()):
                count += 1
                continue
            break
        lead = pieces[:count]
        while lead and not lead[-1].text.strip():
            lead.pop()
        if any(p.text.strip() for p in lead):
            italic = style == "bold" and all(p.italic for p in lead if p.text.strip())
            kind = "bold_italic" if italic else style
            return clean("".join(p.text for p in lead)), kind, pieces[len(lead) :]
    return "", "", pieces


def markup(pieces: list[Piece], *, plain_italic: bool = False) -> str:
    """The pieces in the light markup. White space takes the style of its
    neighbours, so ``**a** **b**`` comes out as ``**a b**``; bold italic is written
    bold (the markup has no bold italic). ``plain_italic`` drops italics, for text the
    renderer sets in italics anyway (căn cứ)."""
    segments: list[tuple[str, str]] = []  # (style, text); style "note" for footnotes
    for piece in pieces:
        if piece.note is not None:
            segments.append(("note", piece.note))
            continue
        if not piece.text:
            continue
        style = "bold" if piece.bold else "italic" if piece.italic else ""
        if style == "italic" and plain_italic:
            style = ""
        if segments and segments[-1][0] != "note":
            last_style, last_text = segments[-1]
            if last_style == style or not piece.text.strip():
                segments[-1] = (last_style, last_text + piece.text)
                continue
            if not last_text.strip():
                segments[-1] = (style, last_text + piece.text)
                continue
        segments.append((style, piece.text))
    out: list[str] = []
    for style, text in segments:
        if style == "note":
            out.append(f"[^{clean(text)}]")
            continue
        body = text.strip()
        if not style or not body:
            out.append(text)
            continue
        mark = "**" if style == "bold" else "*"
        lead = text[: len(text) - len(text.lstrip())]
        tail = text[len(text.rstrip()) :]
        out.append(f"{lead}{mark}{body}{mark}{tail}")
    return clean("".join(out))
