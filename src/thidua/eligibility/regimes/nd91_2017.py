"""Luật TĐKT 2003 (sửa đổi 2013) + NĐ 91/2017/NĐ-CP + TT 12/2019/TT-BNV: review
years up to 2023 (the seed document's year).

Only parts of the old texts were seen (legal-spec.md §3 "OLD"); where the old
criteria of a form were not read, the Luật 2022 criteria are applied as a policy
default (``legacy_use_2022_criteria``) and the citation says so.
"""

from datetime import date
from fractions import Fraction

from ..catalog import PRESIDENT_FORMS
from ..council import CouncilVote
from ..criteria import (
    collective,
    commendations,
    commendations_nd91,
    orders,
    proposals,
    titles,
)
from ..policy import Policy, Quota
from ..regime import Guards, Multiple, Regime
from ..results import Citation, cite

__all__ = ["REGIME"]

LAW = "Luật TĐKT 2003 (sửa đổi 2013)"
DECREE = "NĐ 91/2017/NĐ-CP"

NEXT = cite(
    DECREE,
    tag="U",
    note="quy tắc tính thời gian đề nghị lần tiếp theo như NĐ 98/2023 Điều 30 khoản 9",
)
# Art 45 cl.8: ≥ 90 % of all council members (CSTĐ bộ/tỉnh, CSTĐ toàn quốc, Anh hùng).
VOTE = CouncilVote(Fraction(9, 10), f"{DECREE}, Điều 45, khoản 8")
COUNCIL_VOTES = {"AHLD": VOTE, "AHLLVT": VOTE, "CSTD_BO_TINH": VOTE, "CSTDTQ": VOTE}
OLD_LDTT = cite(
    "TT 02/2011/TT-BNV",
    tag="U",
    note="chưa đối chiếu NĐ 91/2017, TT 12/2019; tham số ldtt_min_service_months, "
    "ldtt_max_absent_days, ldtt_excluding_discipline",
)
# Art 24 as amended by Luật 39/2013/QH13 Art 1 cl.6 (quoted by thuvienphapluat
# Q&A pages): cl.1 LĐTT "hoàn thành tốt nhiệm vụ được giao", cl.2 CSTT.
LDTT_BASE = cite(LAW, 24, 1)
CSTT_BASE = cite(LAW, 24, 2)
LEGACY = "tiêu chí NĐ 91/2017 chưa đối chiếu; áp dụng Luật 2022 theo tham số legacy_use_2022_criteria"

RULES = (
    titles.ldtt(rating=LDTT_BASE, spirit=LDTT_BASE, old_exclusions=OLD_LDTT),
    titles.ldtt(
        code="CSTT",
        rating=CSTT_BASE,
        spirit=LDTT_BASE,
        old_exclusions=OLD_LDTT,
        armed_forces=CSTT_BASE,
    ),
    titles.cstdcs(
        title=cite(LAW, 23),
        merit=Citation(f"{LAW}, Điều 23; {DECREE}, Điều 9, khoản 3"),
        initiative_only=True,
    ),
    titles.cstd_bo_tinh(
        run=cite(DECREE, 9, 2),
        initiative=cite(
            LAW, 22, tag="U", note="sáng kiến ảnh hưởng bộ/tỉnh như Luật 2022 Điều 22"
        ),
        selection=cite(DECREE, 9, 2),
        vote=VOTE,
        next_proposal=NEXT,
    ),
    titles.cstdtq(
        run=cite(LAW, 21),
        initiative=cite(
            LAW, 21, tag="U", note="sáng kiến ảnh hưởng toàn quốc như Luật 2022 Điều 21"
        ),
        selection=cite(LAW, 21),
        vote=VOTE,
        next_proposal=NEXT,
    ),
    collective.ttldtt(
        rating=cite(LAW, 28),
        movement=cite(LAW, 28),
        share=cite(LAW, 28),
        no_discipline=cite(LAW, 28),
        solidarity=cite(LAW, 28),
        fixed_share=(Fraction(1, 2), True),
    ),
    collective.ttldxs(
        rating=cite(LAW, 27),
        movement=cite(LAW, 27),
        members=cite(LAW, 27),
        cstdcs=cite(LAW, 27),
        solidarity=cite(LAW, 27),
        no_discipline=cite(LAW, 27),
    ),
    collective.co_bo_tinh(
        lead=cite("TT 08/2017/TT-BNV", 8),
        quality=cite("TT 08/2017/TT-BNV", 8),
        solidarity=cite(LAW, 26, tag="U", note="lời văn cũ chưa thấy"),
        thematic=False,
    ),
    collective.co_cp(
        lead=cite(LAW, 25, tag="U", note=LEGACY),
        selection=cite(LAW, 25, tag="U", note=LEGACY),
        solidarity=cite(LAW, 25, tag="U", note=LEGACY),
        legacy=True,
    ),
    commendations.giay_khen(
        "individual",
        criteria=cite(DECREE, tag="U", note="tiêu chuẩn Giấy khen cũ chưa thấy"),
        compliance=cite(LAW, tag="U"),
    ),
    commendations.giay_khen(
        "collective",
        criteria=cite(DECREE, tag="U", note="tiêu chuẩn Giấy khen cũ chưa thấy"),
        compliance=cite(LAW, tag="U"),
    ),
    commendations_nd91.bk_bo_tinh_individual_nd91(
        criterion=cite(
            DECREE,
            39,
            1,
            tag="U",
            note="điểm của khoản chưa đọc được; tiêu chuẩn 02 năm HTXS + 02 sáng kiến "
            "cơ sở theo legal-update-2026 (lỗi được sửa: trước đây xét theo Luật 2022 "
            "Điều 74)",
        ),
        compliance=cite(LAW, 72),
        others=cite(DECREE, 39, 1),
        next_proposal=NEXT,
    ),
    commendations.bk_bo_tinh_collective(
        criterion=cite(
            DECREE,
            tag="U",
            note="thực tiễn cũ 02 năm liên tục HTXS (TT 06/2015/TT-BXD); tham số "
            "bk_bo_tinh_collective_htxs_years",
        ),
        next_proposal=NEXT,
    ),
    # NĐ 91/2017 Art 38 cl.1c, read in translation (docs/legal/texts-read.md §3):
    # "Bằng khen bộ/tỉnh, sau đó 05 năm liên tục HTXS, có 05 sáng kiến cơ sở".
    commendations_nd91.bk_ttg_individual_nd91(
        prerequisite=cite(DECREE, 38, 1, "c"),
        criterion=cite(DECREE, 38, 1, "c"),
        compliance=cite(DECREE, 38, 1),
        others=cite(DECREE, 38, 1, "a, b"),
        next_proposal=NEXT,
    ),
    commendations.bk_ttg_collective(
        criterion=cite(DECREE, tag="U", note="tiêu chuẩn tập thể chưa thấy"),
        next_proposal=NEXT,
    ),
    orders.hcld3_individual(criterion=cite(DECREE, 24), next_proposal=NEXT),
    orders.hcld3_collective(
        criterion=cite(DECREE, tag="U", note="tiêu chuẩn tập thể chưa thấy")
    ),
    *proposals.orders_before_2024(LAW),
)

