"""What a regime is (a set of cited rules with dates) and a regime bound to a policy.

The regimes themselves live one per module in :mod:`thidua.eligibility.regimes`.
"""

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from .catalog import DISCIPLINE_NAMES, KIND_NAMES, NAMES
from .council import CouncilVote
from .criteria.base import NO_DATA, CompiledRule, RuleDef
from .history import History
from .policy import Policy
from .results import Citation, CondSpec

__all__ = ["CompiledRegime", "Guards", "Multiple", "Regime"]

ROUNDING = Citation("NĐ 91/2017/NĐ-CP, Điều 68, khoản 2")


@dataclass(frozen=True, slots=True)
class Multiple:
    """A cash multiple of mức lương cơ sở. ``unverified`` ones are policy defaults."""

    value: Fraction | None
    citation: Citation
    unverified: bool = False


# Before NĐ 152/2025 the household multiple was not read: a policy default
# (``Policy.household_cash_factor``, 1,5 as NĐ 152 says).
HOUSEHOLD_FACTOR = Multiple(
    Fraction(3, 2),
    Citation(
        "Theo quy chế của cơ quan",
        "U",
        "hệ số hộ gia đình của văn bản này chưa thấy; tham số household_cash_factor, "
        "mặc định 1,5 như NĐ 152/2025",
    ),
    unverified=True,
)


@dataclass(frozen=True, slots=True)
class Guards:
    """Citations of the case-level guards (legal-spec §2.2).

    ``review``: G1, no proposal while under disciplinary review, investigation,
    inspection with signs of violation, or complaint. ``discipline``: G2,
    achievements count only from the end of the discipline period. ``gated``:
    the guards apply only when the policy's ``nd91_guards`` is on.
    """

    review: Citation
    discipline: Citation
    next_proposal: Citation
    gated: bool = False


@dataclass(frozen=True, eq=False)
class Regime:
    """One legal regime: its documents, dates, rules, guards and cash table."""

    name: str
    title: str
    basis: tuple[str, ...]
    first_review_year: int | None
    last_review_year: int | None
    valid_from: date | None
    valid_to: date | None
    rules: tuple[RuleDef, ...]
    guards: Guards
    kinds_citation: Citation
    cash: dict[str, Multiple]
    collective_cash_factor: Multiple
    default_policy: Policy
    notes: tuple[str, ...] = ()
    carried_from: str | None = None
    # Hội đồng TĐKT ballot thresholds the regime's texts set, by catalog code.
    council_votes: dict[str, CouncilVote] = field(default_factory=dict)
    # The regime in words, as pages and documents name it (never its code).
    label: str = ""
    # A dossier received before this regime took effect stays under ``favourable_over``
    # unless this regime's rules are more favourable to it (judged code by code).
    favourable_over: str | None = None
    # "làm tròn số lên hàng chục nghìn đồng" as the regime's decree words it.
    rounding_citation: Citation = ROUNDING
    # Several titles with the same counting period decided at once pay only the
    # highest (NĐ 152/2025 Đ49 k5); None: the regime's text pays each.
    same_period_highest_title: Citation | None = None
    # A household's amount as a multiple of the individual's.
    household_cash_factor: Multiple = HOUSEHOLD_FACTOR
    _compiled: dict = field(default_factory=dict, compare=False, repr=False)

    def covers_year(self, year: int) -> bool:
        lo, hi = self.first_review_year, self.last_review_year
        return (lo is None or year >= lo) and (hi is None or year <= hi)

    def in_force_on(self, day: date) -> bool:
        lo, hi = self.valid_from, self.valid_to
        return (lo is None or day >= lo) and (hi is None or day <= hi)

    def rule(self, code: str, kind: str) -> RuleDef | None:
        for rule in self.rules:
            if rule.code == code and rule.kind == kind:
                return rule
        return None

    def compile(self, policy: Policy | None = None) -> "CompiledRegime":
        """This regime bound to ``policy`` (default: the regime's own), cached."""
        policy = self.default_policy if policy is None else policy
        compiled = self._compiled.get(policy)
        if compiled is None:
            if len(self._compiled) > 64:  # many ad-hoc policies: keep memory bounded
                self._compiled.clear()
            compiled = CompiledRegime(self, policy)
            self._compiled[policy] = compiled
        return compiled


G1_TEXT = (
    "Không đang trong thời gian bị xem xét kỷ luật, điều tra, thanh tra, kiểm tra có "
    "dấu hiệu vi phạm, hoặc có đơn thư khiếu nại, tố cáo đang được xác minh"
)
G2_TEXT = "Thành tích chỉ được tính từ khi hết thời hạn kỷ luật"


class CompiledRegime:
    """A regime's rules compiled against one policy, ready for many subjects."""

    def __init__(self, regime: Regime, policy: Policy) -> None:
        self.regime = regime
        self.policy = policy
        self.name = regime.name
        by_kind: dict[str, dict[str, CompiledRule]] = {
            "individual": {},
            "collective": {},
        }
        for rule in regime.rules:
            by_kind[rule.kind][rule.code] = rule.build(policy)
        self.rules = by_kind
        guards = regime.guards
        self.apply_guards = not guards.gated or policy.nd91_guards
        self.include_partial_year = policy.discipline_partial_year == "include"
        g1 = CondSpec(G1_TEXT, "không", guards.review)
        self.g2 = CondSpec(G2_TEXT, "năm xét sau thời hạn kỷ luật", guards.discipline)
        self.g1_clear = (g1, True, "không")
        self.g1_unknown = (g1, None, NO_DATA)
        self.g1_blocked = (g1, False, "đang bị xem xét")
        self.mismatch = {}
        for code in NAMES:
            for kind, other in (
                ("individual", "collective"),
                ("collective", "individual"),
            ):
                if code not in by_kind[kind]:
                    self.mismatch[(code, kind)] = CondSpec(
                        f"Đối tượng xét tặng {NAMES[code]}",
                        KIND_NAMES[other],
                        regime.kinds_citation,
                    )

    def guard_items(self, h: History) -> tuple:
        """G1 and G2 as conditions; sets ``h.blocked`` / ``h.guard_failed``."""
        if not self.apply_guards:
            return ()
        review = h.subject.under_review
        if review is True:
            h.blocked = True
            first = self.g1_blocked
        elif review is False:
            first = self.g1_clear
        else:
            first = self.g1_unknown
        if not h.floor:
            return (first,)
        met = h.y >= h.floor
        if not met:
            h.guard_failed = True
        form = DISCIPLINE_NAMES[h.discipline_form or "khien_trach"]
        if h.discipline_end is None:
            found = f"kỷ luật {form} chưa có ngày hết thời hạn"
        else:
            found = (
                f"kỷ luật {form} đến {h.discipline_end.isoformat()}: "
                f"thành tích tính từ năm {h.floor}"
            )
        return (first, (self.g2, met, found))
