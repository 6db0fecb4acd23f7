"""Huân chương: the Huân chương Lao động line and the other orders an agency proposes.

* hạng Ba: NĐ 91/2017 Art 24 (review years to 2023, and an agency's setting after) and
  Luật 2022 Art 44 cl.1e (from 2024);
* hạng Nhì: Luật 2022 Art 43 (the HCLĐ hạng Ba path, read in a secondary source);
* hạng Nhất: Luật 2022 Art 42 — held hạng Nhì and 05 following years, the rest of the
  clause judged by the council (its wording was not read);
* collectives, and the other orders: proposal only (:mod:`.proposals`).
"""

from ..catalog import NAMES, SHORT_NAMES
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
from .commendations import (
    BO_TINH,
    COMPLIANCE,
    UNSET,
    prerequisite_held,
    qualitative_only,
    window_floor,
)
from .titles import HTT, HTXS

__all__ = [
    "hcld1_individual_2022",
    "hcld2_individual_2022",
    "hcld3_collective",
    "hcld3_individual",
    "hcld3_individual_2022",
]


def _bk_ttg_held(criterion: Citation) -> CondSpec:
    return spec(
        "Đã được tặng Bằng khen của Thủ tướng Chính phủ (khen thưởng đột xuất, "
        "chuyên đề không được tính)",
        "≥ 01 Bằng khen Thủ tướng",
        criterion,
    )


def _publication(citation: Citation) -> CondSpec:
    """The list made public before the council meets (NĐ 98/2023 Art 46 cl.2)."""
    return qual(
        "Công khai danh sách trên phương tiện thông tin của bộ/tỉnh ít nhất 10 "
        "ngày làm việc trước khi Hội đồng họp",
        citation,
        "≥ 10 ngày làm việc",
    )


def hcld3_individual(
    *,
    criterion: Citation,
    next_proposal: Citation,
    publication: Citation | None = None,
) -> RuleDef:
    """Old NĐ 91/2017 Art 24: a Bằng khen TTg + ≥ 5 following consecutive years of
    HTXS with 2 initiatives of bộ/tỉnh-wide effect (review years to 2023, and after
    through :func:`hcld3_individual_2022` where an agency keeps the old practice)."""

    def build(policy: Policy) -> CompiledRule:
        extra = () if publication is None else (_publication(publication),)
        specs = (
            _bk_ttg_held(criterion),
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
            floor, previous = window_floor(h, "HCLD_3")
            held, floor = prerequisite_held(h, "BK_TTG", floor)
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
            _bk_ttg_held(criterion),
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
            _publication(publication),
        )

        check = _after_lower_class("HCLD_3", "BK_TTG", htxs=1, title="CSTDCS", times=3)
        return CompiledRule("HCLD_3", "individual", specs, check)

    return RuleDef("HCLD_3", "individual", build)


def _after_lower_class(code: str, lower: str, *, htxs: int, title: str, times: int):
    """The check of a class of the Huân chương Lao động under Luật 2022: ``lower``
    held, then 05 consecutive years or more HTT or above up to the review year, at
    least ``htxs`` of them HTXS, with ``times`` × ``title`` in them; then the next
    proposal rule and the publication (qualitative)."""
    name = NAMES[code]

    def check(h: History) -> list:
        y = h.y
        floor, previous = window_floor(h, code)
        held, floor = prerequisite_held(h, lower, floor)
        n = h.run_rating(HTT, floor)
        first = y - n + 1 if n else y
        best = sum(1 for year in range(first, y + 1) if h.rating.get(year, -1) >= HTXS)
        m = h.count_title(title, first, y) if n else 0
        window = f" ({span(first, y)})" if n else ""
        return [
            held,
            (
                n >= 5 and best >= htxs,
                f"{n} năm liên tục HTT trở lên, {best} năm HTXS{window}"
                + floor_note(floor, y - 4),
            ),
            (m >= times, f"{m} lần {SHORT_NAMES[title]}{window}"),
            next_proposal_outcome(previous, name),
            QUAL_OUTCOME,
        ]

    return check