_TITLES = cite(DECREE, 69)
ORDERS = (*PRESIDENT_FORMS, "KNC_BO_TINH")
_FORMS = cite(DECREE, 73)

REGIME = Regime(
    name="nd91_2017",
    label="Luật Thi đua, khen thưởng 2003 (sửa đổi 2005, 2013), Nghị định 91/2017/NĐ-CP",
    title="Luật TĐKT 2003 (sửa đổi 2013) + NĐ 91/2017/NĐ-CP + TT 12/2019/TT-BNV",
    basis=(
        "Luật Thi đua, khen thưởng 15/2003/QH11, sửa đổi 47/2005/QH11, 39/2013/QH13",
        "Nghị định 91/2017/NĐ-CP",
        "Thông tư 12/2019/TT-BNV (trước đó TT 08/2017/TT-BNV)",
    ),
    first_review_year=None,
    last_review_year=2023,
    valid_from=None,
    valid_to=date(2023, 12, 31),
    rules=RULES,
    guards=Guards(
        review=cite(
            DECREE,
            tag="U",
            note="nguyên tắc như NĐ 98/2023 Điều 4 khoản 4; tham số nd91_guards",
        ),
        discipline=cite(
            DECREE,
            tag="U",
            note="nguyên tắc như NĐ 98/2023 Điều 4 khoản 4; tham số nd91_guards",
        ),
        next_proposal=NEXT,
        gated=True,
    ),
    kinds_citation=cite(LAW, tag="U", note="danh mục danh hiệu cá nhân, tập thể"),
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
        "BK_TTG": Multiple(Fraction("3.5"), _FORMS),
        "BK_BO_TINH": Multiple(Fraction(1), _FORMS),
        "GIAY_KHEN": Multiple(
            Fraction("0.3"),
            cite(
                DECREE,
                73,
                note="Giấy khen của thủ trưởng cơ quan; Chủ tịch UBND xã 0,15: tham số "
                "cash_multiples",
            ),
        ),
        **{
            code: Multiple(
                None,
                cite(DECREE, tag="U", note="hệ số chưa thấy; tham số cash_multiples"),
                True,
            )
            for code in ORDERS
        },
    },
    collective_cash_factor=Multiple(Fraction(2), _FORMS),
    default_policy=Policy(
        quotas=(
            Quota(
                "CSTDCS",
                "LDTT",
                Fraction(15, 100),
                "unit",
                f"{DECREE}, Điều 9, khoản 3",
            ),
            Quota(
                "CO_CP",
                "cluster_leaders",
                Fraction(20, 100),
                "list",
                f"{DECREE}, Điều 11",
            ),
        ),
        ldtt_min_service_months=10,
        ldtt_max_absent_days=40,
        ldtt_excluding_discipline="khien_trach",
    ),
    notes=(
        "Chọn cho năm xét đến 2023 (kể cả các năm trước 2017: đây là chế độ cũ nhất "
        "được mã hoá).",
        "CSTĐCS bắt buộc có sáng kiến; tỉ lệ CSTĐCS ≤ 15 % số LĐTT của đơn vị "
        "(NĐ 91/2017 Điều 9 khoản 3) được kiểm tra trên danh sách đề nghị.",
    ),
    council_votes=COUNCIL_VOTES,
)
