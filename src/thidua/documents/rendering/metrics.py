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


# Words that open the place part of an agency's name: a long name breaks before
# one of them ("ỦY BAN NHÂN DÂN / TỈNH ĐẮK LẮK"), never inside the place name.
_BREAK_BEFORE = (
    "TỈNH",
    "THÀNH PHỐ",
    "HUYỆN",
    "QUẬN",
    "THỊ XÃ",
    "XÃ",
    "PHƯỜNG",
    "THỊ TRẤN",
    "ĐẶC KHU",
    "TRƯỜNG",
    "TRUNG TÂM",
    "TRUNG ƯƠNG",
    "TRUNG HỌC",
    "TIỂU HỌC",
    "MẦM NON",
    "BỆNH VIỆN",
    "CÔNG TY",
    "CHI NHÁNH",
    "VÀ",
)


def name_lines(text: str, size_pt: float, max_pt: float, *, bold: bool) -> list[str]:
    """An agency's name in upper case, on one line when it fits, else broken where an
    officer would break it (NĐ 30 lets a long name run over several lines): as few
    lines as fit, breaking before the place or unit it names (``_BREAK_BEFORE``)
    rather than anywhere, never inside "THI ĐUA - KHEN THƯỞNG", and then as evenly
    as possible."""
    words = text.split()
    if not words or text_width_pt(text, size_pt, bold=bold) <= max_pt:
        return [text]

    def cost(start: int, end: int) -> float:
        return text_width_pt(" ".join(words[start:end]), size_pt, bold=bold)

    def good(index: int) -> bool:
        rest = " ".join(words[index:]) + " "
        return any(rest.startswith(w + " ") for w in _BREAK_BEFORE)

    def allowed(index: int) -> bool:
        # Not beside a dash nor inside the words it joins ("THI ĐUA - KHEN THƯỞNG").
        near = words[max(index - 2, 0) : index + 2]
        return "-" not in near and "–" not in near

    @cache
    def best(start: int) -> tuple[int, int, float, tuple[int, ...]] | None:
        """(poor breaks, lines, widest line, break points) of words[start:]: a
        break inside a word ("ĐẮK / LẮK") is worse than one more line."""
        if cost(start, len(words)) <= max_pt:
            return (0, 1, cost(start, len(words)), ())
        found = None
        for end in range(start + 1, len(words)):
            if not allowed(end) or cost(start, end) > max_pt:
                continue
            tail = best(end)
            if tail is None:
                continue
            option = (
                tail[0] + (0 if good(end) else 1),
                tail[1] + 1,
                max(tail[2], cost(start, end)),
                (end, *tail[3]),
            )
            if found is None or option[:3] < found[:3]:
                found = option
        return found

    result = best(0)
    if result is None:  # a single word wider than the cell: let the cell wrap it
        return [text]
    bounds = (0, *result[3], len(words))
    return [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
