"""Forecast: what a subject could qualify for next year, and what is missing.

The review year's titles are taken as held (from the input, or the engine's
verdict), next year's rating is assumed equal to this year's, and a short
ladder of hypothetical achievements is tried, cheapest first: a better rating,
a grassroots initiative, two, a bộ/tỉnh-wide one, a nationwide one. Each code
gets the first rung that makes it eligible, as a sentence such as
"Năm 2026 đủ điều kiện đề nghị CSTĐ bộ/tỉnh nếu có sáng kiến được công nhận
cấp bộ/tỉnh (giả định năm 2026 xếp loại HTXS)".
"""

from dataclasses import dataclass, replace
from typing import Any

from .case import MAX_YEAR, Case, CollectiveYear, Initiative, Year
from .catalog import RATING_RANK, SCOPE_NAMES, SHORT_NAMES, TITLE_CODES, codes_for_kind
from .engine import Engine
from .errors import CaseError
from .policy import Policy
from .results import BLOCKED, ELIGIBLE

__all__ = ["ForecastItem", "forecast"]

_RATING_TEXT = {
    "HTT": "hoàn thành tốt nhiệm vụ",
    "HTXS": "hoàn thành xuất sắc nhiệm vụ",
}


@dataclass(frozen=True, slots=True)
class ForecastItem:
    code: str
    year: int
    reachable: bool
    blocked: bool
    assumptions: tuple[str, ...]
    sentence: str
    missing: tuple[tuple[str, str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "year": self.year,
            "reachable": self.reachable,
            "blocked": self.blocked,
            "assumptions": list(self.assumptions),
            "sentence": self.sentence,
            "missing": [
                {"text": t, "required": r, "found": f} for t, r, f in self.missing
            ],
        }


def _ladder(
    baseline: str, individual: bool
) -> list[tuple[str | None, str | None, int]]:
    """Scenarios as (rating or None, initiative scope or None, how many)."""
    ratings: list[str | None] = [None]
    if RATING_RANK[baseline] < RATING_RANK["HTT"]:
        ratings.append("HTT")
    if baseline != "HTXS":
        ratings.append("HTXS")
    if not individual:
        return [(r, None, 0) for r in ratings]
    out: list[tuple[str | None, str | None, int]] = [(r, None, 0) for r in ratings]
    for scope, count in (
        ("co_so", 1),
        ("co_so", 2),
        ("bo_tinh", 1),
        ("bo_tinh", 2),
        ("toan_quoc", 1),
    ):
        out.extend((r, scope, count) for r in ratings)
    return out


def _describe(
    year: int, rating: str | None, scope: str | None, count: int
) -> tuple[str, ...]:
    parts = []
    if rating is not None:
        parts.append(f"năm {year} {_RATING_TEXT[rating]}")
    if scope is not None:
        amount = "02 sáng kiến" if count == 2 else "sáng kiến"
        parts.append(f"có {amount} được công nhận {SCOPE_NAMES[scope]}")
    return tuple(parts)


def forecast(
    case: Case | dict[str, Any],
    policy: dict[str, Any] | Policy | None = None,
    *,
    engine: Engine | None = None,
) -> list[ForecastItem]:
    """One :class:`ForecastItem` per catalog code of the subject's kind, for the
    year after ``case.review_year``."""
    engine = engine or Engine(policy)
    if not isinstance(case, Case):
        case = engine.parse(case)
    y = case.review_year
    target = y + 1
    if target > MAX_YEAR:
        raise CaseError("review_year", f"{y}: không dự báo được năm {target}")
    subject = case.subject
    individual = subject.kind == "individual"
    current = engine.evaluate(replace(case, codes=None))
    held = (
        frozenset(r.code for r in current.results if r.status == ELIGIBLE) & TITLE_CODES
    )
    years = dict(subject.years)
    this = years.get(y) or (Year() if individual else CollectiveYear())
    years[y] = replace(this, titles=this.titles | held)
    baseline = this.rating or "HTT"
    codes = [
        c for c in codes_for_kind(subject.kind) if c != "CSTT" or subject.armed_forces
    ]
    found: dict[str, ForecastItem] = {}
    last_report = None
    for rating, scope, count in _ladder(baseline, individual):
        record = replace(this, rating=rating or baseline, titles=frozenset())
        extra = [Initiative(year=target, scope=scope)] * count if scope else []
        hypo = replace(
            case,
            review_year=target,
            regime=None,
            codes=tuple(codes),
            subject=replace(
                subject,
                years={**years, target: record},
                initiatives=[*subject.initiatives, *extra],
            ),
        )
        report = engine.evaluate(hypo)
        last_report = report
        assumptions = _describe(target, rating, scope, count)
        for result in report.results:
            if result.code in found:
                continue
            name = SHORT_NAMES[result.code]
            if result.status == BLOCKED:
                found[result.code] = ForecastItem(
                    result.code,
                    target,
                    False,
                    True,
                    (),
                    f"Năm {target} chưa thể đề nghị {name}: đang bị xem xét kỷ luật, "
                    "điều tra, thanh tra hoặc có khiếu nại, tố cáo",
                )
            elif result.status == ELIGIBLE:
                sentence = f"Năm {target} đủ điều kiện đề nghị {name}"
                if assumptions:
                    sentence += " nếu " + " và ".join(assumptions)
                if rating is None:
                    sentence += f" (giả định năm {target} xếp loại {baseline})"
                found[result.code] = ForecastItem(
                    result.code, target, True, False, assumptions, sentence
                )
    items = []
    for code in codes:
        if code in found:
            items.append(found[code])
            continue
        result = last_report.get(code) if last_report else None
        missing = tuple(
            (spec.text, spec.required, value)
            for spec, met, value in (result.conditions() if result else [])
            if met is False
        )
        detail = "; ".join(
            f"{t[0].lower()}{t[1:]} (yêu cầu {r}; hiện có {f})"
            for t, r, f in missing[:2]
        )
        items.append(
            ForecastItem(
                code,
                target,
                False,
                False,
                (),
                f"Năm {target} chưa đủ điều kiện đề nghị {SHORT_NAMES[code]}"
                + (f": thiếu {detail}" if detail else ""),
                missing,
            )
        )
    return items
