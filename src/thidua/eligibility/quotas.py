"""Quota checks over one unit's or one agency's list of candidates.

The caps come from the policy (``Policy.quotas``): nd91_2017 ships CSTĐCS ≤ 15 %
of the unit's LĐTT (NĐ 91/2017 Art 9 cl.3) and Cờ thi đua CP ≤ 20 % of cluster
leaders (Art 11); 2024+ regimes ship none, issuers add their own. Candidates are
ranked by ``priority`` (then list order); those past the cap are reported with
the reason. A candidate that carries a ``case`` is also evaluated, and proposals
it is not eligible for are reported and not counted.

Input (decoded JSON)::

    {"review_year": 2023, "regime": "nd91_2017",
     "units": {"P1": {"members": 20, "LDTT": 13, "cluster_leaders": 2}},
     "candidates": [{"id": "A", "unit": "P1", "proposed": ["LDTT", "CSTDCS"],
                     "priority": 1, "case": {...}}]}
"""

from fractions import Fraction
from typing import Any, NamedTuple

from .case import MAX_YEAR, MIN_YEAR
from .catalog import CODES, SHORT_NAMES
from .criteria.base import BASE_NAMES, percent
from .engine import Engine
from .errors import CaseError
from .errors import show as _show
from .policy import Policy, Quota
from .regimes import REGIMES, select_regime
from .results import ELIGIBLE

__all__ = ["Candidate", "allowed_count", "check_quotas"]

_KEYS = frozenset({"review_year", "regime", "units", "totals", "candidates"})
_CANDIDATE_KEYS = frozenset({"id", "unit", "proposed", "priority", "case"})
_UNIT_KEYS = frozenset({*CODES, "members", "cluster_leaders"})


class Candidate(NamedTuple):
    """One row of the list: ``index`` is its position, used in field paths."""

    index: int
    id: str
    unit: str
    proposed: list[str]
    priority: int | None
    case: Any


