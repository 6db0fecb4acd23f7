"""Luật TĐKT 2022 + NĐ 98/2023/NĐ-CP + TT 01/2024/TT-BNV: review year 2024.

Sources and tags: legal-spec.md §3–4 and legal-spec-addendum.md §1, §4, §5.
"""

from datetime import date
from fractions import Fraction

from ..catalog import PRESIDENT_FORMS
from ..council import CouncilVote
from ..criteria import collective, commendations, orders, proposals, titles
from ..policy import Policy
from ..regime import Guards, Multiple, Regime
from ..results import Citation, cite

__all__ = ["REGIME", "LAW", "DECREE", "CIRCULAR"]

LAW = "Luật TĐKT 2022"
DECREE = "NĐ 98/2023/NĐ-CP"
CIRCULAR = "TT 01/2024/TT-BNV"

NEXT = cite(DECREE, 30, 9)
# Art 30 cl.7: agreeing votes of ≥ 90 % of all council members for Anh hùng Lao động,
# Anh hùng LLVTND, CSTĐ toàn quốc, CSTĐ bộ/tỉnh, ≥ 80 % for CSTĐCS, Cờ thi đua
# bộ/tỉnh and Cờ thi đua Chính phủ; absent members vote in writing.
VOTE_SOURCE = f"{DECREE}, Điều 30, khoản 7"
VOTE_90 = CouncilVote(Fraction(9, 10), VOTE_SOURCE)
VOTE_80 = CouncilVote(Fraction(4, 5), VOTE_SOURCE)
COUNCIL_VOTES = {
    "AHLD": VOTE_90,
    "AHLLVT": VOTE_90,
    "CSTDTQ": VOTE_90,
    "CSTD_BO_TINH": VOTE_90,
    "CSTDCS": VOTE_80,
    "CO_BO_TINH": VOTE_80,
    "CO_CP": VOTE_80,
}
COMPLIANCE_74 = cite(LAW, 74, 1)

