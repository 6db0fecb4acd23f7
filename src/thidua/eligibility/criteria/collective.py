"""Collective titles: TTLĐTT, TTLĐXS, Cờ thi đua bộ/tỉnh, Cờ thi đua Chính phủ.

Member shares are compared in exact integer arithmetic (``ldtt * 10 >= 7 *
members``), so 69 % and 70 % fall on the right sides.
"""

from fractions import Fraction

from ..catalog import RATING_RANK
from ..council import CouncilVote
from ..history import History
from ..policy import Policy
from ..results import Citation
from .base import (
    NO_DATA,
    QUAL_OUTCOME,
    QUOTA_OUTCOME,
    CompiledRule,
    RuleDef,
    percent,
    qual,
    quota_specs,
    share_text,
    spec,
    vote_spec,
)
from .titles import HTT, HTXS

__all__ = ["co_bo_tinh", "co_cp", "ttldtt", "ttldxs"]

SOLIDARITY = (
    "Nội bộ đoàn kết, gương mẫu chấp hành chủ trương, chính sách của Đảng, pháp luật "
    "của Nhà nước"
)
CLEAN = (
    "Nội bộ đoàn kết; tổ chức đảng, đoàn thể trong sạch, vững mạnh; đi đầu thực hành "
    "tiết kiệm, chống lãng phí, chống tham nhũng, tiêu cực và tệ nạn xã hội"
)
MOVEMENT = "Có phong trào thi đua thường xuyên, thiết thực, hiệu quả"
_SEVENTY = Fraction(7, 10)


def _rating(h: History, min_rank: int) -> tuple[bool, str]:
    record = h.years.get(h.y)
    if record is None or record.rating is None:
        return (False, f"{NO_DATA} (năm {h.y})")
    return (RATING_RANK[record.rating] >= min_rank, f"{record.rating} (năm {h.y})")


def _members(h: History) -> int | None:
    record = h.years.get(h.y)
    if record is None or not record.members:
        return None
    return record.members


def _count(h: History, name: str) -> int | None:
    record = h.years.get(h.y)
    return None if record is None else getattr(record, name)


def _share_outcome(
    h: History, name: str, share: Fraction, strict: bool
) -> tuple[bool, str]:
    members = _members(h)
    part = _count(h, name)
    if members is None or part is None:
        return (False, NO_DATA)
    lhs, rhs = part * share.denominator, share.numerator * members
    return (lhs > rhs if strict else lhs >= rhs, share_text(part, members))


def _completed(h: History) -> tuple[bool, str]:
    members = _members(h)
    done = _count(h, "members_completed")
    if members is None or done is None:
        return (False, NO_DATA)
    return (done == members, share_text(done, members))


def _at_least_one_cstdcs(h: History) -> tuple[bool, str]:
    n = _count(h, "members_cstdcs")
    return (False, NO_DATA) if n is None else (n >= 1, f"{n} cá nhân")


def _nobody_disciplined(h: History) -> tuple[bool, str]:
    n = _count(h, "members_disciplined")
    return (False, NO_DATA) if n is None else (n == 0, f"{n} cá nhân")


def ttldxs(
    *,
    rating: Citation,
    movement: Citation,
    members: Citation,
    cstdcs: Citation,
    solidarity: Citation,
    no_discipline: Citation | None = None,
) -> RuleDef:
    """TTLĐXS: HTXS; 100 % members complete tasks; ≥ 70 % LĐTT; ≥ 1 CSTĐCS
    (old law also: no member disciplined at cảnh cáo or above)."""

    def build(policy: Policy) -> CompiledRule:
        specs = [
            spec("Sáng tạo, vượt khó hoàn thành xuất sắc nhiệm vụ", "HTXS", rating),
            qual(MOVEMENT, movement),
            spec(
                "100 % cá nhân trong tập thể hoàn thành nhiệm vụ được giao",
                "100 %",
                members,
            ),
            spec("Có ít nhất 70 % cá nhân đạt danh hiệu LĐTT", "≥ 70 %", members),
            spec("Có cá nhân đạt danh hiệu CSTĐCS", "≥ 01 cá nhân", cstdcs),
        ]
        if no_discipline is not None:
            specs.append(
                spec(
                    "Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên",
                    "0 cá nhân",
                    no_discipline,
                )
            )
        specs.append(qual(SOLIDARITY, solidarity))
        quotas = quota_specs(policy, "TTLDXS")
        specs.extend(quotas)
        tail = [QUAL_OUTCOME, *([QUOTA_OUTCOME] * len(quotas))]

        def check(h: History) -> list:
            out = [
                _rating(h, HTXS),
                QUAL_OUTCOME,
                _completed(h),
                _share_outcome(h, "members_ldtt", _SEVENTY, strict=False),
                _at_least_one_cstdcs(h),
            ]
            if no_discipline is not None:
                out.append(_nobody_disciplined(h))
            out.extend(tail)
            return out

        return CompiledRule("TTLDXS", "collective", tuple(specs), check)

    return RuleDef("TTLDXS", "collective", build)


