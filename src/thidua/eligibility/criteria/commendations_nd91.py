"""Bằng khen bộ/tỉnh and Bằng khen Thủ tướng for review years to 2023, by NĐ 91/2017
(Art 39 cl.1, Art 38 cl.1c) — the rules Luật 2022 Art 74, 73 replaced from 2024."""

from ..history import History
from ..policy import Policy
from ..results import Citation, CondSpec
from .base import (
    QUAL_OUTCOME,
    CompiledRule,
    RuleDef,
    floor_note,
    next_proposal_outcome,
    next_proposal_spec,
    qual,
    span,
    spec,
)
from .commendations import COMPLIANCE, prerequisite_held, window_floor
from .titles import HTXS

__all__ = ["bk_bo_tinh_individual_nd91", "bk_ttg_individual_nd91"]


def bk_bo_tinh_individual_nd91(
    *,
    criterion: Citation,
    compliance: Citation,
    others: Citation,
    next_proposal: Citation,
) -> RuleDef:
    """NĐ 91/2017 (review years to 2023): 02 consecutive years HTXS with 02 initiatives
    applied at grassroots level in that time — no CSTĐCS alternative (that one is Luật
    2022 Art 74 cl.1d)."""

    def build(policy: Policy) -> CompiledRule:
        specs = (
            spec(
                "Có 02 năm liên tục trở lên hoàn thành xuất sắc nhiệm vụ, trong thời gian "
                "đó có 02 sáng kiến được công nhận, áp dụng hiệu quả ở cơ sở",
                "02 năm HTXS + 02 sáng kiến",
                criterion,
            ),
            *_nd91_tail(next_proposal, compliance, others),
        )

        def check(h: History) -> list:
            y = h.y
            floor, previous = window_floor(h, "BK_BO_TINH")
            n = h.run_rating(HTXS, floor)
            first = y - max(n, 2) + 1
            k = h.count_initiatives(max(first, floor), y, 1)
            found = (
                f"HTXS liên tục: {n} năm, {k} sáng kiến ({span(max(first, floor), y)})"
                + floor_note(floor, y - 1)
            )
            return [
                (n >= 2 and k >= 2, found),
                next_proposal_outcome(previous, "Bằng khen bộ/tỉnh"),
                QUAL_OUTCOME,
                QUAL_OUTCOME,
            ]

        return CompiledRule("BK_BO_TINH", "individual", specs, check)

    return RuleDef("BK_BO_TINH", "individual", build)


def _nd91_tail(
    next_proposal: Citation, compliance: Citation, others: Citation
) -> tuple[CondSpec, ...]:
    """The conditions every NĐ 91/2017 form of commendation ends with."""
    return (
        next_proposal_spec(next_proposal),
        qual(COMPLIANCE, compliance),
        qual(
            "Hoặc đạt tiêu chuẩn khác của điều (thành tích xuất sắc được bình xét trong "
            "phong trào thi đua, thành tích đột xuất): Hội đồng xét",
            others,
            "không bắt buộc",
        ),
    )


def bk_ttg_individual_nd91(
    *,
    prerequisite: Citation,
    criterion: Citation,
    compliance: Citation,
    others: Citation,
    next_proposal: Citation,
) -> RuleDef:
    """NĐ 91/2017 Art 38 cl.1 (review years to 2023): a Bằng khen bộ/tỉnh, then 05
    consecutive years HTXS following it, with 05 initiatives applied at grassroots level
    in that time. (Luật 2022 Art 73 cl.1b — 5 years HTT+ with 3 CSTĐCS — is for review
    years from 2024.)"""

    def build(policy: Policy) -> CompiledRule:
        specs = (
            spec(
                "Đã được tặng Bằng khen của bộ, ban, ngành, tỉnh (khen thưởng đột xuất, "
                "chuyên đề không được tính)",
                "≥ 01 Bằng khen bộ/tỉnh",
                prerequisite,
            ),
            spec(
                "Có 05 năm liên tục trở lên tiếp theo hoàn thành xuất sắc nhiệm vụ, tính "
                "đến năm đề nghị",
                "≥ 05 năm liên tục HTXS",
                criterion,
            ),
            spec(
                "Trong thời gian đó có 05 sáng kiến được công nhận, áp dụng hiệu quả ở cơ sở",
                "≥ 05 sáng kiến",
                criterion,
            ),
            *_nd91_tail(next_proposal, compliance, others),
        )

        def check(h: History) -> list:
            y = h.y
            floor, previous = window_floor(h, "BK_TTG")
            held, floor = prerequisite_held(h, "BK_BO_TINH", floor)
            n = h.run_rating(HTXS, floor)
            first = y - n + 1 if n else y
            k = h.count_initiatives(first, y, 1) if n else 0
            return [
                held,
                (n >= 5, f"{n} năm liên tục HTXS" + floor_note(floor, y - 4)),
                (k >= 5, f"{k} sáng kiến ({span(first, y)})"),
                next_proposal_outcome(previous, "Bằng khen Thủ tướng"),
                QUAL_OUTCOME,
                QUAL_OUTCOME,
            ]

        return CompiledRule("BK_TTG", "individual", specs, check)

    return RuleDef("BK_TTG", "individual", build)
