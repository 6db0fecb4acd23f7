"""What a quoted legal text is: a document and one of its passages."""

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Document", "Passage"]


@dataclass(frozen=True, slots=True)
class Document:
    """A legal text as the engine's citations name it (``short``) and in full."""

    short: str
    title: str
    dates: str


@dataclass(frozen=True, slots=True)
class Passage:
    doc: str  # Document.short
    article: int
    clause: int | None
    point: str | None
    text: str
    # "nguyên văn" (verbatim reproduction) or how the source restates it.
    form: str
    source: str

    @property
    def label(self) -> str:
        parts = [f"Điều {self.article}"]
        if self.clause is not None:
            parts.append(f"khoản {self.clause}")
        if self.point is not None:
            parts.append(f"điểm {self.point}")
        return ", ".join(parts)

    @property
    def anchor(self) -> str:
        """A stable HTML id: ``nd-152-2025-nd-cp-d50-k1-a``."""
        base = unicodedata.normalize(
            "NFD", self.doc.replace("Đ", "D").replace("đ", "d")
        )
        base = re.sub(
            r"[^a-z0-9]+", "-", base.encode("ascii", "ignore").decode().lower()
        )
        tail = f"d{self.article}"
        if self.clause is not None:
            tail += f"-k{self.clause}"
        if self.point is not None:
            point = self.point.replace("đ", "dd")
            tail += f"-{point}"
        return f"{base.strip('-')}-{tail}"
