"""Cash awards: legal-spec-addendum §5.3 worked amounts, bases by date, regimes."""

from datetime import date
from fractions import Fraction

import pytest

from thidua.eligibility import CaseError, Policy
from thidua.eligibility.cash import base_salary_on, cash_award, round_amount

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
    award = cash_award("HCLD_3", date(2025, 8, 1))
    assert award.amount is None and "cash_multiples" in award.note
    policy = Policy(cash_multiples=(("HCLD_3", Fraction("4.5")),))
    award = cash_award("HCLD_3", date(2025, 8, 1), policy=policy)
    assert award.amount == 10_530_000
    assert award.citations[0] == "Tham số chính sách cash_multiples"


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
