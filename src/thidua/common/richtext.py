"""The light markup of long texts — **đậm**, *nghiêng*, [^chú thích] — parsed into runs.

Pure Python (no Django), shared by the document renderer and the HTML preview.
"""

import re
from dataclasses import dataclass

__all__ = ["Rich", "Run", "parse"]

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
