"""Inline rich text: runs of plain, bold and italic text and footnote references.

Long texts use the project's light markup (``**đậm**``, ``*nghiêng*``, ``[^chú thích]``);
the grammar lives in ``thidua.common.richtext`` (pure Python), shared with the HTML
preview, so the renderer stays free of Django.
"""

import unicodedata
from collections.abc import Iterable, Sequence

from thidua.common.richtext import Rich, Run, parse

__all__ = ["Rich", "Run", "parse", "plain_text", "rich"]


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