def allowed_count(quota: Quota, base: int, rounding: str) -> int:
    """Head count a share allows: ``floor`` ("không quá"), ``half_up`` or ``ceil``."""
    exact = quota.max_share * base
    if rounding == "ceil":
        return -(-exact.numerator // exact.denominator)
    if rounding == "half_up":
        return int(exact + Fraction(1, 2))
    return exact.numerator // exact.denominator


def _counts(raw: Any, path: str) -> dict[str, int]:
    if type(raw) is not dict:
        raise CaseError(path, "phải là đối tượng JSON")
    out = {}
    for key, value in raw.items():
        if key not in _UNIT_KEYS:
            raise CaseError(f"{path}.{key}", "trường không được hỗ trợ")
        if type(value) is not int or value < 0:
            raise CaseError(f"{path}.{key}", "phải là số nguyên ≥ 0")
        out[key] = value
    return out


def _parse(data: Any) -> tuple[int, str | None, dict, dict, list[Candidate]]:
    if type(data) is not dict:
        raise CaseError("list", "phải là đối tượng JSON")
    for key in data:
        if key not in _KEYS:
            raise CaseError(key, "trường không được hỗ trợ")
    if "review_year" not in data:
        raise CaseError("review_year", "thiếu trường bắt buộc")
    year = data["review_year"]
    if type(year) is not int:
        raise CaseError("review_year", "phải là số nguyên")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise CaseError("review_year", f"{year} ngoài khoảng {MIN_YEAR}–{MAX_YEAR}")
    regime = data.get("regime")
    if regime is not None and (type(regime) is not str or regime not in REGIMES):
        raise CaseError("regime", f"{_show(regime)} không hợp lệ")
    units_raw = data.get("units") or {}
    if type(units_raw) is not dict:
        raise CaseError("units", "phải là đối tượng JSON")
    units = {u: _counts(v, f"units.{u}") for u, v in units_raw.items()}
    totals = _counts(data.get("totals") or {}, "totals")
    candidates = data.get("candidates")
    if type(candidates) is not list:
        raise CaseError("candidates", "phải là danh sách")
    parsed = []
    for i, c in enumerate(candidates):
        path = f"candidates[{i}]"
        if type(c) is not dict:
            raise CaseError(path, "phải là đối tượng JSON")
        for key in c:
            if key not in _CANDIDATE_KEYS:
                raise CaseError(f"{path}.{key}", "trường không được hỗ trợ")
        proposed = c.get("proposed")
        if type(proposed) is not list or not proposed:
            raise CaseError(f"{path}.proposed", "phải là danh sách mã không rỗng")
        for j, code in enumerate(proposed):
            if code not in CODES:
                raise CaseError(f"{path}.proposed[{j}]", f'"{code}" không hợp lệ')
        priority = c.get("priority")
        if priority is not None and type(priority) is not int:
            raise CaseError(f"{path}.priority", "phải là số nguyên")
        unit = c.get("unit", "")
        if type(unit) is not str:
            raise CaseError(f"{path}.unit", "phải là chuỗi")
        parsed.append(
            Candidate(
                i, str(c.get("id", i + 1)), unit, proposed, priority, c.get("case")
            )
        )
    return year, regime, units, totals, parsed


def _ineligible(
    engine: Engine, candidates: list[Candidate]
) -> dict[tuple[int, str], tuple[str, list[str]]]:
    """Proposals a candidate's own case does not support: (index, code) → reasons."""
    out = {}
    for cand in candidates:
        if cand.case is None:
            continue
        path = f"candidates[{cand.index}].case"
        if type(cand.case) is not dict:
            raise CaseError(path, "phải là đối tượng JSON")
        try:
            report = engine.check({**cand.case, "codes": list(cand.proposed)})
        except CaseError as error:
            raise CaseError(f"{path}.{error.field}", error.problem) from None
        for result in report.results:
            if result.status != ELIGIBLE:
                out[(cand.index, result.code)] = (
                    result.status,
                    [
                        f"{spec.text} (yêu cầu {spec.required}; hiện có {found})"
                        for spec, met, found in result.conditions()
                        if met is False
                    ],
                )
    return out


def _base_count(
    quota: Quota,
    group: str,
    members: list[Candidate],
    units: dict[str, dict[str, int]],
    totals: dict[str, int],
    refused: dict,
) -> int | None:
    """The count a share applies to: given counts first, else the candidates."""
    source = units.get(group, {}) if quota.per == "unit" else totals
    base = source.get(quota.base)
    if (
        base is None
        and quota.per == "list"
        and quota.base in ("members", "cluster_leaders")
    ):
        values = [u[quota.base] for u in units.values() if quota.base in u]
        base = sum(values) if values else None
    if base is None and quota.base in CODES:
        base = sum(
            1
            for c in members
            if quota.base in c.proposed and (c.index, quota.base) not in refused
        )
    return base


def check_quotas(
    data: Any, policy: dict[str, Any] | Policy | None = None
) -> dict[str, Any]:
    """Check a candidate list against the policy's quotas; JSON in, JSON out."""
    year, regime, units, totals, candidates = _parse(data)
    engine = Engine(policy)
    regime = regime or select_regime(year)
    effective = engine.policy(regime)
    refused = _ineligible(engine, candidates)
    ranked = sorted(
        candidates, key=lambda c: (c.priority is None, c.priority or 0, c.index)
    )
    checks = []
    exceeding: dict[tuple[int, str], str] = {}
    for quota in effective.quotas:
        groups: dict[str, list[Candidate]] = {}
        for cand in ranked:
            groups.setdefault(cand.unit if quota.per == "unit" else "*", []).append(
                cand
            )
        for group, members in groups.items():
            counted = [
                c
                for c in members
                if quota.code in c.proposed and (c.index, quota.code) not in refused
            ]
            if not counted:
                continue
            base = _base_count(quota, group, members, units, totals, refused)
            where = f"đơn vị {group}" if quota.per == "unit" else "danh sách"
            base_name = BASE_NAMES.get(quota.base, quota.base)
            if base is None:
                message = f"{where}: không có số {base_name}, không kiểm tra được"
                checks.append(_check(quota, group, None, None, counted, [], message))
                continue
            allowed = allowed_count(quota, base, effective.quota_rounding)
            over = counted[allowed:]
            message = (
                f"{where}: {base} {base_name}, tối đa {allowed} {SHORT_NAMES[quota.code]} "
                f"({percent(quota.max_share)}), đề nghị {len(counted)}"
            )
            for rank, cand in enumerate(over, start=allowed + 1):
                exceeding[(cand.index, quota.code)] = (
                    f"Vượt tỉ lệ: {message}; đề nghị thứ {rank} theo thứ tự ưu tiên"
                    + (f" ({quota.citation})" if quota.citation else "")
                )
            checks.append(_check(quota, group, base, allowed, counted, over, message))
    rows = []
    for cand in candidates:
        for code in cand.proposed:
            key = (cand.index, code)
            if key in refused:
                status, reasons = refused[key]
            elif key in exceeding:
                status, reasons = "exceeds_quota", [exceeding[key]]
            else:
                status, reasons = "ok", []
            rows.append(
                {
                    "id": cand.id,
                    "unit": cand.unit,
                    "code": code,
                    "status": status,
                    "reasons": reasons,
                }
            )
    return {"regime": regime, "review_year": year, "checks": checks, "candidates": rows}


def _check(
    quota: Quota,
    group: str,
    base: int | None,
    allowed: int | None,
    counted: list[Candidate],
    over: list[Candidate],
    message: str,
) -> dict[str, Any]:
    return {
        "code": quota.code,
        "base": quota.base,
        "per": quota.per,
        "unit": None if group == "*" else group,
        "max_share": float(quota.max_share),
        "base_count": base,
        "allowed": allowed,
        "proposed": len(counted),
        "exceeding": [c.id for c in over],
        "citation": quota.citation,
        "message": message,
    }
