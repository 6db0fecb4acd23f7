"""Tests of thidua.eligibility. The builders below keep each legal case to one glance."""

from typing import Any


def yr(rating: str | None, *titles: str, **extra: Any) -> dict[str, Any]:
    """One individual year: ``yr("HTXS", "LDTT", "CSTDCS")``."""
    out: dict[str, Any] = {"titles": list(titles), **extra}
    if rating is not None:
        out["rating"] = rating
    return out


def team(
    rating: str = "HTXS",
    members: int = 20,
    completed: int | None = None,
    ldtt: int = 14,
    cstdcs: int = 1,
    disciplined: int = 0,
    *titles: str,
    **extra: Any,
) -> dict[str, Any]:
    """One collective year; ``completed`` defaults to every member."""
    return {
        "rating": rating,
        "members": members,
        "members_completed": members if completed is None else completed,
        "members_ldtt": ldtt,
        "members_cstdcs": cstdcs,
        "members_disciplined": disciplined,
        "titles": list(titles),
        **extra,
    }


def person(
    review_year: int,
    years: dict[int, dict[str, Any]] | None = None,
    *,
    regime: str | None = None,
    codes: list[str] | None = None,
    **subject: Any,
) -> dict[str, Any]:
    case: dict[str, Any] = {
        "review_year": review_year,
        "subject": {
            "kind": "individual",
            "years": {str(y): v for y, v in (years or {}).items()},
            **subject,
        },
    }
    if regime is not None:
        case["regime"] = regime
    if codes is not None:
        case["codes"] = codes
    return case


def collective(
    review_year: int,
    years: dict[int, dict[str, Any]] | None = None,
    **kwargs: Any,
) -> dict[str, Any]:
    case = person(review_year, years, **kwargs)
    case["subject"]["kind"] = "collective"
    return case


def ini(year: int, scope: str = "co_so") -> dict[str, Any]:
    return {"year": year, "scope": scope}


def award(code: str, year: int, kind: str = "cong_trang") -> dict[str, Any]:
    return {"code": code, "type": kind, "year": year}


def run(first: int, last: int, rating: str, *titles: str) -> dict[int, dict[str, Any]]:
    """The same year record for every year from ``first`` to ``last``."""
    return {y: yr(rating, *titles) for y in range(first, last + 1)}


def merge(*parts: dict[int, dict[str, Any]]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for part in parts:
        out.update(part)
    return out
