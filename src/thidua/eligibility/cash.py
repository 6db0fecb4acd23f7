"""Cash awards: a multiple of mức lương cơ sở, rounded up to the next 10,000 đ.

* The base salary is the one **in force on the decision date** (not the
  achievement year, not the payment date) — addendum §5.2.
* The multiple is the regime's (addendum §5.4); by default the regime whose
  decree was in force on the decision date. Unverified multiples are policy
  defaults (``Policy.cash_multiples``).
* "làm tròn số lên hàng chục nghìn đồng" (NĐ 91/2017 Art 68 cl.2; NĐ 152/2025
  Art 49 cl.2): ceiling to 10,000 đ unless the issuer's policy says
  ``nearest`` or ``none``. Arithmetic is exact (``Fraction``): 0.8 × 1,800,000
  is 1,440,000, not 1,440,000.0000000002 rounded up to 1,450,000.
* Several titles at once (NĐ 152/2025 Art 49 cl.5): one subject given titles with
  the same counting period at the same time is paid only the highest
  (:func:`same_period_unpaid`); titles of different periods, and forms of
  commendation, are each paid.
"""

import bisect
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from .catalog import (
    CODES,
    COLLECTIVE,
    HERO_CODES,
    INDIVIDUAL,
    INDIVIDUAL_ONLY_FORMS,
    KINDS,
    ORDER_CODES,
    TITLE_CODES,
)
from .errors import CaseError
from .policy import Policy
from .regimes import get_regime, regime_in_force_on

__all__ = [
    "BASE_SALARY",
    "BaseSalary",
    "CashAward",
    "base_salary_on",
    "cash_award",
    "round_amount",
    "same_period_unpaid",
]


@dataclass(frozen=True, slots=True)
class BaseSalary:
    """Mức lương cơ sở from ``since`` (VND per month) and the decree setting it."""

    since: date
    amount: int
    source: str
    tag: str = "V-S"


# Addendum §5.1. Dated data: add a row when a new decree changes the base.
BASE_SALARY: tuple[BaseSalary, ...] = (
    BaseSalary(date(2018, 7, 1), 1_390_000, "NĐ 72/2018/NĐ-CP"),
    BaseSalary(date(2019, 7, 1), 1_490_000, "NĐ 38/2019/NĐ-CP"),
    BaseSalary(date(2023, 7, 1), 1_800_000, "NĐ 24/2023/NĐ-CP"),
    BaseSalary(date(2024, 7, 1), 2_340_000, "NĐ 73/2024/NĐ-CP"),
    BaseSalary(date(2026, 7, 1), 2_530_000, "NĐ 161/2026/NĐ-CP, Điều 3, khoản 2"),
)
_SINCE = [b.since for b in BASE_SALARY]
# Bằng khen, Giấy khen and Huân chương of a collective are a multiple of the
# individual's.
_COLLECTIVE_FACTOR_CODES = frozenset(
    {"GIAY_KHEN", "BK_BO_TINH", "BK_TTG", "HCLD_3", *ORDER_CODES, *HERO_CODES}
)
# A household (hộ gia đình) given a form of commendation is paid a multiple of the
# individual's amount; emulation titles and Kỷ niệm chương are not for households.
HOUSEHOLD = "household"
CASH_KINDS = (*KINDS, HOUSEHOLD)
_HOUSEHOLD_CODES = frozenset(
    {"GIAY_KHEN", "BK_BO_TINH", "BK_TTG", "HCLD_3", "HCLD_2", "HCLD_1"}
)
COLLECTIVE_TITLES = frozenset({"TTLDTT", "TTLDXS", "CO_BO_TINH", "CO_CP"})
# Titles counted on the review year alone: two of them for one subject and year have
# the same counting period (NĐ 152/2025 Art 49 cl.5, second sentence).
ONE_YEAR_TITLES = frozenset({"LDTT", "CSTT", "CSTDCS", "TTLDTT", "TTLDXS"})


def base_salary_on(day: date) -> BaseSalary:
    """The base salary in force on ``day``."""
    i = bisect.bisect_right(_SINCE, day) - 1
    if i < 0:
        raise CaseError(
            "decision_date",
            f"{day.isoformat()} trước {BASE_SALARY[0].since.isoformat()}: chưa có dữ "
            "liệu mức lương cơ sở",
        )
    return BASE_SALARY[i]


