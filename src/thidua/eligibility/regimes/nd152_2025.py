"""Luật TĐKT 2022 + NĐ 152/2025/NĐ-CP + TT 15/2025/TT-BNV: review years from 2025.

NĐ 152/2025 (effective 01/07/2025) was compared with NĐ 98/2023 only in part
(addendum §2): the cash table and the public consultation rule. Every other rule
is carried over from ``nd98_2023`` with the same citation, and an admin note
"chưa đối chiếu NĐ 152/2025" (``thidua eligibility explain``): the Law is unchanged,
but whether NĐ 152 details an article differently was not checked.
"""

from dataclasses import replace
from datetime import date
from fractions import Fraction

from ..catalog import PEOPLES_TITLE_CODES
from ..criteria.base import CompiledRule, RuleDef
from ..policy import Policy
from ..regime import Guards, Multiple, Regime
from ..results import UNVERIFIED, Citation, cite
from . import nd98_2023 as previous

__all__ = ["REGIME"]

DECREE = "NĐ 152/2025/NĐ-CP"
NOTE = "chưa đối chiếu NĐ 152/2025"

# Rules whose NĐ 152 text was seen, by the citation they replace.
CHECKED = {
    cite(previous.DECREE, 46, 1).text: Citation(
        f"{previous.DECREE}, Điều 46, khoản 1",
        "V-P",
        "Bộ Nội vụ áp dụng quy định này cùng NĐ 152/2025 Điều 60 khoản 3 (điều khoản "
        "chuyển tiếp, lời văn chưa đọc được); điều tương ứng của NĐ 152 chưa đối chiếu",
    ),
}

# Council ballot thresholds: the counterpart of NĐ 98/2023 Art 30 cl.7 in NĐ 152/2025
# was not read; no report of a change. The NĐ 98 figures are carried over as a policy
# default (``council_vote_shares``; in the web application the setting
# THIDUA_COUNCIL_PASS_RULES_ND152, docs/ballots.md).
VOTE_SOURCE = f"{previous.VOTE_SOURCE} (quy định kế thừa theo {DECREE})"
COUNCIL_VOTES = {
    code: replace(vote, source=VOTE_SOURCE, tag=UNVERIFIED)
    for code, vote in previous.COUNCIL_VOTES.items()
}
CARRIED_VOTE = {
    previous.VOTE_90.citation.text: COUNCIL_VOTES["CSTDTQ"].citation,
}


def _carry(citation: Citation) -> Citation:
    if citation.text in CHECKED:
        return CHECKED[citation.text]
    if citation.text in CARRIED_VOTE:
        return CARRIED_VOTE[citation.text]
    if citation.text.startswith("Quy chế"):  # the issuer's own rule, not NĐ 98's
        return citation
    return citation.with_note(NOTE)


def carry_over(rule: RuleDef) -> RuleDef:
    """``rule`` of nd98_2023, its citations noted "chưa đối chiếu NĐ 152/2025" for
    admins."""

    def build(policy: Policy) -> CompiledRule:
        compiled = rule.build(policy)
        specs = tuple(replace(s, citation=_carry(s.citation)) for s in compiled.specs)
        return CompiledRule(compiled.code, compiled.kind, specs, compiled.check)

    return RuleDef(rule.code, rule.kind, build)


def _title(clause: int, point: str) -> Citation:
    return cite(DECREE, 50, clause, point)


def _order(point: str) -> Citation:
    return cite(DECREE, 51, 1, point)


def _honour(clause: int) -> Citation:
    return cite(DECREE, 52, clause)


