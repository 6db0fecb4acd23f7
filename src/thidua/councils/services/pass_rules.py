"""Pass rules of a council's secret ballot, as data, in integer arithmetic.

Defaults (used when the council has no matching ``CouncilVotingRule``) come from the
eligibility engine, per regime and title (``thidua.eligibility.council_threshold``),
each with its legal source printed in the rule's label:

* ``nd91_2017``: CSTĐ bộ/tỉnh and CSTĐ toàn quốc, at least 90 % of all council
  members (NĐ 91/2017/NĐ-CP Điều 45 khoản 8).
* ``nd98_2023``: CSTĐ toàn quốc and CSTĐ bộ/tỉnh 90 %; CSTĐCS, Cờ thi đua bộ/tỉnh and
  Cờ thi đua Chính phủ 80 % of all council members (NĐ 98/2023/NĐ-CP Điều 30 khoản 7).
* ``nd152_2025`` and the regimes carried over from it: the NĐ 98 figures, carried
  over, unless the settings ``THIDUA_COUNCIL_PASS_RULES_ND152`` (code → share, ``-``
  for none) and ``THIDUA_COUNCIL_PASS_RULES_ND152_SOURCE`` (the legal source printed)
  say otherwise (docs/ballots.md).
* any other title: more than half of all council members until the council's quy chế
  sets a rule (``set_voting_rule``), cited as the council's own choice.
"""

from dataclasses import dataclass
from fractions import Fraction

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.common.services.audit import log_action
from thidua.eligibility import REGIMES, council_threshold
from thidua.organizations.models import Council

from ..enums import Comparison, PassBasis
from ..models import CouncilVotingRule

__all__ = [
    "PassRule",
    "default_rule",
    "passes",
    "resolve_pass_rule",
    "set_voting_rule",
]

SETTING_REGIME = "nd152_2025"
# How the rule is cited to users: the law, or the agency's own choice in words (the
# setting names are for admins, docs/ballots.md).
SOURCE_SETTING = "NĐ 152/2025/NĐ-CP, theo quy định của cơ quan"
SOURCE_DEFAULT = "theo quy chế của Hội đồng, khi quy chế chưa quy định tỷ lệ khác"


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


def _follows_setting_regime(regime: str) -> bool:
    """``regime`` is nd152_2025 or a regime carried over from it."""
    while regime in REGIMES:
        if regime == SETTING_REGIME:
            return True
        regime = REGIMES[regime].carried_from or ""
    return False


def _setting_share(code: str, value) -> Fraction | None:
    """A value of ``THIDUA_COUNCIL_PASS_RULES_ND152``: ``"9/10"``, ``"0.9"``,
    ``"90%"``, a number, or ``"-"`` / ``""`` / ``None`` for no threshold."""
    if value is None or str(value).strip() in ("", "-"):
        return None
    text = str(value).strip()
    try:
        share = (
            Fraction(text[:-1].strip()) / 100 if text.endswith("%") else Fraction(text)
        )
    except (ValueError, ZeroDivisionError):
        share = None
    if share is None or not 0 < share <= 1:
        raise ImproperlyConfigured(
            f"THIDUA_COUNCIL_PASS_RULES_ND152[{code!r}] = {value!r}: cần một tỉ lệ "
            'trong (0, 1], ví dụ "9/10", "0.8", "80%", hoặc "-" nếu không có.'
        )
    return share


def default_rule(title_code: str, regime: str) -> PassRule:
    """The rule of the law for (title, regime), else more than half of all members."""
    vote = council_threshold(regime, title_code) if regime in REGIMES else None
    share = vote.share if vote is not None else None
    source = vote.source if vote is not None else ""
    if _follows_setting_regime(regime):
        table = settings.THIDUA_COUNCIL_PASS_RULES_ND152
        if title_code in table:
            share = _setting_share(title_code, table[title_code])
        source = settings.THIDUA_COUNCIL_PASS_RULES_ND152_SOURCE or source
        source = source or SOURCE_SETTING
    if share is None:
        return PassRule(
            1, 2, Comparison.MORE_THAN, PassBasis.ALL_MEMBERS, SOURCE_DEFAULT
        )
    return PassRule(
        share.numerator,
        share.denominator,
        Comparison.AT_LEAST,
        PassBasis.ALL_MEMBERS,
        source,
    )


def council_rule_source(council: Council, source: str = "") -> str:
    """How a council's own rule is cited: its quy chế, with the text the admin gave."""
    text = f"theo Quy chế hoạt động của {council}"
    return f"{text} ({source})" if source else text


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
                council_rule_source(council, row.source),
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
