"""Text widths in Times New Roman, used to size the short rules the decree describes.

NĐ 30/2020 Phụ lục I sets the rule under the Tiêu ngữ to the text's own length and the
rules under the issuing body and the trích yếu to 1/3–1/2 of the text line; both need
the width of a line of text, which depends on the font's advance widths.
"""

import unicodedata
from functools import cache

from . import _font_metrics

__all__ = ["line_widths_pt", "text_width_pt"]


@cache
def _widths(bold: bool) -> dict[str, int]:
    packed = "".join(_font_metrics.BOLD if bold else _font_metrics.REGULAR)
    table = {}
    for item in packed.split(","):
        code, width = item.split(":")
        table[chr(int(code, 16))] = int(width)
    return table


def _advance(char: str, table: dict[str, int]) -> int:
    width = table.get(char)
    if width is not None:
        return width
    base = unicodedata.normalize("NFD", char)[:1]
    if base in table:
        return table[base]
    return _font_metrics.UNITS_PER_EM // 2


def text_width_pt(text: str, size_pt: float, *, bold: bool = False) -> float:
    """Width in points of ``text`` set on one line at ``size_pt`` (no kerning)."""
    table = _widths(bold)
    units = sum(_advance(char, table) for char in unicodedata.normalize("NFC", text))
    return units * size_pt / _font_metrics.UNITS_PER_EM


def line_widths_pt(
    text: str, size_pt: float, max_pt: float, *, bold: bool = False
) -> list[float]:
    """Widths of the lines ``text`` wraps into within ``max_pt`` (greedy, at spaces),
    as a word processor breaks a paragraph without hyphenation."""
    space = text_width_pt(" ", size_pt, bold=bold)
    widths: list[float] = []
    current = 0.0
    for word in text.split():
        width = text_width_pt(word, size_pt, bold=bold)
        if current and current + space + width > max_pt:
            widths.append(current)
            current = width
        else:
            current = current + space + width if current else width
    if current or not widths:
        widths.append(current)
    return widths
