"""Forms of commendation: Giấy khen, Bằng khen bộ/tỉnh, Bằng khen TTg, HCLĐ hạng Ba.

Only the criteria the sources show verbatim are machine-checked (Art 74 cl.1d,
Art 73 cl.1b, old NĐ 91 Art 24). The other alternatives of those articles
(outstanding in a movement, extraordinary achievement, large contribution) are
listed as qualitative conditions: a council may still propose on them.
"""

from ..catalog import RATING_RANK
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
    "bk_bo_tinh_collective",
    "bk_bo_tinh_individual",
    "bk_bo_tinh_individual_nd91",
    "bk_ttg_collective",
    "bk_ttg_individual",
    "bk_ttg_individual_nd91",
    "giay_khen",
    "hcld3_collective",
    "hcld3_individual",
    "hcld3_individual_2022",
]

BO_TINH = 2
COMPLIANCE = (
    "Gương mẫu chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước"
)
UNSET = "Tiêu chuẩn chưa được kiểm chứng từ văn bản: Hội đồng xét theo quy định của cơ quan ban hành"


def _qualitative_only(
    code: str, kind: str, specs: tuple[CondSpec, ...]
) -> CompiledRule:
    # Shared by every subject: outcomes are never mutated after evaluation.
    outcomes = (QUAL_OUTCOME,) * len(specs)
    return CompiledRule(code, kind, specs, lambda h: outcomes)


def _window_floor(h: History, code: str) -> tuple[int, int | None]:
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
            return _qualitative_only("GIAY_KHEN", kind, tuple(specs))
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
            return _qualitative_only(
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
            floor, previous = _window_floor(h, "BK_BO_TINH")
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
            next_proposal_spec(next_proposal),
            qual(COMPLIANCE, compliance),
            qual(
                "Hoặc đạt tiêu chuẩn khác của điều (thành tích xuất sắc được bình xét trong "
                "phong trào thi đua, thành tích đột xuất): Hội đồng xét",
                others,
                "không bắt buộc",
            ),
        )

        def check(h: History) -> list:
            y = h.y
            floor, previous = _window_floor(h, "BK_BO_TINH")
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


def _prerequisite(h: History, code: str, floor: int) -> tuple[tuple, int]:
    """Whether a merit award ``code`` (đột xuất, chuyên đề not counted) is held, and
    the first year counted after it ("tiếp theo")."""
    ends, refused = h.prerequisite_awards(code, floor)
    if ends:
        name = "Bằng khen bộ/tỉnh" if code == "BK_BO_TINH" else "Bằng khen Thủ tướng"
        return (True, f"{name} năm " + ", ".join(map(str, ends))), max(
            floor, ends[0] + 1
        )
    if refused:
        return (False, f"chỉ có {refused} Bằng khen đột xuất/chuyên đề"), floor
    return (False, "chưa có" + (f" (tính từ năm {floor})" if floor else "")), floor


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
            next_proposal_spec(next_proposal),
            qual(COMPLIANCE, compliance),
            qual(
                "Hoặc đạt tiêu chuẩn khác của điều (thành tích xuất sắc được bình xét trong "
                "phong trào thi đua, thành tích đột xuất): Hội đồng xét",
                others,
                "không bắt buộc",
            ),
        )

        def check(h: History) -> list:
            y = h.y
            floor, previous = _window_floor(h, "BK_TTG")
            held, floor = _prerequisite(h, "BK_BO_TINH", floor)
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


