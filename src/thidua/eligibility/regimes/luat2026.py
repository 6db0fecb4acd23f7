"""Luật TĐKT 2022 as amended by Luật 06/2026/QH16 + NĐ 152/2025/NĐ-CP: review years
from 2026, dossiers received from 01/10/2026.

The amending law's text could not be read (docs/legal/texts-read.md §1): every rule is
carried over from ``nd152_2025`` with the same citation and the admin note "Luật
06/2026/QH16 chưa đọc được". The changes that were only reported are policy settings,
off by default (``law2026_cstdcs_htxs_and_initiative``,
``law2026_bk_bo_tinh_two_cstdcs_only``; in the web application THIDUA_LAW2026_CHANGES):
an admin turns one on once the text is read.

Transition (reported: dossiers received before 01/10/2026 stay under the old rules unless
the new ones are more favourable): :mod:`thidua.eligibility.engine` judges such a
dossier under both regimes and keeps, code by code, the more favourable verdict,
showing both.
"""

from dataclasses import replace
from datetime import date

from ..criteria import commendations, titles
from ..criteria.base import CompiledRule, RuleDef
from ..policy import Policy
from ..regime import Regime
from ..results import Citation, cite
from . import nd98_2023, nd152_2025

__all__ = ["EFFECTIVE", "REGIME"]

EFFECTIVE = date(2026, 10, 1)
LAW = nd98_2023.LAW
NOTE = (
    "Luật 06/2026/QH16 sửa đổi, bổ sung Luật TĐKT chưa đọc được: quy định giữ như trước"
)
CHANGED = (
    "Luật 06/2026/QH16: thay đổi theo bản tóm tắt, áp dụng khi quản trị bật tham số"
)


def _carry(citation: Citation) -> Citation:
    if citation.text.startswith(("Quy chế", "Theo quy chế")):
        return citation
    return citation.with_note(NOTE)


def carry_over(rule: RuleDef) -> RuleDef:
    """``rule`` of nd152_2025, its citations noted for admins."""

    def build(policy: Policy) -> CompiledRule:
        compiled = rule.build(policy)
        specs = tuple(replace(s, citation=_carry(s.citation)) for s in compiled.specs)
        return CompiledRule(compiled.code, compiled.kind, specs, compiled.check)

    return RuleDef(rule.code, rule.kind, build)


# The two rules the reported changes touch, built with their setting.
AMENDED = (
    titles.cstdcs(
        title=cite(LAW, 23, 1),
        merit=cite(LAW, 23, 2).with_note(CHANGED),
        initiative_only=False,
        vote=nd152_2025.COUNCIL_VOTES["CSTDCS"],
        amended_2026=True,
    ),
    commendations.bk_bo_tinh_individual(
        criterion=cite(LAW, 74, 1, "d", tag="V-P").with_note(CHANGED),
        compliance=nd98_2023.COMPLIANCE_74,
        others=cite(LAW, 74, 1, "a, b, c"),
        next_proposal=nd152_2025.REGIME.guards.next_proposal,
        amended_2026=True,
    ),
)
_REPLACED = {(rule.code, rule.kind) for rule in AMENDED}

REGIME = Regime(
    name="luat2026",
    label="Luật Thi đua, khen thưởng 2022 (sửa đổi, bổ sung năm 2026), Nghị định "
    "152/2025/NĐ-CP",
    title="Luật TĐKT 2022 sửa đổi 2026 (Luật 06/2026/QH16) + NĐ 152/2025/NĐ-CP",
    basis=(
        "Luật Thi đua, khen thưởng số 06/2022/QH15, sửa đổi, bổ sung bởi Luật số "
        "06/2026/QH16 (hiệu lực 01/10/2026, theo các nguồn thứ cấp)",
        "Nghị định 152/2025/NĐ-CP",
    ),
    first_review_year=2026,
    last_review_year=None,
    valid_from=EFFECTIVE,
    valid_to=None,
    rules=(
        *(
            carry_over(rule)
            for rule in nd152_2025.REGIME.rules
            if (rule.code, rule.kind) not in _REPLACED
        ),
        *AMENDED,
    ),
    guards=nd152_2025.REGIME.guards,
    kinds_citation=nd152_2025.REGIME.kinds_citation,
    cash=nd152_2025.CASH,
    collective_cash_factor=nd152_2025.COLLECTIVE_FACTOR,
    household_cash_factor=nd152_2025.HOUSEHOLD_FACTOR,
    default_policy=nd152_2025.REGIME.default_policy,
    notes=(
        "Chọn cho năm xét từ 2026 và hồ sơ tiếp nhận từ 01/10/2026.",
        "Lời văn Luật 06/2026/QH16 chưa đọc được: quy định giữ như NĐ 152/2025; các "
        "thay đổi mới được báo cáo là tham số, mặc định tắt.",
    ),
    carried_from="nd152_2025",
    favourable_over="nd152_2025",
    council_votes=nd152_2025.COUNCIL_VOTES,
    rounding_citation=nd152_2025.REGIME.rounding_citation,
    same_period_highest_title=nd152_2025.REGIME.same_period_highest_title,
)
