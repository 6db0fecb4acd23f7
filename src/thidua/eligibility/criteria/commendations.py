"""Forms of commendation: Giấy khen, Bằng khen bộ/tỉnh, Bằng khen TTg (the old NĐ 91/2017
variants in :mod:`.commendations_nd91`, Huân chương in :mod:`.orders`).

Only the criteria the sources show verbatim are machine-checked (Art 74 cl.1d,
Art 73 cl.1b, old NĐ 91 Art 24). The other alternatives of those articles
(outstanding in a movement, extraordinary achievement, large contribution) are
listed as qualitative conditions: a council may still propose on them.
"""

from ..catalog import RATING_RANK, SHORT_NAMES
from ..history import History
from ..policy import Policy
from ..results import Citation, CondSpec
from .base import (
    NO_DATA,
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
from .titles import HTT, HTXS

__all__ = [
    "BO_TINH",
    "COMPLIANCE",
    "UNSET",
    "bk_bo_tinh_collective",
    "bk_bo_tinh_individual",
    "bk_ttg_collective",
    "bk_ttg_individual",
    "giay_khen",
    "prerequisite_held",
    "qualitative_only",
    "window_floor",
]

BO_TINH = 2
COMPLIANCE = (
    "Gương mẫu chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước"
)
UNSET = (
    "Đạt tiêu chuẩn của hình thức khen thưởng theo quy định: Hội đồng Thi đua - Khen "
    "thưởng xét theo thành tích"
)


def qualitative_only(code: str, kind: str, specs: tuple[CondSpec, ...]) -> CompiledRule:
    # Shared by every subject: outcomes are never mutated after evaluation.
    outcomes = (QUAL_OUTCOME,) * len(specs)
    return CompiledRule(code, kind, specs, lambda h: outcomes)


def window_floor(h: History, code: str) -> tuple[int, int | None]:
    previous = h.previous_award(code)
    floor = h.floor
    if previous is not None and previous + 1 > floor:
        floor = previous + 1
    return floor, previous


def giay_khen(kind: str, *, criteria: Citation, compliance: Citation) -> RuleDef:
    """Giấy khen: criteria are set by each bộ/ngành/tỉnh (Luật 2022 Art 75 cl.2)."""

    def build(policy: Policy) -> CompiledRule:
        specs = [
            qual(
                "Đạt tiêu chuẩn Giấy khen do bộ, ban, ngành, tỉnh quy định cho đối tượng "
                "thuộc phạm vi quản lý",
                criteria,
            ),
            qual(COMPLIANCE, compliance),
        ]
        minimum = policy.giay_khen_min_rating
        if minimum is None:
            return qualitative_only("GIAY_KHEN", kind, tuple(specs))
        specs.append(
            spec(
                f"Xếp loại năm xét từ {minimum} trở lên (quy định của cơ quan ban hành)",
                f"{minimum} trở lên",
                Citation(
                    "Theo quy chế của cơ quan",
                    "U",
                    "tham số giay_khen_min_rating; Luật 2022 Điều 75 khoản 1 chưa đọc được",
                ),
            )
        )
        rank = RATING_RANK[minimum]

        def check(h: History) -> list:
            record = h.years.get(h.y)
            rating = record.rating if record is not None else None
            if rating is None:
                return [QUAL_OUTCOME, QUAL_OUTCOME, (False, NO_DATA)]
            return [
                QUAL_OUTCOME,
                QUAL_OUTCOME,
                (RATING_RANK[rating] >= rank, f"{rating} (năm {h.y})"),
            ]

        return CompiledRule("GIAY_KHEN", kind, tuple(specs), check)

    return RuleDef("GIAY_KHEN", kind, build)


def bk_bo_tinh_individual(
    *,
    criterion: Citation,
    compliance: Citation,
    others: Citation,
    next_proposal: Citation,
    legacy: bool = False,
    amended_2026: bool = False,
) -> RuleDef:
    """Art 74 cl.1d: 2 consecutive CSTĐCS, or HTXS in ≥ 2 consecutive years with
    2 grassroots initiatives in that period. ``amended_2026``: the 2026 amendment as
    reported (2 consecutive CSTĐCS only), where an admin turned it on."""

    def build(policy: Policy) -> CompiledRule:
        if legacy and not policy.legacy_use_2022_criteria:
            return qualitative_only(
                "BK_BO_TINH",
                "individual",
                (qual(UNSET, criterion), qual(COMPLIANCE, compliance)),
            )
        only_cstdcs = amended_2026 and policy.law2026_bk_bo_tinh_two_cstdcs_only
        criterion_spec = (
            spec("Có 02 năm liên tục đạt danh hiệu CSTĐCS", "02 năm CSTĐCS", criterion)
            if only_cstdcs
            else spec(
                "Có 02 năm liên tục đạt danh hiệu CSTĐCS; hoặc 02 năm liên tục trở lên "
                "hoàn thành xuất sắc nhiệm vụ và trong thời gian đó có 02 sáng kiến "
                "(hoặc 02 đề tài, đề án KH&CN) được công nhận, áp dụng hiệu quả ở cơ sở",
                "02 năm CSTĐCS, hoặc 02 năm HTXS + 02 sáng kiến",
                criterion,
            )
        )
        specs = (
            criterion_spec,
            next_proposal_spec(next_proposal),
            qual(COMPLIANCE, compliance),
            qual(
                "Hoặc đạt tiêu chuẩn khác của điều luật (thành tích xuất sắc trong phong "
                "trào thi đua, thành tích đột xuất, đóng góp lớn): Hội đồng xét",
                others,
                "không bắt buộc",
            ),
        )

        def check(h: History) -> list:
            y = h.y
            floor, previous = window_floor(h, "BK_BO_TINH")
            n_cs = h.run_title("CSTDCS", floor)
            n_xs = h.run_rating(HTXS, floor)
            first = y - max(n_xs, 2) + 1
            k = h.count_initiatives(max(first, floor), y, 1)
            met = n_cs >= 2 or (not only_cstdcs and n_xs >= 2 and k >= 2)
            found = (
                f"CSTĐCS liên tục: {n_cs} năm; HTXS liên tục: {n_xs} năm, "
                f"{k} sáng kiến ({span(max(first, floor), y)})"
                + floor_note(floor, y - 1)
            )
            return [
                (met, found),
                next_proposal_outcome(previous, "Bằng khen bộ/tỉnh"),
                QUAL_OUTCOME,
                QUAL_OUTCOME,
            ]

        return CompiledRule("BK_BO_TINH", "individual", specs, check)

    return RuleDef("BK_BO_TINH", "individual", build)


def prerequisite_held(h: History, code: str, floor: int) -> tuple[tuple, int]:
    """Whether a merit award ``code`` (đột xuất, chuyên đề not counted) is held, and
    the first year counted after it ("tiếp theo")."""
    ends, refused = h.prerequisite_awards(code, floor)
    name = SHORT_NAMES[code]
    if ends:
        return (True, f"{name} năm " + ", ".join(map(str, ends))), max(
            floor, ends[0] + 1
        )
    if refused:
        return (False, f"chỉ có {refused} {name} đột xuất/chuyên đề"), floor
    return (False, "chưa có" + (f" (tính từ năm {floor})" if floor else "")), floor


def _collective_htxs(
    code: str, years: int | None, criterion: Citation, next_proposal: Citation
) -> CompiledRule:
    solidarity = qual(
        "Nội bộ đoàn kết, thực hiện tốt quy chế dân chủ ở cơ sở; tổ chức tốt phong trào "
        "thi đua",
        criterion,
    )
    if years is None:
        return qualitative_only(
            code, "collective", (qual(UNSET, criterion), solidarity)
        )
    specs = (
        spec(
            f"Có {years:02d} năm liên tục hoàn thành xuất sắc nhiệm vụ, tính đến năm xét",
            f"≥ {years} năm liên tục HTXS",
            criterion,
        ),
        next_proposal_spec(next_proposal),
        solidarity,
    )
    what = "Bằng khen bộ/tỉnh" if code == "BK_BO_TINH" else "Bằng khen Thủ tướng"

    def check(h: History) -> list:
        floor, previous = window_floor(h, code)
        n = h.run_rating(HTXS, floor)
        return [
            (n >= years, f"{n} năm liên tục HTXS" + floor_note(floor, h.y - years + 1)),
            next_proposal_outcome(previous, what),
            QUAL_OUTCOME,
        ]

    return CompiledRule(code, "collective", specs, check)


def bk_bo_tinh_collective(*, criterion: Citation, next_proposal: Citation) -> RuleDef:
    """Art 74 cl.2 was not found: consecutive HTXS years is a policy parameter."""
    return RuleDef(
        "BK_BO_TINH",
        "collective",
        lambda p: _collective_htxs(
            "BK_BO_TINH", p.bk_bo_tinh_collective_htxs_years, criterion, next_proposal
        ),
    )


def bk_ttg_collective(*, criterion: Citation, next_proposal: Citation) -> RuleDef:
    """Collective clause of Art 73 not found: policy parameter, unset by default."""
    return RuleDef(
        "BK_TTG",
        "collective",
        lambda p: _collective_htxs(
            "BK_TTG", p.bk_ttg_collective_htxs_years, criterion, next_proposal
        ),
    )


def bk_ttg_individual(
    *,
    criterion: Citation,
    prerequisite: Citation,
    after_prerequisite: Citation,
    compliance: Citation,
    others: Citation,
    next_proposal: Citation,
    legacy: bool = False,
) -> RuleDef:
    """Art 73 cl.1b: a Bằng khen bộ/tỉnh + ≥ 5 consecutive years HTT+ up to the
    proposal, with 3 CSTĐCS in them."""

    def build(policy: Policy) -> CompiledRule:
        if legacy and not policy.legacy_use_2022_criteria:
            return qualitative_only(
                "BK_TTG",
                "individual",
                (qual(UNSET, criterion), qual(COMPLIANCE, compliance)),
            )
        after = policy.bk_ttg_years_after_bk_bo_tinh
        period = (
            "05 năm liên tục trở lên tiếp theo thời gian thành tích của Bằng khen bộ/tỉnh"
            if after
            else "05 năm liên tục trở lên"
        )
        specs = (
            spec(
                "Đã được tặng Bằng khen của bộ, ban, ngành, tỉnh (khen thưởng đột xuất, "
                "chuyên đề không được tính)",
                "≥ 01 Bằng khen bộ/tỉnh",
                prerequisite,
            ),
            spec(
                f"Có {period} hoàn thành tốt nhiệm vụ trở lên, tính đến năm đề nghị",
                "≥ 05 năm liên tục HTT trở lên",
                after_prerequisite if after else criterion,
            ),
            spec(
                "Trong thời gian đó có 03 lần đạt danh hiệu CSTĐCS",
                "≥ 03 lần CSTĐCS",
                criterion,
            ),
            next_proposal_spec(next_proposal),
            qual(COMPLIANCE, compliance),
            qual(
                "Hoặc đạt tiêu chuẩn khác của điều luật (thành tích xuất sắc được bình xét "
                "trong phong trào thi đua, thành tích đột xuất, giải thưởng): Hội đồng xét",
                others,
                "không bắt buộc",
            ),
        )

        def check(h: History) -> list:
            y = h.y
            floor, previous = window_floor(h, "BK_TTG")
            held, following = prerequisite_held(h, "BK_BO_TINH", floor)
            if after:  # the 5 years follow the Bằng khen bộ/tỉnh's period
                floor = following
            n = h.run_rating(HTT, floor)
            m = h.count_title("CSTDCS", y - n + 1, y) if n else 0
            window = f" ({span(y - n + 1, y)})" if n else ""
            return [
                held,
                (n >= 5, f"{n} năm liên tục{window}" + floor_note(floor, y - 4)),
                (m >= 3, f"{m} lần CSTĐCS{window}"),
                next_proposal_outcome(previous, "Bằng khen Thủ tướng"),
                QUAL_OUTCOME,
                QUAL_OUTCOME,
            ]

        return CompiledRule("BK_TTG", "individual", specs, check)

    return RuleDef("BK_TTG", "individual", build)
