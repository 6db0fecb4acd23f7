"""What Word's styles and automatic numbering add to a paragraph's text.

Agencies mostly type "I.", "1.", "a)" themselves, but some lists use Word's automatic
numbering (w:numPr, on the paragraph or through its style). The label Word would show
is rebuilt from numbering.xml — level format, level text ("%1.%2."), start values,
restarts — and put in front of the text, so the typed-label reader handles both.
"""

from dataclasses import dataclass

from lxml import etree

from thidua.documents.rendering.formats import roman, vietnamese_letter

__all__ = ["Numbering", "Styles", "W", "q"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def q(tag: str) -> str:
    """The Clark name of a WordprocessingML tag."""
    return f"{{{W}}}{tag}"


def on(element: etree._Element | None) -> bool | None:
    """A toggle property (w:b, w:i, w:caps): None when absent."""
    if element is None:
        return None
    return element.get(q("val"), "true").lower() not in ("0", "false", "off", "none")


@dataclass
class StyleInfo:
    based_on: str | None = None
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    num: tuple[str, int] | None = None  # (numId, ilvl)


class Styles:
    """Bold, italic, capitals and numbering a style gives, through its basedOn chain."""

    def __init__(self, root: etree._Element | None) -> None:
        self._styles: dict[str, StyleInfo] = {}
        if root is None:
            return
        for style in root.iter(q("style")):
            info = StyleInfo()
            based = style.find(q("basedOn"))
            info.based_on = None if based is None else based.get(q("val"))
            rpr = style.find(q("rPr"))
            if rpr is not None:
                info.bold = on(rpr.find(q("b")))
                info.italic = on(rpr.find(q("i")))
                info.caps = on(rpr.find(q("caps")))
            num = style.find(f"{q('pPr')}/{q('numPr')}")
            if num is not None:
                info.num = num_pr(num)
            self._styles[style.get(q("styleId"), "")] = info

    def get(self, style_id: str | None, attribute: str):
        """The first value the chain of ``style_id`` sets for ``attribute``."""
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            value = getattr(self._styles[style_id], attribute)
            if value is not None:
                return value
            style_id = self._styles[style_id].based_on
        return None


def num_pr(element: etree._Element) -> tuple[str, int]:
    num_id = element.find(q("numId"))
    level = element.find(q("ilvl"))
    return (
        "" if num_id is None else num_id.get(q("val"), ""),
        0 if level is None else _int(level.get(q("val")), 0),
    )


def _int(value: str | None, default: int) -> int:
    try:
        return int(value or "")
    except ValueError:
        return default


@dataclass
class Level:
    format: str = "decimal"
    text: str = "%1."
    start: int = 1


class Numbering:
    """Counts automatically numbered paragraphs as Word does and writes their labels."""

    def __init__(self, root: etree._Element | None) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for abstract in root.iter(q("abstractNum")):
            levels = {}
            for lvl in abstract.iter(q("lvl")):
                level = Level()
                for tag in ("numFmt", "lvlText", "start"):
                    found = lvl.find(q(tag))
                    if found is not None and found.get(q("val")) is not None:
                        value = found.get(q("val"))
                        if tag == "numFmt":
                            level.format = value
                        elif tag == "lvlText":
                            level.text = value
                        else:
                            level.start = _int(value, 1)
                levels[_int(lvl.get(q("ilvl")), 0)] = level
            self._abstract[abstract.get(q("abstractNumId"), "")] = levels
        for num in root.iter(q("num")):
            ref = num.find(q("abstractNumId"))
            starts = {}
            for override in num.iter(q("lvlOverride")):
                start = override.find(q("startOverride"))
                if start is not None:
                    starts[_int(override.get(q("ilvl")), 0)] = _int(
                        start.get(q("val")), 1
                    )
            abstract = "" if ref is None else ref.get(q("val"), "")
            self._nums[num.get(q("numId"), "")] = (abstract, starts)

    def label(self, num_id: str, level: int) -> str:
        """The label Word shows for the next paragraph of list ``num_id`` at
        ``level`` ("" for none): "II.", "1.2.", "a)", "-", "Điều 3."."""
        if num_id not in self._nums:
            return ""
        abstract, starts = self._nums[num_id]
        levels = self._abstract.get(abstract, {})
        if level not in levels:
            return ""
        counters = self._counters.setdefault(num_id, {})
        start = starts.get(level, levels[level].start)
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [key for key in counters if key > level]:
            del counters[deeper]  # a higher level restarts the levels under it
        fmt = levels[level].format
        if fmt == "bullet":
            return _bullet(levels[level].text)
        if fmt == "none":
            return ""
        text = levels[level].text
        for index in range(level, -1, -1):
            if f"%{index + 1}" in text:
                shown = levels.get(index, Level())
                value = counters.get(index, starts.get(index, shown.start))
                text = text.replace(f"%{index + 1}", _format(shown.format, value))
        return text


def _bullet(text: str) -> str:
    # Word's bullets are symbols ("", "o", "•", "–"); the model knows "-" and "+".
    return "+" if text.strip() == "+" else "-"


def _format(fmt: str, value: int) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        return roman(max(value, 1))
    if fmt in ("lowerLetter", "upperLetter"):
        # Written in the Vietnamese order, so "start" is read back as the same count.
        return vietnamese_letter(max(value, 1) - 1)
    return str(value)