# NĐ 152/2025 Điều 49–54 (docs/legal/texts-read.md §2.4–2.8): the multiples of mức
# lương cơ sở for titles (Đ50), Huân chương (Đ51) and Bằng khen, Giấy khen (Đ54);
# a collective gets twice the individual's (Đ51 k2, Đ54 k2).
CASH = {
    "CSTDTQ": Multiple(Fraction("4.5"), _title(1, "a")),
    "CSTD_BO_TINH": Multiple(Fraction(3), _title(1, "b")),
    "CSTDCS": Multiple(Fraction(1), _title(1, "c")),
    "LDTT": Multiple(Fraction("0.3"), _title(1, "d")),
    "CSTT": Multiple(Fraction("0.3"), _title(1, "d")),
    "TTLDXS": Multiple(Fraction("1.5"), _title(2, "a")),
    "TTLDTT": Multiple(Fraction("0.8"), _title(2, "b")),
    "CO_CP": Multiple(Fraction(12), _title(2, "đ")),
    "CO_BO_TINH": Multiple(Fraction(8), _title(2, "e")),
    "BK_TTG": Multiple(Fraction("3.5"), cite(DECREE, 54, 1)),
    "BK_BO_TINH": Multiple(Fraction("1.5"), cite(DECREE, 54, 1)),
    "GIAY_KHEN": Multiple(Fraction("0.3"), cite(DECREE, 54, 1)),
    "HCLD_3": Multiple(Fraction("4.5"), _order("h")),
    "HCLD_2": Multiple(Fraction("7.5"), _order("g")),
    "HCLD_1": Multiple(Fraction(9), _order("e")),
    "HCDL_3": Multiple(Fraction("10.5"), _order("đ")),
    "HCDL_2": Multiple(Fraction("12.5"), _order("d")),
    "HCDL_1": Multiple(Fraction(15), _order("c")),
    "HCBVTQ_3": Multiple(Fraction("4.5"), _order("h")),
    "HCBVTQ_2": Multiple(Fraction("7.5"), _order("g")),
    "HCBVTQ_1": Multiple(Fraction(9), _order("e")),
    "HCCC_3": Multiple(Fraction("4.5"), _order("h")),
    "HCCC_2": Multiple(Fraction("7.5"), _order("g")),
    "HCCC_1": Multiple(Fraction(9), _order("e")),
    "HC_DDKDT": Multiple(Fraction("7.5"), _order("g")),
    "HC_DUNG_CAM": Multiple(Fraction("4.5"), _order("h")),
    # Đ52: Anh hùng 15,5 (k2, read in translation; collective twice), the "nhân dân"
    # titles 12,5 and the "ưu tú" ones 9,0 (k3, read).
    "AHLD": Multiple(Fraction("15.5"), _honour(2)),
    "AHLLVT": Multiple(Fraction("15.5"), _honour(2)),
    **{
        code: Multiple(
            Fraction("12.5") if code.endswith("ND") else Fraction(9), _honour(3)
        )
        for code in PEOPLES_TITLE_CODES
    },
    # "không quá 0,6 lần": the ceiling, unless the issuer sets less (cash_multiples).
    "KNC_BO_TINH": Multiple(
        Fraction("0.6"),
        cite(
            DECREE,
            54,
            1,
            note="mức tối đa; cơ quan quyết định mức cụ thể bằng tham "
            "số cash_multiples",
        ),
    ),
}
# "mức tiền thưởng bằng 1,5 lần mức tiền thưởng tương ứng với các hình thức khen
# thưởng tặng cho cá nhân" (docs/legal/texts-read.md §2.8, restated in a table).
HOUSEHOLD_FACTOR = Multiple(
    Fraction(3, 2),
    cite(DECREE, 54, note="khoản chưa đọc được, theo bảng tóm tắt mức tiền thưởng"),
)
COLLECTIVE_FACTOR = Multiple(
    Fraction(2),
    Citation(f"{DECREE}, Điều 51, khoản 2; Điều 52, khoản 2; Điều 54, khoản 2", "V-S"),
)

REGIME = Regime(
    name="nd152_2025",
    label="Luật Thi đua, khen thưởng 2022, Nghị định 152/2025/NĐ-CP",
    title="Luật TĐKT 2022 + NĐ 152/2025/NĐ-CP + TT 15/2025/TT-BNV",
    basis=(
        "Luật Thi đua, khen thưởng số 06/2022/QH15",
        "Nghị định 152/2025/NĐ-CP ngày 14/06/2025 (hiệu lực 01/07/2025)",
        "Thông tư 15/2025/TT-BNV ngày 04/08/2025",
        "NĐ 98/2023/NĐ-CP vẫn được Bộ Nội vụ viện dẫn sau 01/07/2025 (phụ lục §2.2)",
    ),
    first_review_year=2025,
    last_review_year=2025,
    valid_from=date(2025, 7, 1),
    # Until the amended Law (Luật 06/2026/QH16) took effect: regimes/luat2026.py.
    valid_to=date(2026, 9, 30),
    rules=tuple(carry_over(rule) for rule in previous.RULES),
    guards=Guards(
        review=Citation(
            f"{DECREE} (nguyên tắc khen thưởng, theo bản tóm tắt); "
            f"{previous.DECREE}, Điều 4, khoản 4"
        ),
        discipline=cite(previous.DECREE, 4, 4, note=NOTE),
        next_proposal=cite(previous.DECREE, 30, 9, note=NOTE),
    ),
    kinds_citation=previous.REGIME.kinds_citation,
    cash=CASH,
    collective_cash_factor=COLLECTIVE_FACTOR,
    household_cash_factor=HOUSEHOLD_FACTOR,
    rounding_citation=cite(DECREE, 49, 2),
    same_period_highest_title=cite(DECREE, 49, 5),
    default_policy=previous.REGIME.default_policy,
    notes=(
        "Chọn cho năm xét từ 2025 (NĐ 152/2025 có hiệu lực 01/07/2025; nửa đầu 2025 "
        'vẫn thuộc NĐ 98/2023: đặt "regime": "nd98_2023" nếu cần).',
        "Quy tắc chưa đối chiếu NĐ 152/2025 được giữ như nd98_2023, cùng căn cứ; "
        "ghi chú quản trị của từng căn cứ nói rõ.",
        "Từ 01/07/2025 Chủ tịch UBND cấp xã quyết định LĐTT, CSTĐCS, TTLĐTT, Giấy khen "
        "(NĐ 129/2025/NĐ-CP).",
    ),
    carried_from="nd98_2023",
    council_votes=COUNCIL_VOTES,
)
