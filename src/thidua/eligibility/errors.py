"""The one exception bad input raises: a Vietnamese line that names the field."""

import json
from typing import Any

__all__ = ["CaseError", "show"]


def show(value: Any) -> str:
    """A bad value as JSON (``"XS"``, ``3``, ``[1, 2]``), cut to 40 characters."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class CaseError(ValueError):
    """Invalid case, policy or candidate list.

    ``str(error)`` is a single Vietnamese line ``"<field>: <problem>"``, e.g.
    ``subject.years.2024.rating: "XS" không hợp lệ``; the CLI prints it to stderr
    and exits 2, the API answers 400 with it.
    """

    def __init__(self, field: str, problem: str) -> None:
        # Field paths contain the caller's keys: keep the message on one line.
        self.field = _printable(field)
        self.problem = _printable(problem)
        super().__init__(f"{self.field}: {self.problem}" if field else self.problem)


def _printable(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