def _collective_htxs(
    code: str, years: int | None, criterion: Citation, next_proposal: Citation
) -> CompiledRule:
    solidarity = qual(
        "Nội bộ đoàn kết, thực hiện tốt quy chế dân chủ ở cơ sở; tổ chức tốt phong trào "
        "thi đua",
        criterion,
    )
    if years is None:
        return _qualitative_only(
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
        floor, previous = _window_floor(h, code)
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
            return _qualitative_only(
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
            floor, previous = _window_floor(h, "BK_TTG")
            ends, refused = h.prerequisite_awards("BK_BO_TINH", floor)
            if ends:
                held = (True, "Bằng khen bộ/tỉnh năm " + ", ".join(map(str, ends)))
                if after and ends[0] + 1 > floor:
                    floor = ends[0] + 1
            elif refused:
                held = (False, f"chỉ có {refused} Bằng khen đột xuất/chuyên đề")
            else:
                held = (False, "chưa có" + (f" (tính từ năm {floor})" if floor else ""))
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


def hcld3_individual(
    *,
    criterion: Citation,
    next_proposal: Citation,
    publication: Citation | None = None,
    from_policy: bool = False,
) -> RuleDef:
    """Old NĐ 91/2017 Art 24: a Bằng khen TTg + ≥ 5 following consecutive years of
    HTXS with 2 initiatives of bộ/tỉnh-wide effect. Under Luật 2022 the
    individual criteria were not found: ``from_policy`` makes the old ones a
    policy default (``hcld3_use_nd91_criteria``)."""

    def build(policy: Policy) -> CompiledRule:
        extra = ()
        if publication is not None:
            extra = (
                qual(
                    "Công khai danh sách trên phương tiện thông tin của bộ/tỉnh ít nhất 10 "
                    "ngày làm việc trước khi Hội đồng họp",
                    publication,
                    "≥ 10 ngày làm việc",
                ),
            )
        if from_policy and not policy.hcld3_use_nd91_criteria:
            return _qualitative_only(
                "HCLD_3", "individual", (qual(UNSET, criterion), *extra)
            )
        specs = (
            spec(
                "Đã được tặng Bằng khen của Thủ tướng Chính phủ (khen thưởng đột xuất, "
                "chuyên đề không được tính)",
                "≥ 01 Bằng khen Thủ tướng",
                criterion,
            ),
            spec(
                "Có 05 năm liên tục trở lên tiếp theo hoàn thành xuất sắc nhiệm vụ, tính "
                "đến năm đề nghị",
                "≥ 05 năm liên tục HTXS",
                criterion,
            ),
            spec(
                "Trong thời gian đó có 02 sáng kiến được công nhận, áp dụng hiệu quả trong "
                "phạm vi bộ, ban, ngành, tỉnh",
                "≥ 02 sáng kiến cấp bộ/tỉnh trở lên",
                criterion,
            ),
            next_proposal_spec(next_proposal),
            *extra,
        )
        tail = [QUAL_OUTCOME] * len(extra)

        def check(h: History) -> list:
            y = h.y
            floor, previous = _window_floor(h, "HCLD_3")
            ends, refused = h.prerequisite_awards("BK_TTG", floor)
            if ends:
                held = (True, "Bằng khen Thủ tướng năm " + ", ".join(map(str, ends)))
                if ends[0] + 1 > floor:
                    floor = ends[0] + 1
            elif refused:
                held = (False, f"chỉ có {refused} Bằng khen đột xuất/chuyên đề")
            else:
                held = (False, "chưa có" + (f" (tính từ năm {floor})" if floor else ""))
            n = h.run_rating(HTXS, floor)
            first = y - n + 1 if n else y
            k = h.count_initiatives(first, y, BO_TINH) if n else 0
            return [
                held,
                (n >= 5, f"{n} năm liên tục HTXS" + floor_note(floor, y - 4)),
                (k >= 2, f"{k} sáng kiến cấp bộ/tỉnh trở lên ({span(first, y)})"),
                next_proposal_outcome(previous, "Huân chương Lao động hạng Ba"),
                *tail,
            ]

        return CompiledRule("HCLD_3", "individual", specs, check)

    return RuleDef("HCLD_3", "individual", build)


def hcld3_individual_2022(
    *,
    criterion: Citation,
    publication: Citation,
    next_proposal: Citation,
    old_criterion: Citation,
) -> RuleDef:
    """Luật 2022 Art 44 cl.1e (review years from 2024): a Bằng khen Thủ tướng, then 05
    consecutive years or more HTT or above, at least one of them HTXS, with 03 CSTĐCS in
    that time. ``hcld3_use_nd91_criteria`` (an agency still applying the old practice)
    switches to NĐ 91/2017 Art 24."""
    old = hcld3_individual(
        criterion=old_criterion, next_proposal=next_proposal, publication=publication
    )

    def build(policy: Policy) -> CompiledRule:
        if policy.hcld3_use_nd91_criteria:
            return old.build(policy)
        specs = (
            spec(
                "Đã được tặng Bằng khen của Thủ tướng Chính phủ (khen thưởng đột xuất, "
                "chuyên đề không được tính)",
                "≥ 01 Bằng khen Thủ tướng",
                criterion,
            ),
            spec(
                "Có 05 năm liên tục trở lên tiếp theo hoàn thành tốt nhiệm vụ trở lên, "
                "tính đến năm đề nghị, trong đó có ít nhất 01 năm hoàn thành xuất sắc "
                "nhiệm vụ",
                "≥ 05 năm liên tục HTT trở lên, ≥ 01 năm HTXS",
                criterion,
            ),
            spec(
                "Trong thời gian đó có 03 lần đạt danh hiệu CSTĐCS",
                "≥ 03 lần CSTĐCS",
                criterion,
            ),
            next_proposal_spec(next_proposal),
            qual(
                "Công khai danh sách trên phương tiện thông tin của bộ/tỉnh ít nhất 10 "
                "ngày làm việc trước khi Hội đồng họp",
                publication,
                "≥ 10 ngày làm việc",
            ),
        )

        def check(h: History) -> list:
            y = h.y
            floor, previous = _window_floor(h, "HCLD_3")
            held, floor = _prerequisite(h, "BK_TTG", floor)
            n = h.run_rating(HTT, floor)
            first = y - n + 1 if n else y
            best = sum(
                1 for year in range(first, y + 1) if h.rating.get(year, -1) >= HTXS
            )
            m = h.count_title("CSTDCS", first, y) if n else 0
            window = f" ({span(first, y)})" if n else ""
            return [
                held,
                (
                    n >= 5 and best >= 1,
                    f"{n} năm liên tục HTT trở lên, {best} năm HTXS{window}"
                    + floor_note(floor, y - 4),
                ),
                (m >= 3, f"{m} lần CSTĐCS{window}"),
                next_proposal_outcome(previous, "Huân chương Lao động hạng Ba"),
                QUAL_OUTCOME,
            ]

        return CompiledRule("HCLD_3", "individual", specs, check)

    return RuleDef("HCLD_3", "individual", build)


def hcld3_collective(*, criterion: Citation) -> RuleDef:
    """No machine-checkable criteria for collectives in the sources."""
    return RuleDef(
        "HCLD_3",
        "collective",
        lambda p: _qualitative_only(
            "HCLD_3",
            "collective",
            (qual(UNSET, criterion), qual(COMPLIANCE, criterion)),
        ),
    )
