"""Cash awards: legal-spec-addendum §5.3 worked amounts, bases by date, regimes."""

from datetime import date
from fractions import Fraction

import pytest

from thidua.eligibility import CaseError, Policy
from thidua.eligibility.cash import (
    base_salary_on,
    cash_award,
    round_amount,
    same_period_unpaid,
)

BASES = {
    1_490_000: date(2019, 7, 1),
    1_800_000: date(2023, 7, 1),
    2_340_000: date(2024, 7, 1),
    2_530_000: date(2026, 7, 1),
}
# Addendum §5.3 (ceiling rule). The 1.49 M column uses the 2024+ multiples "for
# comparison only", so every row is computed with the nd98_2023 multiples, except
# Bằng khen TTg, whose 3.5 is verified for NĐ 152/2025 (and NĐ 91/2017).
WORKED = [
    (
        "CSTDTQ",
        "individual",
        "nd98_2023",
        (6_710_000, 8_100_000, 10_530_000, 11_390_000),
    ),
    (
        "CSTD_BO_TINH",
        "individual",
        "nd98_2023",
        (4_470_000, 5_400_000, 7_020_000, 7_590_000),
    ),
    ("CSTDCS", "individual", "nd98_2023", (1_490_000, 1_800_000, 2_340_000, 2_530_000)),
    ("LDTT", "individual", "nd98_2023", (450_000, 540_000, 710_000, 760_000)),
    ("CSTT", "individual", "nd98_2023", (450_000, 540_000, 710_000, 760_000)),
    ("TTLDXS", "collective", "nd98_2023", (2_240_000, 2_700_000, 3_510_000, 3_800_000)),
    ("TTLDTT", "collective", "nd98_2023", (1_200_000, 1_440_000, 1_880_000, 2_030_000)),
    (
        "CO_CP",
        "collective",
        "nd98_2023",
        (17_880_000, 21_600_000, 28_080_000, 30_360_000),
    ),
    (
        "CO_BO_TINH",
        "collective",
        "nd98_2023",
        (11_920_000, 14_400_000, 18_720_000, 20_240_000),
    ),
    (
        "BK_TTG",
        "individual",
        "nd152_2025",
        (5_220_000, 6_300_000, 8_190_000, 8_860_000),
    ),
]


@pytest.mark.parametrize(
    ("code", "kind", "regime", "amounts"), WORKED, ids=[w[0] for w in WORKED]
)
def test_addendum_worked_amounts(code, kind, regime, amounts):
    got = tuple(
        cash_award(code, day, kind=kind, regime=regime).amount for day in BASES.values()
    )
    assert got == amounts


def test_base_salary_in_force_on_the_decision_date():
    assert base_salary_on(date(2019, 6, 30)).amount == 1_390_000
    assert base_salary_on(date(2019, 7, 1)).amount == 1_490_000
    assert base_salary_on(date(2023, 6, 30)).amount == 1_490_000
    assert base_salary_on(date(2023, 7, 1)).amount == 1_800_000
    assert base_salary_on(date(2024, 6, 30)).amount == 1_800_000
    assert base_salary_on(date(2024, 7, 1)).amount == 2_340_000
    assert base_salary_on(date(2026, 1, 1)).amount == 2_340_000  # no change in 2025
    assert base_salary_on(date(2026, 6, 30)).amount == 2_340_000
    assert base_salary_on(date(2026, 7, 1)).amount == 2_530_000
    with pytest.raises(CaseError, match="chưa có dữ liệu mức lương cơ sở"):
        base_salary_on(date(2018, 6, 30))


