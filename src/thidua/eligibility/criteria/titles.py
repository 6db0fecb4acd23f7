"""Individual emulation titles: LĐTT/CSTT, CSTĐCS, CSTĐ bộ/tỉnh, CSTĐ toàn quốc.

Each builder takes the citations of one regime; numbers the law fixes are
builder arguments, numbers the law leaves open come from the policy.
"""

from ..catalog import DISCIPLINE_FORMS, DISCIPLINE_NAMES, RATING_RANK
from ..council import CouncilVote
from ..history import History, months_in_year
from ..policy import Policy
from ..results import Citation
from .base import (
    NO_DATA,
    QUAL_OUTCOME,
    QUOTA_OUTCOME,
    CompiledRule,
    RuleDef,
    floor_note,
    next_proposal_outcome,
    next_proposal_spec,
    qual,
    quota_specs,
    span,
    spec,
    vote_spec,
)

__all__ = ["cstd_bo_tinh", "cstdcs", "cstdtq", "ldtt"]

HTT = RATING_RANK["HTT"]
HTXS = RATING_RANK["HTXS"]
BO_TINH = 2
TOAN_QUOC = 3


def _rating_outcome(h: History, min_rank: int) -> tuple[bool, str]:
    record = h.years.get(h.y)
    rating = record.rating if record is not None else None
    if rating is None:
        return (False, f"{NO_DATA} (năm {h.y})")
    return (RATING_RANK[rating] >= min_rank, f"{rating} (năm {h.y})")


def ldtt(
    *,
    code: str = "LDTT",
    rating: Citation,
    spirit: Citation,
    service: Citation | None = None,
    service_months: int | None = None,
    old_exclusions: Citation | None = None,
    armed_forces: Citation | None = None,
) -> RuleDef:
    """LĐTT (``code="LDTT"``) or CSTT (``code="CSTT"``, with ``armed_forces``).

    ``service_months`` is a verified exclusion (TT 01/2024 Art 1 cl.5d); the old
    regime's exclusions (``old_exclusions``) are [U] and read from the policy.
    """

    def build(policy: Policy) -> CompiledRule:
        months, months_cite = service_months, service
        absent = worst = None
        if old_exclusions is not None:
            months, months_cite = policy.ldtt_min_service_months, old_exclusions
            absent = policy.ldtt_max_absent_days
            worst = policy.ldtt_excluding_discipline
        specs = []
        if armed_forces is not None:
            specs.append(
                spec(
                    "Thuộc lực lượng vũ trang nhân dân (Quân đội, Công an, dân quân "
                    "thường trực, cơ động)",
                    "có",
                    armed_forces,
                )
            )
        specs.append(
            spec(
                "Hoàn thành tốt nhiệm vụ trở lên trong năm xét",
                "HTT hoặc HTXS",
                rating,
            )
        )
        specs.append(
            qual(
                "Có tinh thần tự lực, tự cường; đoàn kết, tương trợ, tích cực tham gia "
                "phong trào thi đua",
                spirit,
            )
        )
        if months is not None:
            specs.append(
                spec(
                    f"Không xét cá nhân mới tuyển dụng dưới {months} tháng",
                    f"≥ {months} tháng công tác trong năm",
                    months_cite or rating,
                )
            )
        if absent is not None:
            specs.append(
                spec(
                    f"Không xét cá nhân nghỉ việc từ {absent} ngày làm việc trở lên",
                    f"< {absent} ngày",
                    old_exclusions or rating,
                )
            )
        worst_rank = DISCIPLINE_FORMS.get(worst or "", 0)
        if worst:
            specs.append(
                spec(
                    f"Không bị kỷ luật từ hình thức {DISCIPLINE_NAMES[worst]} trở lên "
                    "trong năm",
                    "không",
                    old_exclusions or rating,
                )
            )
        if old_exclusions is not None:
            specs.append(
                qual(
                    "Không bị xử phạt vi phạm hành chính trong năm",
                    old_exclusions,
                    "không",
                )
            )

        # LĐTT and CSTT share every row but "armed forces": the rows are computed
        # once per subject and kept in the history's memo under this key.
        memo_key = ("ldtt", months, absent, worst, old_exclusions is not None)

        def core(h: History) -> list:
            rows = h.memo.get(memo_key)
            if rows is not None:
                return rows
            y = h.y
            rows = [_rating_outcome(h, HTT), QUAL_OUTCOME]
            if months is not None:
                recruited = h.subject.recruited_on
                if recruited is None:
                    rows.append((None, NO_DATA))
                else:
                    m = months_in_year(recruited, y)
                    rows.append(
                        (m >= months, f"{m} tháng (tuyển dụng {recruited.isoformat()})")
                    )
            if absent is not None:
                record = h.years.get(y)
                days = record.absent_days if record is not None else None
                rows.append(
                    (None, NO_DATA) if days is None else (days < absent, f"{days} ngày")
                )
            if worst:
                rows.append(_discipline_in_year(h, worst_rank))
            if old_exclusions is not None:
                rows.append(QUAL_OUTCOME)
            h.memo[memo_key] = rows
            return rows

        if armed_forces is None:
            check = core
        else:

            def check(h: History) -> list:
                armed = (
                    (True, "có")
                    if h.subject.armed_forces
                    else (False, "không thuộc lực lượng vũ trang")
                )
                return [armed, *core(h)]

        return CompiledRule(code, "individual", tuple(specs), check)

    return RuleDef(code, "individual", build)