def ttldtt(
    *,
    rating: Citation,
    movement: Citation,
    share: Citation,
    no_discipline: Citation,
    solidarity: Citation,
    fixed_share: tuple[Fraction, bool] | None = None,
) -> RuleDef:
    """TTLĐTT: HTT+; share of LĐTT members (old law > 50 %; Luật 2022 wording not
    seen, so a policy parameter unless ``fixed_share`` is given); no member
    disciplined at cảnh cáo or above."""

    def build(policy: Policy) -> CompiledRule:
        if fixed_share is None:
            threshold, strict = policy.ttldtt_min_share_ldtt, policy.ttldtt_share_strict
        else:
            threshold, strict = fixed_share
        word, sign = ("trên", ">") if strict else ("từ", "≥")
        specs = (
            spec(
                "Hoàn thành tốt nhiệm vụ và kế hoạch được giao", "HTT trở lên", rating
            ),
            qual(MOVEMENT, movement),
            spec(
                f"Có {word} {percent(threshold)} cá nhân trong tập thể đạt danh hiệu LĐTT",
                f"{sign} {percent(threshold)}",
                share,
            ),
            spec(
                "Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên",
                "0 cá nhân",
                no_discipline,
            ),
            qual(SOLIDARITY, solidarity),
            *quota_specs(policy, "TTLDTT"),
        )
        tail = [QUOTA_OUTCOME] * (len(specs) - 5)

        def check(h: History) -> list:
            return [
                _rating(h, HTT),
                QUAL_OUTCOME,
                _share_outcome(h, "members_ldtt", threshold, strict),
                _nobody_disciplined(h),
                QUAL_OUTCOME,
                *tail,
            ]

        return CompiledRule("TTLDTT", "collective", specs, check)

    return RuleDef("TTLDTT", "collective", build)


def _lead_found(h: History) -> str:
    record = h.years.get(h.y)
    parts = []
    if record is not None and record.leads_cluster is not None:
        level = "bộ/tỉnh" if record.leads_cluster == "bo_tinh" else "Trung ương"
        parts.append(f"dẫn đầu cụm, khối do {level} tổ chức")
    if record is not None and record.movement_launcher is not None:
        who = "bộ/tỉnh" if record.movement_launcher == "bo_tinh" else "Thủ tướng"
        parts.append(
            f"dẫn đầu phong trào do {who} phát động, {record.movement_years} năm"
        )
    return "; ".join(parts) if parts else "không dẫn đầu cụm, khối hay phong trào nào"