def test_regime_of_the_decision_date_sets_the_multiple():
    # Bằng khen bộ/tỉnh: 1.0 under NĐ 91 (and as the NĐ 98 policy default), 1.5 under NĐ 152.
    assert cash_award("BK_BO_TINH", date(2023, 12, 31)).regime == "nd91_2017"
    assert cash_award("BK_BO_TINH", date(2023, 12, 31)).amount == 1_800_000
    assert cash_award("BK_BO_TINH", date(2025, 6, 30)).regime == "nd98_2023"
    assert cash_award("BK_BO_TINH", date(2025, 6, 30)).amount == 2_340_000
    assert cash_award("BK_BO_TINH", date(2025, 7, 1)).regime == "nd152_2025"
    assert cash_award("BK_BO_TINH", date(2025, 7, 1)).amount == 3_510_000


def test_collective_bang_khen_is_twice_the_individual():
    one = cash_award("BK_TTG", date(2024, 3, 1), regime="nd91_2017")
    team = cash_award("BK_TTG", date(2024, 3, 1), regime="nd91_2017", kind="collective")
    assert team.amount == 2 * one.amount == 12_600_000


def test_unverified_multiple_is_a_policy_parameter():
    # NĐ 98/2023 (decisions to 30/06/2025): the HCLĐ multiple was not read.
    award = cash_award("HCLD_3", date(2025, 3, 1))
    assert award.amount is None and "cash_multiples" in award.note
    assert award.basis_text == ""
    policy = Policy(cash_multiples=(("HCLD_3", Fraction("4.5")),))
    award = cash_award("HCLD_3", date(2025, 3, 1), policy=policy)
    assert award.amount == 10_530_000
    assert award.citations[0] == "Theo quy chế của cơ quan"


# NĐ 152/2025 (docs/legal/texts-read.md §2.5–2.8), decided on 01/08/2025 (2.340.000 đ)
# and 01/08/2026 (2.530.000 đ, NĐ 161/2026): (code, kind, amounts, citation).
ND152 = [
    ("CSTDTQ", "individual", (10_530_000, 11_390_000), "Điều 50, khoản 1, điểm a"),
    ("CSTD_BO_TINH", "individual", (7_020_000, 7_590_000), "Điều 50, khoản 1, điểm b"),
    ("CSTDCS", "individual", (2_340_000, 2_530_000), "Điều 50, khoản 1, điểm c"),
    ("LDTT", "individual", (710_000, 760_000), "Điều 50, khoản 1, điểm d"),
    ("TTLDXS", "collective", (3_510_000, 3_800_000), "Điều 50, khoản 2, điểm a"),
    ("TTLDTT", "collective", (1_880_000, 2_030_000), "Điều 50, khoản 2, điểm b"),
    ("CO_CP", "collective", (28_080_000, 30_360_000), "Điều 50, khoản 2, điểm đ"),
    ("CO_BO_TINH", "collective", (18_720_000, 20_240_000), "Điều 50, khoản 2, điểm e"),
    # "Huân chương “Lao động” hạng Ba ...: 4,5 lần mức lương cơ sở" (Đ51 k1 h);
    # a collective twice (Đ51 k2): 10.530.000 / 11.385.000 → 11.390.000 đ.
    ("HCLD_3", "individual", (10_530_000, 11_390_000), "Điều 51, khoản 1, điểm h"),
    ("HCLD_3", "collective", (21_060_000, 22_770_000), "Điều 51, khoản 1, điểm h"),
    ("BK_TTG", "individual", (8_190_000, 8_860_000), "Điều 54, khoản 1"),
    ("BK_TTG", "collective", (16_380_000, 17_710_000), "Điều 54, khoản 1"),
    ("BK_BO_TINH", "individual", (3_510_000, 3_800_000), "Điều 54, khoản 1"),
    ("BK_BO_TINH", "collective", (7_020_000, 7_590_000), "Điều 54, khoản 1"),
    ("GIAY_KHEN", "individual", (710_000, 760_000), "Điều 54, khoản 1"),
    ("GIAY_KHEN", "collective", (1_410_000, 1_520_000), "Điều 54, khoản 1"),
]