def _discipline_in_year(h: History, worst_rank: int) -> tuple[bool, str]:
    y = h.y
    for d in h.subject.discipline:
        if DISCIPLINE_FORMS[d.form] < worst_rank:
            continue
        if d.start.year <= y and (d.end is None or d.end.year >= y):
            return (False, f"{DISCIPLINE_NAMES[d.form]} từ {d.start.isoformat()}")
    return (True, "không")


def cstdcs(
    *,
    title: Citation,
    merit: Citation,
    initiative_only: bool,
    vote: CouncilVote | None = None,
    amended_2026: bool = False,
) -> RuleDef:
    """CSTĐCS. Luật 2022 Art 23: LĐTT/CSTT and (HTXS or a recognised initiative);
    old law (``initiative_only``): LĐTT/CSTT and an initiative. ``vote``: the
    council's threshold where the law sets one (NĐ 98/2023 Art 30 cl.7)."""

    def build(policy: Policy) -> CompiledRule:
        # The 2026 amendment as reported (HTXS *and* an initiative), where an admin
        # turned it on; the regimes before it never apply it.
        both = amended_2026 and policy.law2026_cstdcs_htxs_and_initiative
        if both:
            merit_spec = spec(
                "Hoàn thành xuất sắc nhiệm vụ và có sáng kiến được cơ sở công nhận (hoặc "
                "đề tài, đề án, công trình khoa học và công nghệ đã nghiệm thu, hoặc mưu "
                "trí, sáng tạo trong chiến đấu)",
                "HTXS và ≥ 01 sáng kiến được công nhận trong năm xét",
                merit,
            )
        elif initiative_only:
            merit_spec = spec(
                "Có sáng kiến được cơ sở công nhận, hoặc đề tài nghiên cứu khoa học đã "
                "nghiệm thu và được áp dụng, hoặc mưu trí, sáng tạo trong chiến đấu, "
                "phục vụ chiến đấu",
                "≥ 01 sáng kiến được công nhận trong năm xét",
                merit,
            )
        else:
            merit_spec = spec(
                "Hoàn thành xuất sắc nhiệm vụ, hoặc có sáng kiến được cơ sở công nhận, "
                "hoặc đề tài, đề án, công trình khoa học và công nghệ đã nghiệm thu, "
                "hoặc mưu trí, sáng tạo trong chiến đấu, phục vụ chiến đấu",
                "HTXS hoặc ≥ 01 sáng kiến được công nhận trong năm xét",
                merit,
            )
        quotas = quota_specs(policy, "CSTDCS")
        specs = (
            spec("Đạt danh hiệu LĐTT hoặc CSTT năm xét", "LĐTT hoặc CSTT", title),
            merit_spec,
            *((vote_spec(policy, "CSTDCS", vote),) if vote is not None else ()),
            *quotas,
        )
        tail = [QUAL_OUTCOME] * (vote is not None) + [QUOTA_OUTCOME] * len(quotas)

        def check(h: History) -> list:
            y = h.y
            if h.holds("LDTT", y):
                held = (True, "LĐTT" + _source(h, "LDTT"))
            elif h.holds("CSTT", y):
                held = (True, "CSTT" + _source(h, "CSTT"))
            else:
                held = (False, f"chưa đạt LĐTT/CSTT năm {y}")
            n = h.count_initiatives(y, y, 1)
            record = h.years.get(y)
            rating = record.rating if record is not None else None
            if both:
                merit_out = (
                    rating == "HTXS" and n >= 1,
                    f"{rating or 'chưa xếp loại'}, {n} sáng kiến năm {y}",
                )
            elif initiative_only:
                merit_out = (n >= 1, f"{n} sáng kiến năm {y}")
            else:
                merit_out = (
                    rating == "HTXS" or n >= 1,
                    f"{rating or 'chưa xếp loại'}, {n} sáng kiến năm {y}",
                )
            return [held, merit_out, *tail]

        return CompiledRule("CSTDCS", "individual", specs, check)

    return RuleDef("CSTDCS", "individual", build)


def _source(h: History, code: str) -> str:
    years = h.title_years.get(code)
    if years is not None and h.y in years:
        return " (đã công nhận)"
    return " (đủ điều kiện theo kết quả xét)"