def co_bo_tinh(
    *,
    lead: Citation,
    quality: Citation,
    solidarity: Citation,
    thematic: bool = True,
    vote: CouncilVote | None = None,
) -> RuleDef:
    """Cờ thi đua bộ/tỉnh: leads a bộ/tỉnh cluster (cl.1) or, with ``thematic``,
    a bộ/tỉnh thematic movement of ≥ 3 years at its final review (cl.2).
    ``vote``: the council's threshold where the law sets one."""

    def build(policy: Policy) -> CompiledRule:
        text = "Dẫn đầu cụm, khối thi đua do bộ, ban, ngành, tỉnh tổ chức"
        required = "dẫn đầu cụm, khối của bộ/tỉnh"
        if thematic:
            text += (
                "; hoặc dẫn đầu phong trào thi đua theo chuyên đề do bộ, ban, ngành, "
                "tỉnh phát động có thời gian từ 03 năm trở lên, khi tổng kết"
            )
            required += " hoặc phong trào chuyên đề ≥ 03 năm"
        specs = [
            spec(text, required, lead),
            qual(
                "Hoàn thành vượt các chỉ tiêu thi đua và nhiệm vụ được giao trong năm; "
                "là tập thể tiêu biểu xuất sắc của bộ, ban, ngành, tỉnh",
                quality,
            ),
            qual(CLEAN, solidarity),
        ]
        if vote is not None:
            specs.append(vote_spec(policy, "CO_BO_TINH", vote))
        needs_ttldxs = policy.co_bo_tinh_requires_ttldxs
        if needs_ttldxs:
            specs.append(
                spec(
                    "Đạt danh hiệu TTLĐXS năm xét (quy định của cơ quan ban hành)",
                    "TTLĐXS",
                    Citation(
                        "Theo quy chế của cơ quan (quy định riêng của ngành, ví dụ TT "
                        "22/2023/TT-BCT, Điều 6)",
                        "V-S",
                        "tham số co_bo_tinh_requires_ttldxs",
                    ),
                )
            )

        def check(h: History) -> list:
            record = h.years.get(h.y)
            met = record is not None and (
                record.leads_cluster == "bo_tinh"
                or (
                    thematic
                    and record.movement_launcher == "bo_tinh"
                    and (record.movement_years or 0) >= 3
                )
            )
            out = [(met, _lead_found(h)), QUAL_OUTCOME, QUAL_OUTCOME]
            if vote is not None:
                out.append(QUAL_OUTCOME)
            if needs_ttldxs:
                held = h.holds("TTLDXS", h.y)
                out.append((held, "có" if held else f"chưa đạt TTLĐXS năm {h.y}"))
            return out

        return CompiledRule("CO_BO_TINH", "collective", tuple(specs), check)

    return RuleDef("CO_BO_TINH", "collective", build)


def co_cp(
    *,
    lead: Citation,
    selection: Citation,
    solidarity: Citation,
    legacy: bool = False,
    vote: CouncilVote | None = None,
) -> RuleDef:
    """Cờ thi đua Chính phủ (Luật 2022 Art 25 cl.1–3); ``vote``: the council's
    threshold where the law sets one."""

    def build(policy: Policy) -> CompiledRule:
        quotas = quota_specs(policy, "CO_CP")
        if legacy and not policy.legacy_use_2022_criteria:
            specs = (
                qual(
                    "Tiêu chuẩn theo Luật TĐKT 2003: Hội đồng xét",
                    lead,
                ),
                *quotas,
            )
            outcomes = [QUAL_OUTCOME] + [QUOTA_OUTCOME] * len(quotas)
            return CompiledRule("CO_CP", "collective", specs, lambda h: list(outcomes))
        specs = (
            spec(
                "Dẫn đầu cụm, khối thi đua do bộ, ban, ngành, tỉnh hoặc do Hội đồng Thi "
                "đua - Khen thưởng Trung ương tổ chức; hoặc dẫn đầu phong trào thi đua "
                "do Thủ tướng phát động có thời gian từ 05 năm trở lên",
                "một trong ba trường hợp",
                lead,
            ),
            qual(
                "Với tập thể dẫn đầu cụm, khối của bộ/tỉnh: tiêu biểu xuất sắc trong số các "
                "tập thể đó, hoàn thành vượt chỉ tiêu thi đua và nhiệm vụ được giao",
                selection,
            ),
            qual(CLEAN, solidarity),
            *((vote_spec(policy, "CO_CP", vote),) if vote is not None else ()),
            *quotas,
        )
        tail = [QUAL_OUTCOME] * (vote is not None) + [QUOTA_OUTCOME] * len(quotas)

        def check(h: History) -> list:
            record = h.years.get(h.y)
            met = record is not None and (
                record.leads_cluster is not None
                or (
                    record.movement_launcher == "thu_tuong"
                    and (record.movement_years or 0) >= 5
                )
            )
            return [(met, _lead_found(h)), QUAL_OUTCOME, QUAL_OUTCOME, *tail]

        return CompiledRule("CO_CP", "collective", specs, check)

    return RuleDef("CO_CP", "collective", build)