RULES = (
    titles.ldtt(
        rating=cite(LAW, 24, 1),
        spirit=cite(LAW, 24, 1),
        service=cite(CIRCULAR, 1, 5, "d"),
        service_months=6,
    ),
    titles.ldtt(
        code="CSTT",
        rating=cite(LAW, 24, note="khoản 2, số khoản suy luận; cùng tiêu chuẩn LĐTT"),
        spirit=cite(LAW, 24, 1),
        service=cite(CIRCULAR, 1, 5, "d"),
        service_months=6,
        armed_forces=cite(LAW, 24, note="đối tượng: lực lượng vũ trang nhân dân"),
    ),
    titles.cstdcs(
        title=cite(LAW, 23, 1),
        merit=cite(LAW, 23, 2),
        initiative_only=False,
        vote=VOTE_80,
    ),
    titles.cstd_bo_tinh(
        run=cite(LAW, 22),
        initiative=cite(LAW, 22),
        selection=cite(LAW, 22),
        vote=VOTE_90,
        next_proposal=NEXT,
    ),
    titles.cstdtq(
        run=cite(LAW, 21, 1),
        initiative=cite(LAW, 21, 2),
        selection=cite(LAW, 21, 1),
        consultation=cite(DECREE, 46, 1),
        vote=VOTE_90,
        next_proposal=NEXT,
    ),
    collective.ttldtt(
        rating=cite(
            LAW, 28, 1, tag="U", note="lời văn Luật 2022 chưa thấy; như Luật 2003"
        ),
        movement=cite(LAW, 28, 1, tag="U"),
        share=cite(
            LAW,
            28,
            1,
            tag="U",
            note="lời văn Luật 2022 chưa đọc được; từ 70 % theo ba văn bản hướng dẫn "
            "(như QĐ của UBND tỉnh Bắc Ninh năm 2025); tham số ttldtt_min_share_ldtt, "
            "ttldtt_share_strict",
        ),
        no_discipline=cite(LAW, 28, 1, note="theo TT 29/2023/TT-BGDĐT và Luật 2003"),
        solidarity=cite(LAW, 28, 1, tag="U"),
    ),
    collective.ttldxs(
        rating=cite(LAW, 27, 1, "a"),
        movement=cite(LAW, 27, 1, "b"),
        members=cite(LAW, 27, 1, "c"),
        cstdcs=cite(LAW, 27, 1, "d"),
        solidarity=cite(LAW, 27, 1, "đ"),
    ),
    collective.co_bo_tinh(
        lead=cite(LAW, 26, "1, 2"),
        quality=cite(LAW, 26, 1, "a"),
        solidarity=cite(LAW, 26, 1, "b"),
        vote=VOTE_80,
    ),
    collective.co_cp(
        lead=cite(LAW, 25, "1, 2, 3"),
        selection=cite(LAW, 25, 1),
        solidarity=cite(LAW, 25, 1),
        vote=VOTE_80,
    ),
    commendations.giay_khen(
        "individual",
        criteria=cite(LAW, 75, 2, tag="V-P", note="khoản 1 chưa thấy"),
        compliance=cite(LAW, 5, 2),
    ),
    commendations.giay_khen(
        "collective",
        criteria=cite(LAW, 75, 2, tag="V-P", note="khoản 1 chưa thấy"),
        compliance=cite(LAW, 5, 2),
    ),
    commendations.bk_bo_tinh_individual(
        criterion=cite(LAW, 74, 1, "d", tag="V-P"),
        compliance=COMPLIANCE_74,
        others=cite(LAW, 74, 1, "a, b, c"),
        next_proposal=NEXT,
    ),
    commendations.bk_bo_tinh_collective(
        criterion=cite(
            LAW,
            74,
            2,
            tag="U",
            note="khoản 2 chưa thấy; tham số bk_bo_tinh_collective_htxs_years, "
            "mặc định theo thực tiễn cũ 02 năm HTXS",
        ),
        next_proposal=NEXT,
    ),
    commendations.bk_ttg_individual(
        criterion=cite(LAW, 73, 1, "b"),
        prerequisite=Citation(
            f"{LAW}, Điều 73, khoản 1, điểm b; {DECREE}, Điều 4, khoản 3"
        ),
        after_prerequisite=cite(
            LAW,
            73,
            1,
            "b",
            tag="U",
            note="“05 năm tiếp theo” Bằng khen bộ/tỉnh như NĐ 65/2014; chưa kiểm chứng "
            "với Luật 2022, tham số bk_ttg_years_after_bk_bo_tinh",
        ),
        compliance=cite(LAW, 73, 1),
        others=cite(LAW, 73, 1, "a, c"),
        next_proposal=NEXT,
    ),
    commendations.bk_ttg_collective(
        criterion=cite(
            LAW,
            73,
            tag="U",
            note="tiêu chuẩn tập thể chưa thấy; tham số bk_ttg_collective_htxs_years",
        ),
        next_proposal=NEXT,
    ),
    # Luật 2022 Art 44 cl.1e, read in translation (docs/legal/texts-read.md §3).
    orders.hcld3_individual_2022(
        criterion=cite(LAW, 44, 1, "e"),
        publication=cite(DECREE, 46, 2),
        next_proposal=NEXT,
        old_criterion=cite(
            "NĐ 91/2017/NĐ-CP",
            24,
            tag="U",
            note="tiêu chí cũ, chỉ khi cơ quan chọn tham số hcld3_use_nd91_criteria",
        ),
    ),
    orders.hcld3_collective(
        criterion=cite(LAW, 44, tag="U", note="tiêu chuẩn tập thể chưa thấy"),
    ),
    *proposals.orders_2022(LAW, publication=cite(DECREE, 46, 2), next_proposal=NEXT),
)