def hcld3_collective(*, criterion: Citation) -> RuleDef:
    """No machine-checkable criteria for collectives in the sources."""
    return RuleDef(
        "HCLD_3",
        "collective",
        lambda p: qualitative_only(
            "HCLD_3",
            "collective",
            (qual(UNSET, criterion), qual(COMPLIANCE, criterion)),
        ),
    )


def hcld2_individual_2022(
    *, criterion: Citation, publication: Citation, next_proposal: Citation
) -> RuleDef:
    """Luật 2022 Art 43 (the point of the hạng Ba path): a Huân chương Lao động hạng
    Ba, then 05 consecutive years or more HTT or above, at least 02 of them HTXS, with
    01 CSTĐ bộ/tỉnh in that time."""

    def build(policy: Policy) -> CompiledRule:
        specs = (
            spec(
                "Đã được tặng Huân chương Lao động hạng Ba",
                "≥ 01 Huân chương Lao động hạng Ba",
                criterion,
            ),
            spec(
                "Sau đó có liên tục từ 05 năm trở lên được công nhận hoàn thành tốt "
                "nhiệm vụ trở lên, trong đó có từ 02 năm trở lên hoàn thành xuất sắc "
                "nhiệm vụ",
                "≥ 05 năm liên tục HTT trở lên, ≥ 02 năm HTXS",
                criterion,
            ),
            spec(
                "Trong thời gian đó có 01 lần được tặng danh hiệu Chiến sĩ thi đua bộ, "
                "ban, ngành, tỉnh",
                "≥ 01 lần CSTĐ bộ/tỉnh",
                criterion,
            ),
            next_proposal_spec(next_proposal),
            _publication(publication),
        )

        check = _after_lower_class(
            "HCLD_2", "HCLD_3", htxs=2, title="CSTD_BO_TINH", times=1
        )
        return CompiledRule("HCLD_2", "individual", specs, check)

    return RuleDef("HCLD_2", "individual", build)


def hcld1_individual_2022(
    *, criterion: Citation, publication: Citation, next_proposal: Citation
) -> RuleDef:
    """Luật 2022 Art 42: a Huân chương Lao động hạng Nhì and 05 following years; what
    those years must hold is judged by the council (every version of the Law asks
    for the lower class and five following years; the 2022 wording of the rest was
    not read, docs/legal/texts-read.md)."""

    def build(policy: Policy) -> CompiledRule:
        specs = (
            spec(
                "Đã được tặng Huân chương Lao động hạng Nhì",
                "≥ 01 Huân chương Lao động hạng Nhì",
                criterion,
            ),
            spec(
                "Có từ 05 năm trở lên tiếp theo, tính đến năm đề nghị",
                "≥ 05 năm",
                criterion,
            ),
            qual(
                "Thành tích trong thời gian đó đạt tiêu chuẩn Huân chương Lao động hạng "
                "Nhất (đánh giá, xếp loại và danh hiệu thi đua các năm)",
                criterion,
            ),
            next_proposal_spec(next_proposal),
            _publication(publication),
        )

        def check(h: History) -> list:
            y = h.y
            floor, previous = window_floor(h, "HCLD_1")
            held, floor = prerequisite_held(h, "HCLD_2", floor)
            years = y - floor + 1 if held[0] else 0
            found = f"{years} năm ({span(floor, y)})" if years > 0 else "0 năm"
            return [
                held,
                (years >= 5, found),
                QUAL_OUTCOME,
                next_proposal_outcome(previous, "Huân chương Lao động hạng Nhất"),
                QUAL_OUTCOME,
            ]

        return CompiledRule("HCLD_1", "individual", specs, check)

    return RuleDef("HCLD_1", "individual", build)
