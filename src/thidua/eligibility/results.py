"""Citations, condition specs and the engine's output records.

A rule has a fixed tuple of :class:`CondSpec` (text, requirement, citation) per
regime and policy; evaluating it yields only ``(met, found)`` pairs aligned with
that tuple. Dicts for JSON are built only when asked for (``to_dict``), which
keeps the hot path free of per-condition object churn.
"""

from dataclasses import dataclass
from typing import Any

__all__ = [
    "BLOCKED",
    "ELIGIBLE",
    "NOT_ELIGIBLE",
    "Citation",
    "CondSpec",
    "Report",
    "Result",
    "cite",
]

ELIGIBLE = "eligible"
NOT_ELIGIBLE = "not_eligible"
BLOCKED = "blocked"

# Confidence tags of legal-spec.md §0.1.
VERIFIED_PRIMARY = "V-P"
VERIFIED_SECONDARY = "V-S"
UNVERIFIED = "U"
UNVERIFIED_NOTE = "lời văn chưa đọc được; là tham số chính sách"
# A note with one of these words says what was not read or which setting decides:
# it is for admins (``thidua eligibility explain``, docs/eligibility.md), never
# printed beside a verdict, where people need only the law they can cite.
_ADMIN_WORDS = ("chưa ", "tham số", "suy luận", "mặc định")


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a rule comes from: ``text`` as printed to users, ``tag`` its confidence,
    ``note`` for admins (what was not read, which setting decides)."""

    text: str
    tag: str = VERIFIED_SECONDARY
    note: str = ""

    def with_note(self, note: str) -> "Citation":
        """This citation with ``note`` added to its admin note."""
        if note in self.note:
            return self
        return Citation(
            self.text, self.tag, f"{self.note}; {note}" if self.note else note
        )


def _for_admins(note: str) -> bool:
    return any(word in note for word in _ADMIN_WORDS)


def cite(
    doc: str,
    article: int | str | None = None,
    clause: int | str | None = None,
    point: str | None = None,
    *,
    tag: str = VERIFIED_SECONDARY,
    note: str | None = None,
) -> Citation:
    """Build a citation such as ``Luật TĐKT 2022, Điều 24, khoản 1``.

    ``note`` is printed in parentheses when it tells users something about the rule
    ("đối tượng: lực lượng vũ trang nhân dân"); a note about what was not read or
    which setting decides — and every note of an ``[U]`` citation — is kept for
    admins only (:attr:`Citation.note`).
    """
    parts = [doc]
    if article is not None:
        parts.append(f"Điều {article}")
    if clause is not None:
        parts.append(f"khoản {clause}")
    if point is not None:
        parts.append(f"điểm {point}")
    text = ", ".join(parts)
    if note and tag != UNVERIFIED and not _for_admins(note):
        return Citation(f"{text} ({note})", tag)
    if tag == UNVERIFIED:
        note = f"{UNVERIFIED_NOTE}; {note}" if note else UNVERIFIED_NOTE
    return Citation(text, tag, note or "")


@dataclass(frozen=True, slots=True)
class CondSpec:
    """The static part of a condition.

    ``qualitative`` conditions are judged by people (council, unit) and always
    evaluate to ``met = None``; they never change a status.
    """

    text: str
    required: str
    citation: Citation
    qualitative: bool = False

    def as_dict(self, met: bool | None, found: str) -> dict[str, Any]:
        return {
            "text": self.text,
            "required": self.required,
            "found": found,
            "met": met,
            "citation": self.citation.text,
        }


class Result:
    """The verdict for one code: status plus the guard and rule conditions."""

    __slots__ = ("code", "status", "guards", "specs", "outcomes")

    def __init__(
        self,
        code: str,
        status: str,
        guards: tuple,
        specs: tuple[CondSpec, ...],
        outcomes: list,
    ) -> None:
        self.code = code
        self.status = status
        # ((CondSpec, met, found), ...) shared by every result of the subject.
        self.guards = guards
        self.specs = specs
        # [(met, found), ...] aligned with ``specs``.
        self.outcomes = outcomes

    def conditions(self) -> list[tuple[CondSpec, bool | None, str]]:
        """Every condition as ``(spec, met, found)``, guards first."""
        items = list(self.guards)
        items.extend(
            (spec, met, found)
            for spec, (met, found) in zip(self.specs, self.outcomes, strict=True)
        )
        return items

    def missing(self) -> list[tuple[CondSpec, bool | None, str]]:
        """The conditions that fail (``met is False``): the "thiếu" column."""
        return [c for c in self.conditions() if c[1] is False]

    def to_dict(self) -> dict[str, Any]:
        # Dict literals inline: this runs once per condition of every result.
        conditions = [
            {
                "text": spec.text,
                "required": spec.required,
                "found": found,
                "met": met,
                "citation": spec.citation.text,
            }
            for spec, met, found in self.guards
        ]
        conditions.extend(
            {
                "text": spec.text,
                "required": spec.required,
                "found": found,
                "met": met,
                "citation": spec.citation.text,
            }
            for spec, (met, found) in zip(self.specs, self.outcomes, strict=True)
        )
        return {"code": self.code, "status": self.status, "conditions": conditions}

    def __repr__(self) -> str:
        return f"<Result {self.code} {self.status}>"


class Report:
    """The engine's answer for one case."""

    __slots__ = (
        "chosen",
        "received_on",
        "regime",
        "review_year",
        "results",
        "transition",
    )

    def __init__(
        self,
        regime: str,
        review_year: int,
        results: list[Result],
        *,
        received_on: Any = None,
        chosen: bool = False,
    ) -> None:
        self.regime = regime
        self.review_year = review_year
        self.results = results
        self.received_on = received_on
        self.chosen = chosen
        self.transition: dict[str, Any] | None = None

    def more_favourable(self, newer: "Report") -> None:
        """Keep, code by code, the newer regime's verdict where it is more favourable
        (eligible where this one is not), and record both verdicts."""
        rank = {ELIGIBLE: 2, NOT_ELIGIBLE: 1, BLOCKED: 0}
        verdicts = []
        for i, (old, new) in enumerate(zip(self.results, newer.results, strict=True)):
            applied = self.regime
            if rank[new.status] > rank[old.status]:
                self.results[i] = new
                applied = newer.regime
            verdicts.append(
                {
                    "code": old.code,
                    "old": old.status,
                    "new": new.status,
                    "applied": applied,
                }
            )
        self.transition = {"regime": newer.regime, "verdicts": verdicts}

    def get(self, code: str) -> Result | None:
        for result in self.results:
            if result.code == code:
                return result
        return None

    def status(self, code: str) -> str | None:
        result = self.get(code)
        return None if result is None else result.status

    def to_dict(self) -> dict[str, Any]:
        """The output JSON: ``{"regime", "regime_label", "regime_reason",
        "review_year", "results": [...]}``."""
        from .regimes import regime_label, regime_reason  # noqa: PLC0415 (regimes import results)

        out = {
            "regime": self.regime,
            "regime_label": regime_label(self.regime),
            "regime_reason": regime_reason(
                self.review_year, self.received_on, self.chosen
            ),
            "review_year": self.review_year,
            "results": [r.to_dict() for r in self.results],
        }
        if self.transition is not None:
            # Both verdicts, code by code, and which one applies (the more favourable).
            out["transition"] = {
                **self.transition,
                "regime_label": regime_label(self.transition["regime"]),
            }
        return out