@pytest.mark.parametrize(
    ("code", "kind", "amounts", "article"),
    ND152,
    ids=[f"{c}-{k}" for c, k, *_ in ND152],
)
def test_nd152_cash_table_is_complete(code, kind, amounts, article):
    got = [
        cash_award(code, day, kind=kind) for day in (date(2025, 8, 1), date(2026, 8, 1))
    ]
    assert tuple(a.amount for a in got) == amounts
    assert all(a.regime == "nd152_2025" and not a.note.startswith("chưa") for a in got)
    assert got[0].citations[0] == f"NĐ 152/2025/NĐ-CP, {article}"
    assert got[1].citations[-1] == "NĐ 152/2025/NĐ-CP, Điều 49, khoản 2"
    if kind == "collective" and code in ("HCLD_3", "BK_TTG", "BK_BO_TINH", "GIAY_KHEN"):
        assert (
            "Điều 51, khoản 2; Điều 52, khoản 2; Điều 54, khoản 2"
            in got[0].citations[1]
        )


def test_the_basis_is_printed_in_vietnamese_numbers():
    award = cash_award("BK_BO_TINH", date(2025, 8, 1))
    assert award.basis_text == "1,5 × 2.340.000 đ (NĐ 73/2024/NĐ-CP)"
    award = cash_award("CSTDCS", date(2026, 7, 1))
    assert award.basis_text == "1 × 2.530.000 đ (NĐ 161/2026/NĐ-CP, Điều 3, khoản 2)"


def test_several_titles_of_one_period_pay_only_the_highest():
    """NĐ 152/2025 Đ49 k5: "cùng thời gian được tính ... thì được nhận tiền thưởng danh
    hiệu thi đua cao nhất"; different periods and forms are each paid (k5, k6, k7)."""
    day = date(2025, 12, 20)
    ldtt, cstdcs = cash_award("LDTT", day), cash_award("CSTDCS", day)
    bk = cash_award("BK_BO_TINH", day)
    entries = [
        ("an", 2025, ldtt),
        ("an", 2025, cstdcs),  # same person, same year: only this one is paid
        ("an", 2025, bk),  # a form as well: paid (k7)
        ("an", 2024, ldtt),  # another year: paid
        ("binh", 2025, ldtt),
        ("chi", 2025, cstdcs),
        ("chi", 2025, ldtt),  # the lower one after the higher
    ]
    unpaid = same_period_unpaid(entries)
    assert set(unpaid) == {0, 6}
    assert "NĐ 152/2025/NĐ-CP, Điều 49, khoản 5" in unpaid[0]
    # Under NĐ 98/2023 (decided before 01/07/2025) each title is paid.
    old = date(2025, 3, 1)
    assert (
        same_period_unpaid(
            [
                ("an", 2024, cash_award("LDTT", old)),
                ("an", 2024, cash_award("CSTDCS", old)),
            ]
        )
        == {}
    )


def test_rounding_policy():
    nearest = Policy(cash_rounding="nearest")
    none = Policy(cash_rounding="none")
    # 0.15 × 1,490,000 = 223,500: Giấy khen of a commune chair under NĐ 91 (addendum §5.2).
    commune = Policy(cash_multiples=(("GIAY_KHEN", Fraction("0.15")),))
    day = date(2020, 1, 1)
    assert cash_award("GIAY_KHEN", day, policy=commune).amount == 230_000
    assert (
        cash_award(
            "GIAY_KHEN",
            day,
            policy=commune.with_overrides({"cash_rounding": "nearest"}),
        ).amount
        == 220_000
    )
    assert cash_award("LDTT", day, policy=nearest).amount == 450_000
    assert cash_award("LDTT", day, policy=none).amount == 447_000
    assert round_amount(Fraction(1_440_000)) == 1_440_000  # exact, no float drift


def test_kind_mismatch_is_bad_input():
    with pytest.raises(CaseError, match="collective"):
        cash_award("LDTT", date(2024, 8, 1), kind="collective")
    with pytest.raises(CaseError, match="individual"):
        cash_award("TTLDXS", date(2024, 8, 1))