def round_amount(value: Fraction, mode: str = "ceil", unit: int = 10_000) -> int:
    """Round an exact amount: ``ceil`` to the next ``unit``, ``nearest`` (half up)
    or ``none`` (to the đồng, half up)."""
    if mode == "ceil":
        return -(-value // unit) * unit
    if mode == "nearest":
        return int((value / unit + Fraction(1, 2)) // 1) * unit
    return int((value + Fraction(1, 2)) // 1)


@dataclass(frozen=True, slots=True)
class CashAward:
    """The amount of one title or award on one decision date."""

    code: str
    kind: str
    regime: str
    decision_date: date
    base_salary: int
    base_source: str
    multiple: Fraction | None
    amount: int | None
    exact: Fraction | None
    rounding: str
    citations: tuple[str, ...]
    note: str = ""

    @property
    def basis_text(self) -> str:
        """How the amount is reached, as a decision's table prints it:
        ``1,5 × 2.340.000 đ (NĐ 73/2024/NĐ-CP)``."""
        if self.multiple is None:
            return ""
        multiple = f"{float(self.multiple):g}".replace(".", ",")
        base = f"{self.base_salary:,}".replace(",", ".")
        return f"{multiple} × {base} đ ({self.base_source})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "kind": self.kind,
            "regime": self.regime,
            "decision_date": self.decision_date.isoformat(),
            "base_salary": self.base_salary,
            "base_source": self.base_source,
            "multiple": None if self.multiple is None else _number(self.multiple),
            "amount": self.amount,
            "rounding": self.rounding,
            "citations": list(self.citations),
            "note": self.note,
        }


def _number(value: Fraction) -> int | float:
    return value.numerator if value.denominator == 1 else float(value)


def cash_award(
    code: str,
    decision_date: date,
    *,
    kind: str = INDIVIDUAL,
    regime: str | None = None,
    policy: Policy | None = None,
) -> CashAward:
    """Cash for ``code`` decided on ``decision_date``.

    ``regime`` defaults to the one in force on the decision date; ``policy`` to
    that regime's default policy. ``amount`` is ``None`` when no multiple is
    known (e.g. HCLĐ hạng Ba: set ``Policy.cash_multiples``).
    """
    if code not in CODES:
        raise CaseError("code", f'"{code}" không hợp lệ')
    if kind not in CASH_KINDS:
        raise CaseError("kind", f'"{kind}" không hợp lệ')
    individual = kind == INDIVIDUAL
    if (
        (individual and code in COLLECTIVE_TITLES)
        or (kind == HOUSEHOLD and code not in _HOUSEHOLD_CODES)
        or (
            kind == COLLECTIVE
            and (code in INDIVIDUAL_ONLY_FORMS or code in TITLE_CODES)
            and code not in COLLECTIVE_TITLES
        )
    ):
        raise CaseError("kind", f'"{kind}" không áp dụng cho {code}')
    name = regime or regime_in_force_on(decision_date)
    r = get_regime(name)
    policy = r.default_policy if policy is None else policy
    base = base_salary_on(decision_date)
    entry = r.cash[code]
    citations = [entry.citation.text]
    notes = []
    multiple = entry.value
    override = policy.multiple_override(code)
    if override is not None:
        multiple = override
        citations[0] = "Theo quy chế của cơ quan"
        notes.append(
            f"hệ số theo chính sách của cơ quan ban hành (văn bản: {entry.value})"
        )
    # A collective's or a household's amount: a multiple of the individual's, the
    # regime's where its text was read, else the policy's.
    scaled = None
    if kind == COLLECTIVE and code in _COLLECTIVE_FACTOR_CODES:
        scaled = (r.collective_cash_factor, policy.collective_cash_factor, "tập thể")
    elif kind == HOUSEHOLD:
        scaled = (r.household_cash_factor, policy.household_cash_factor, "hộ gia đình")
    if multiple is not None and scaled is not None:
        factor, fallback, who = scaled
        value = (
            factor.value
            if factor.value is not None and not factor.unverified
            else fallback
        )
        multiple = multiple * value
        citations.append(factor.citation.text)
        notes.append(f"{who} = {_number(value)} lần cá nhân")
    citations.append(f"Mức lương cơ sở: {base.source}")
    citations.append(r.rounding_citation.text)
    if multiple is None:
        return CashAward(
            code,
            kind,
            name,
            decision_date,
            base.amount,
            base.source,
            None,
            None,
            None,
            policy.cash_rounding,
            tuple(citations),
            "chưa có hệ số: đặt Policy.cash_multiples",
        )
    exact = multiple * base.amount
    amount = round_amount(exact, policy.cash_rounding, policy.cash_rounding_unit)
    return CashAward(
        code,
        kind,
        name,
        decision_date,
        base.amount,
        base.source,
        multiple,
        amount,
        exact,
        policy.cash_rounding,
        tuple(citations),
        "; ".join(notes),
    )


def same_period_unpaid(
    entries: list[tuple[object, int, CashAward]],
) -> dict[int, str]:
    """Which of ``entries`` — ``(subject, review year, award)`` decided at the same
    time — are not paid, each with the reason printed beside it: of the one-year
    titles of one subject and year, only the highest is paid where the regime says so
    (NĐ 152/2025 Art 49 cl.5). Ties keep the first entry."""
    best: dict[tuple[object, int], int] = {}
    unpaid: dict[int, str] = {}
    for index, (subject, year, award) in enumerate(entries):
        rule = get_regime(award.regime).same_period_highest_title
        if rule is None or award.code not in ONE_YEAR_TITLES or award.amount is None:
            continue
        key = (subject, year)
        kept = best.get(key)
        if kept is None:
            best[key] = index
            continue
        if award.amount > entries[kept][2].amount:
            best[key], index = index, kept
        unpaid[index] = (
            f"cùng thời gian tính với danh hiệu cao hơn, chỉ nhận tiền thưởng danh "
            f"hiệu cao nhất ({rule.text})"
        )
    return unpaid
