"""The light markup officers type in long texts: **đậm**, *nghiêng*, [^chú thích].

Parsed into runs so the same text feeds the DOCX generator and the HTML preview.
"""

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

__all__ = ["Run", "parse", "to_html"]

_TOKEN = re.compile(
    r"\[\^(?P<note>[^\]]+)\]|\*\*(?P<bold>.+?)\*\*|\*(?P<italic>[^*]+?)\*"
)


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    footnote: str | None = None  # a footnote reference carries the note's text


def parse(text: str) -> list[Run]:
    """Split ``text`` into runs; a footnote is a run with empty text and ``footnote``."""
    runs: list[Run] = []
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            runs.append(Run(text[position : match.start()]))
        if match.group("note") is not None:
            runs.append(Run("", footnote=match.group("note").strip()))
        elif match.group("bold") is not None:
            inner = match.group("bold")
            runs.extend(
                Run(r.text, bold=True, italic=r.italic, footnote=r.footnote)
                for r in parse(inner)
            )
        else:
            runs.append(Run(match.group("italic"), italic=True))
        position = match.end()
    if position < len(text):
        runs.append(Run(text[position:]))
    return [r for r in runs if r.text or r.footnote]


def to_html(text: str, notes: list[str]) -> SafeString:
    """HTML for the preview; footnote texts are appended to ``notes`` and referenced
    by their number, as the document will number them."""
    parts = []
    for run in parse(text):
        if run.footnote is not None:
            notes.append(run.footnote)
            parts.append(f"<sup>{len(notes)}</sup>")
            continue
        html = escape(run.text)
        if run.italic:
            html = f"<em>{html}</em>"
        if run.bold:
            html = f"<strong>{html}</strong>"
        parts.append(html)
    return mark_safe("".join(parts))  # noqa: S308 (every piece is escaped above)