_TITLES = cite(DECREE, 54)
ORDERS = (*PRESIDENT_FORMS, "KNC_BO_TINH")
_UNSEEN = cite(
    DECREE,
    tag="U",
    note="hệ số chưa thấy trong NĐ 98; tham số cash_multiples, mặc định NĐ 91/2017",
)

REGIME = Regime(
    name="nd98_2023",
    label="Luật Thi đua, khen thưởng 2022, Nghị định 98/2023/NĐ-CP",
    title="Luật TĐKT 2022 + NĐ 98/2023/NĐ-CP + TT 01/2024/TT-BNV",
    basis=(
        "Luật Thi đua, khen thưởng số 06/2022/QH15 (hiệu lực 01/01/2024)",
        "Nghị định 98/2023/NĐ-CP ngày 31/12/2023 (hiệu lực 01/01/2024)",
        "Thông tư 01/2024/TT-BNV ngày 24/02/2024 (hiệu lực 15/04/2024)",
    ),
    first_review_year=2024,
    last_review_year=2024,
    valid_from=date(2024, 1, 1),
    valid_to=date(2025, 6, 30),
    rules=RULES,
    guards=Guards(
        review=cite(DECREE, 4, 4),
        discipline=cite(DECREE, 4, 4),
        next_proposal=NEXT,
    ),
    kinds_citation=cite(LAW, "19, 20"),
    cash={
        "CSTDTQ": Multiple(Fraction("4.5"), _TITLES),
        "CSTD_BO_TINH": Multiple(Fraction(3), _TITLES),
        "CSTDCS": Multiple(Fraction(1), _TITLES),
        "LDTT": Multiple(Fraction("0.3"), _TITLES),
        "CSTT": Multiple(Fraction("0.3"), _TITLES),
        "TTLDXS": Multiple(Fraction("1.5"), _TITLES),
        "TTLDTT": Multiple(Fraction("0.8"), _TITLES),
        "CO_CP": Multiple(Fraction(12), _TITLES),
        "CO_BO_TINH": Multiple(Fraction(8), _TITLES),
        "BK_TTG": Multiple(Fraction("3.5"), _UNSEEN, unverified=True),
        "BK_BO_TINH": Multiple(Fraction(1), _UNSEEN, unverified=True),
        "GIAY_KHEN": Multiple(Fraction("0.3"), _UNSEEN, unverified=True),
        # Huân chương (NĐ 98 Art 55) and Kỷ niệm chương: multiples not seen.
        **{code: Multiple(None, _UNSEEN, unverified=True) for code in ORDERS},
    },
    collective_cash_factor=Multiple(
        Fraction(2),
        cite(
            DECREE,
            tag="U",
            note="“tập thể cao hơn cá nhân”, hệ số chưa thấy; mặc định NĐ 91: 2 lần",
        ),
        unverified=True,
    ),
    # Tập thể lao động tiên tiến: at least 70 % of members LĐTT (Luật 2022 Art 28
    # cl.1 as its implementing texts restate it); Luật 2003 said more than half.
    default_policy=Policy(
        ttldtt_min_share_ldtt=Fraction(7, 10), ttldtt_share_strict=False
    ),
    rounding_citation=Citation(f"{DECREE}, nguyên tắc tính tiền thưởng"),
    notes=(
        "Chọn cho năm xét 2024.",
        "Không có tỉ lệ khống chế quốc gia (CSTĐCS, Cờ thi đua CP): để trống, do cơ "
        "quan ban hành quy định (phụ lục §4).",
        "Hội đồng Thi đua - Khen thưởng bỏ phiếu kín: CSTĐ toàn quốc, CSTĐ bộ/tỉnh từ "
        "90 %, CSTĐCS, Cờ thi đua bộ/tỉnh, Cờ thi đua Chính phủ từ 80 % tổng số thành "
        "viên Hội đồng (NĐ 98/2023/NĐ-CP Điều 30 khoản 7); tham số council_vote_shares.",
    ),
    council_votes=COUNCIL_VOTES,
)