def cstd_bo_tinh(
    *,
    run: Citation,
    initiative: Citation,
    selection: Citation,
    vote: CouncilVote | None,
    next_proposal: Citation,
) -> RuleDef:
    """CSTĐ bộ/tỉnh: 3 consecutive CSTĐCS + initiative with bộ/tỉnh-wide effect."""

    def build(policy: Policy) -> CompiledRule:
        quotas = quota_specs(policy, "CSTD_BO_TINH")
        specs = (
            spec(
                "Có 03 lần liên tục đạt danh hiệu CSTĐCS, tính đến năm xét",
                "03 năm liên tục",
                run,
            ),
            spec(
                "Có sáng kiến (hoặc đề tài, đề án, công trình KH&CN, mưu trí sáng tạo "
                "trong chiến đấu) có hiệu quả, khả năng nhân rộng trong phạm vi bộ, "
                "ban, ngành, tỉnh, trong thời gian 03 năm đó",
                "≥ 01 sáng kiến cấp bộ/tỉnh trở lên",
                initiative,
            ),
            next_proposal_spec(next_proposal),
            qual(
                "Tiêu biểu xuất sắc, được lựa chọn trong số những cá nhân có 03 lần liên "
                "tục đạt danh hiệu CSTĐCS",
                selection,
            ),
            vote_spec(policy, "CSTD_BO_TINH", vote),
            *quotas,
        )
        tail = [QUAL_OUTCOME, QUAL_OUTCOME, *([QUOTA_OUTCOME] * len(quotas))]

        def check(h: History) -> list:
            y = h.y
            previous = h.previous_title("CSTD_BO_TINH")
            floor = h.floor
            if previous is not None and previous + 1 > floor:
                floor = previous + 1
            n = h.run_title("CSTDCS", floor)
            first = max(y - 2, floor)
            k = h.count_initiatives(first, y, BO_TINH)
            return [
                (
                    n >= 3,
                    f"{n} năm liên tục"
                    + (f" ({span(y - n + 1, y)})" if n else "")
                    + floor_note(floor, y - 2),
                ),
                (k >= 1, f"{k} sáng kiến cấp bộ/tỉnh trở lên ({span(first, y)})"),
                next_proposal_outcome(previous, "danh hiệu CSTĐ bộ/tỉnh"),
                *tail,
            ]

        return CompiledRule("CSTD_BO_TINH", "individual", specs, check)

    return RuleDef("CSTD_BO_TINH", "individual", build)


def cstdtq(
    *,
    run: Citation,
    initiative: Citation,
    selection: Citation,
    vote: CouncilVote | None,
    next_proposal: Citation,
    consultation: Citation | None = None,
) -> RuleDef:
    """CSTĐ toàn quốc: 2 consecutive CSTĐ bộ/tỉnh (6 years) + national initiative."""

    def build(policy: Policy) -> CompiledRule:
        specs = [
            spec(
                "Có 02 lần liên tục đạt danh hiệu CSTĐ bộ, ban, ngành, tỉnh (06 năm), "
                "lần sau là năm xét",
                "02 lần liên tục (năm xét và 03 năm trước)",
                run,
            ),
            spec(
                "Có sáng kiến (hoặc đề tài, đề án, công trình KH&CN, mưu trí sáng tạo "
                "trong chiến đấu) có hiệu quả, khả năng nhân rộng trong phạm vi toàn "
                "quốc, trong thời gian 06 năm đó",
                "≥ 01 sáng kiến phạm vi toàn quốc",
                initiative,
            ),
            next_proposal_spec(next_proposal),
            qual(
                "Tiêu biểu xuất sắc, được lựa chọn trong số những cá nhân có 02 lần liên "
                "tục đạt danh hiệu CSTĐ bộ, ban, ngành, tỉnh",
                selection,
            ),
        ]
        if consultation is not None:
            specs.append(
                qual(
                    "Lấy ý kiến Nhân dân trên cổng thông tin điện tử 10 ngày làm việc",
                    consultation,
                    "10 ngày làm việc",
                )
            )
        specs.append(vote_spec(policy, "CSTDTQ", vote))
        tail = [QUAL_OUTCOME] * (len(specs) - 3)

        def check(h: History) -> list:
            y = h.y
            previous = h.previous_title("CSTDTQ")
            floor = h.floor
            if previous is not None and previous + 1 > floor:
                floor = previous + 1
            now = y >= floor and h.holds("CSTD_BO_TINH", y)
            earlier = y - 5 >= floor and (y - 3) in h.title_years.get(
                "CSTD_BO_TINH", ()
            )
            first = max(y - 5, floor)
            k = h.count_initiatives(first, y, TOAN_QUOC)
            return [
                (
                    now and earlier,
                    f"năm {y - 3}: {'có' if earlier else 'không'}; "
                    f"năm {y}: {'có' if now else 'không'}" + floor_note(floor, y - 5),
                ),
                (k >= 1, f"{k} sáng kiến phạm vi toàn quốc ({span(first, y)})"),
                next_proposal_outcome(previous, "danh hiệu CSTĐ toàn quốc"),
                *tail,
            ]

        return CompiledRule("CSTDTQ", "individual", tuple(specs), check)

    return RuleDef("CSTDTQ", "individual", build)
