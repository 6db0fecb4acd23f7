"""The labels of a section tree (NĐ 30/2020 Phụ lục I, II.6): ``Phần I``, ``I.``,
``1.``, ``1.1.``, ``a)``, ``-``, ``+``, ``Điều 1.``.

One place computes them for every renderer (DOCX, the editor's preview), so what the
officer sees while writing is what the signed PDF prints.
"""

from dataclasses import dataclass, field

from .formats import roman, vietnamese_letter

__all__ = ["Counters", "label"]

# Numberings whose numbers a "decimal" child extends ("1." → "1.1." → "1.1.1.").
_DECIMAL_PARENTS = ("arabic", "decimal")


def label(numbering: str, number: int, path: tuple[int, ...] = ()) -> str:
    """The printed label of the ``number``-th sibling of ``numbering``."""
    if numbering == "part":
        return f"Phần {roman(number)}"
    if numbering == "chapter":
        return f"Chương {roman(number)}"
    if numbering == "roman":
        return f"{roman(number)}."
    if numbering in _DECIMAL_PARENTS:
        return ".".join(str(n) for n in (*path, number)) + "."
    if numbering == "letter":
        return f"{vietnamese_letter(number - 1)})"
    if numbering == "letter_dot":
        return f"{vietnamese_letter(number - 1)}."
    if numbering == "upper_letter":
        return f"{vietnamese_letter(number - 1).upper()}."
    if numbering == "arabic_paren":
        return f"{number})"
    if numbering == "star":
        return "*"
    if numbering == "dash":
        return "-"
    if numbering == "plus":
        return "+"
    if numbering == "article":
        return f"Điều {number}."
    return ""


@dataclass
class Counters:
    """Sibling counters of one container. ``path`` is the decimal number of the
    nearest arabic/decimal ancestor; ``articles`` is shared by the whole document
    (an Điều is numbered through it, whatever its depth)."""

    path: tuple[int, ...] = ()
    articles: list[int] = field(default_factory=lambda: [0])
    counts: dict[str, int] = field(default_factory=dict)

    def next(self, numbering: str, start: int | None = None) -> tuple[str, "Counters"]:
        """The label of the next sibling and the counters for its children."""
        if numbering == "article":
            self.articles[0] = start if start is not None else self.articles[0] + 1
            number = self.articles[0]
        else:
            number = start if start is not None else self.counts.get(numbering, 0) + 1
            self.counts[numbering] = number
        if numbering == "arabic":
            child_path: tuple[int, ...] = (number,)
        elif numbering == "decimal":
            child_path = (*self.path, number)
        else:
            child_path = self.path
        text = label(numbering, number, self.path if numbering == "decimal" else ())
        return text, Counters(path=child_path, articles=self.articles)
