"""The light markup officers type in long texts: **đậm**, *nghiêng*, [^chú thích].

Parsed into runs so the same text feeds the DOCX generator and the HTML preview.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .richtext import Run, parse

__all__ = ["Run", "parse", "to_html"]


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
