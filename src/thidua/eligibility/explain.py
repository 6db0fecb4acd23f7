"""``explain``: a rule of one code in one or every regime, with its citations."""

from typing import Any

from .catalog import KIND_NAMES, KINDS, NAMES
from .council import resolve_vote
from .engine import Engine
from .errors import CaseError
from .policy import Policy
from .regime import G1_TEXT, G2_TEXT
from .regimes import REGIMES, get_regime

__all__ = ["explain"]


def explain(
    code: str,
    regime: str | None = None,
    policy: dict[str, Any] | Policy | None = None,
) -> dict[str, Any]:
    """Describe ``code``: per regime, per subject kind, its conditions with
    requirement, citation and confidence tag, the guards and the cash multiple.
    Without ``regime``, every registered regime is described, oldest first."""
    if code not in NAMES:
        raise CaseError("CODE", f'"{code}" không hợp lệ')
    names = [get_regime(regime).name] if regime else list(REGIMES)
    engine = Engine(policy)
    out = []
    for name in names:
        r = REGIMES[name]
        compiled = engine.compiled(name)
        rules = []
        for kind in KINDS:
            rule = compiled.rules[kind].get(code)
            if rule is None:
                continue
            rules.append(
                {
                    "kind": kind,
                    "kind_name": KIND_NAMES[kind],
                    "conditions": [
                        {
                            "text": s.text,
                            "required": s.required,
                            "qualitative": s.qualitative,
                            "citation": s.citation.text,
                            "tag": s.citation.tag,
                            "note": s.citation.note,
                        }
                        for s in rule.specs
                    ],
                }
            )
        multiple = r.cash.get(code)
        guards = r.guards
        vote = resolve_vote(compiled.policy, code, r.council_votes.get(code))
        out.append(
            {
                "regime": name,
                "title": r.title,
                "basis": list(r.basis),
                "review_years": _years(r.first_review_year, r.last_review_year),
                "carried_from": r.carried_from,
                "rules": rules,
                "guards": [
                    {
                        "text": G1_TEXT,
                        "citation": guards.review.text,
                        "tag": guards.review.tag,
                        "note": guards.review.note,
                    },
                    {
                        "text": G2_TEXT,
                        "citation": guards.discipline.text,
                        "tag": guards.discipline.tag,
                        "note": guards.discipline.note,
                    },
                    {
                        "text": "Khen thưởng đột xuất, chuyên đề không làm căn cứ đề nghị "
                        "khen thưởng công trạng; một thành tích chỉ khen một lần",
                        "citation": "NĐ 98/2023/NĐ-CP, Điều 4, khoản 3; Luật TĐKT 2022, "
                        "Điều 5, khoản 2",
                        "tag": "V-S",
                        "note": "",
                    },
                ],
                "cash": None
                if multiple is None
                else {
                    "multiple": None
                    if multiple.value is None
                    else float(multiple.value),
                    "citation": multiple.citation.text,
                    "unverified": multiple.unverified,
                    "note": multiple.citation.note,
                },
                # The Hội đồng's secret-ballot threshold (NĐ 98/2023 Đ30 k7 …);
                # None: the council's quy chế decides.
                "council_vote": None
                if vote is None
                else {
                    "share": float(vote.share),
                    "basis": vote.basis,
                    "citation": vote.citation.text,
                    "tag": vote.tag,
                    "note": vote.citation.note,
                },
                "notes": list(r.notes),
            }
        )
    return {"code": code, "name": NAMES[code], "regimes": out}


def _years(first: int | None, last: int | None) -> str:
    if first is None:
        return f"≤ {last}"
    if last is None:
        return f"≥ {first}"
    return str(first) if first == last else f"{first}–{last}"
