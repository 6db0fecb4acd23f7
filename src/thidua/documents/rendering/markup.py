"""Inline rich text: runs of plain, bold and italic text and footnote references.

Long texts use the project's light markup (``thidua.common.markup``): ``**đậm**``,
``*nghiêng*`` and ``[^chú thích]``. The grammar is repeated here so that the rendering
layer stays free of Django; both parsers must stay in step.
"""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["Rich", "Run", "parse", "plain_text", "rich"]

_TOKEN = re.compile(
    r"\[\^(?P<note>[^\]]+)\]|\*\*(?P<bold>.+?)\*\*|\*(?P<italic>[^*]+?)\*"
)


@dataclass(frozen=True)
class Run:
    """A piece of text with one formatting; a footnote reference has ``footnote`` set
    (the note's text) and usually no text of its own."""

    text: str
    bold: bool = False
    italic: bool = False
    footnote: str | None = None


Rich = tuple[Run, ...]


def parse(text: str) -> Rich:
    """Runs of ``text`` written in the light markup."""
    runs: list[Run] = []
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            runs.append(Run(text[position : match.start()]))
        if match.group("note") is not None:
            runs.append(Run("", footnote=match.group("note").strip()))
        elif match.group("bold") is not None:
            runs.extend(
                Run(r.text, bold=True, italic=r.italic, footnote=r.footnote)
                for r in parse(match.group("bold"))
            )
        else:
            runs.append(Run(match.group("italic"), italic=True))
        position = match.end()
    if position < len(text):
        runs.append(Run(text[position:]))
    return tuple(r for r in runs if r.text or r.footnote)


def rich(value: "str | Iterable[Run]") -> Rich:
    """Coerces markup or runs into NFC runs (the boundary where text enters a spec)."""
    runs = parse(value) if isinstance(value, str) else tuple(value)
    return tuple(
        Run(
            unicodedata.normalize("NFC", r.text),
            bold=r.bold,
            italic=r.italic,
            footnote=None
            if r.footnote is None
            else unicodedata.normalize("NFC", r.footnote),
        )
        for r in runs
    )


def plain_text(runs: Sequence[Run]) -> str:
    """The text without formatting or footnote references."""
    return "".join(r.text for r in runs)
