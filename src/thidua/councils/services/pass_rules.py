"""Pass rules of a council's secret ballot, as data, in integer arithmetic.

Defaults (used when the council has no matching ``CouncilVotingRule``):

* CSTĐ bộ/tỉnh and CSTĐ toàn quốc under ``nd91_2017``: at least 90 % of all council
  members (NĐ 91/2017/NĐ-CP Art 45 cl.8) [V-S] — legal-spec §4, addendum §3.
* everything else: more than half of all council members [U] — no national threshold
  was found for the 2022 Law / NĐ 98 / NĐ 152; set the council's quy chế.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.common.services.audit import log_action
from thidua.organizations.models import Council

from ..enums import Comparison, PassBasis
from ..models import CouncilVotingRule

__all__ = [
    "NINETY_PERCENT_TITLES",
    "PassRule",
    "default_rule",
    "passes",
    "resolve_pass_rule",
    "set_voting_rule",
]

NINETY_PERCENT_REGIME = "nd91_2017"
NINETY_PERCENT_TITLES = frozenset({"CSTD_BO_TINH", "CSTDTQ"})
SOURCE_ND91 = "NĐ 91/2017/NĐ-CP Điều 45 khoản 8 [V-S]"
SOURCE_DEFAULT = "mặc định của thidua, cần đối chiếu quy chế hội đồng [U]"


@dataclass(frozen=True)
class PassRule:
    numerator: int
    denominator: int
    comparison: str = Comparison.AT_LEAST
    basis: str = PassBasis.ALL_MEMBERS
    source: str = ""

    @property
    def label(self) -> str:
        base = (
            "tổng số thành viên hội đồng"
            if self.basis == PassBasis.ALL_MEMBERS
            else "tổng số phiếu bầu"
        )
        n, d = self.numerator, self.denominator
        if self.comparison == Comparison.MORE_THAN and 2 * n == d:
            text = f"Quá nửa {base}"
        elif self.comparison == Comparison.MORE_THAN:
            text = f"Trên {n}/{d} {base}"
        else:
            text = f"Từ {n}/{d} {base} trở lên"
        if (100 * n) % d == 0:
            text += f" ({100 * n // d} %)"
        return f"{text} — {self.source}" if self.source else text


def default_rule(title_code: str, regime: str) -> PassRule:
    if regime == NINETY_PERCENT_REGIME and title_code in NINETY_PERCENT_TITLES:
        return PassRule(9, 10, Comparison.AT_LEAST, PassBasis.ALL_MEMBERS, SOURCE_ND91)
    return PassRule(1, 2, Comparison.MORE_THAN, PassBasis.ALL_MEMBERS, SOURCE_DEFAULT)


def resolve_pass_rule(council: Council, title_code: str, regime: str) -> PassRule:
    """The council's most specific rule for (title, regime), else the default."""
    rows = CouncilVotingRule.objects.filter(council=council)
    candidates = [
        (title_code or None, regime or None),
        (title_code or None, None),
        (None, regime or None),
        (None, None),
    ]
    by_key = {(r.title_code, r.regime): r for r in rows}
    for key in candidates:
        row = by_key.get(key)
        if row is not None:
            return PassRule(
                row.numerator,
                row.denominator,
                row.comparison,
                row.basis,
                row.source or f"quy chế của {council}",
            )
    return default_rule(title_code, regime)


def passes(yes: int, *, roster_size: int, votes_cast: int, rule: PassRule) -> bool:
    """Integer test: ``yes·den ≥ num·total`` (or ``>``); exact boundaries pass for ≥."""
    total = roster_size if rule.basis == PassBasis.ALL_MEMBERS else votes_cast
    if total <= 0:
        return False
    lhs, rhs = yes * rule.denominator, rule.numerator * total
    if rule.comparison == Comparison.MORE_THAN:
        return lhs > rhs
    return lhs >= rhs


def set_voting_rule(
    council: Council,
    *,
    numerator: int,
    denominator: int,
    comparison: str = Comparison.AT_LEAST,
    basis: str = PassBasis.ALL_MEMBERS,
    title_code: str | None = None,
    regime: str | None = None,
    source: str = "",
    actor=None,
) -> CouncilVotingRule:
    """Create or replace the council's rule for (title, regime); blanks mean any.

    Ballots already open keep the rule frozen when they opened."""
    if denominator <= 0 or not 0 <= numerator <= denominator:
        raise ValidationError(
            _("Tỷ lệ thông qua không hợp lệ: cần 0 ≤ tử số ≤ mẫu số và mẫu số > 0.")
        )
    with transaction.atomic():
        Council.objects.select_for_update().get(pk=council.pk)
        rule, created = CouncilVotingRule.objects.update_or_create(
            council=council,
            title_code=title_code or None,
            regime=regime or None,
            defaults={
                "numerator": numerator,
                "denominator": denominator,
                "comparison": comparison,
                "basis": basis,
                "source": source,
            },
        )
        rule.full_clean()
        log_action(
            rule,
            "councils.voting_rule.set",
            actor=actor,
            agency_id=council.agency_id,
            data={
                "title_code": title_code,
                "regime": regime,
                "rule": f"{comparison} {numerator}/{denominator} {basis}",
                "created": created,
            },
        )
    return rule
