"""The Huân chương line and the other forms an agency proposes (issue #16 point 2), and
their cash under NĐ 152/2025 Art 51, Art 54 (point 3)."""

from datetime import date

import pytest

from thidua.eligibility import CaseError, evaluate
from thidua.eligibility.cash import cash_award
from thidua.eligibility.catalog import (
    COLLECTIVE_CODES,
    INDIVIDUAL_CODES,
    ORDER_CODES,
    codes_for_kind,
)
from thidua.eligibility.regimes import REGIMES

from . import award, collective, person, run, team, yr

E, N = "eligible", "not_eligible"


def _hcld2_case(
    *,
    prerequisite: int = 2018,
    htxs: tuple[int, ...] = (2020, 2022),
    cstd_bo_tinh: int | None = 2022,
    kind: str = "cong_trang",
):
    years = run(2019, 2024, "HTT", "LDTT")
    for year in htxs:
        years[year] = yr("HTXS", "LDTT", "CSTDCS")
    if cstd_bo_tinh is not None:
        years[cstd_bo_tinh] = yr("HTXS", "LDTT", "CSTDCS", "CSTD_BO_TINH")
    return person(
        2024, years, awards=[award("HCLD_3", prerequisite, kind)], codes=["HCLD_2"]
    )


def _status(case, code):
    return evaluate(case).get(code)


def _rule(result):
    """The rule's own conditions, guards left out: ``[(spec, met, found)]``."""
    return [
        (spec, met, found)
        for spec, (met, found) in zip(result.specs, result.outcomes, strict=True)
    ]


def test_hcld2_hang_ba_then_five_years_two_htxs_and_one_cstd_bo_tinh():
    """Luật 2022 Art 43: "Đã được tặng HCLĐ hạng Ba và sau đó có liên tục từ 05 năm
    trở lên được công nhận hoàn thành tốt nhiệm vụ trở lên, trong thời gian đó có từ
    02 năm trở lên được công nhận hoàn thành xuất sắc nhiệm vụ và có 01 lần được tặng
    danh hiệu chiến sĩ thi đua Bộ, ban, ngành, tỉnh"."""
    result = _status(_hcld2_case(), "HCLD_2")
    assert result.status == E
    found = [found for _spec, _met, found in _rule(result)]
    assert "Huân chương Lao động hạng Ba năm 2018" in found[0]
    assert "6 năm liên tục HTT trở lên, 2 năm HTXS" in found[1]
    assert found[2].startswith("1 lần CSTĐ bộ/tỉnh")
    assert "Điều 43" in _rule(result)[0][0].citation.text


@pytest.mark.parametrize(
    "change, failing",
    [
        ({"htxs": (2022,)}, 1),  # one HTXS year only
        ({"cstd_bo_tinh": None}, 2),  # no CSTĐ bộ/tỉnh in the years
        ({"prerequisite": 2021}, 1),  # only 3 years after the hạng Ba
        ({"kind": "dot_xuat"}, 0),  # an extraordinary award is never a prerequisite
    ],
)
def test_hcld2_fails_on_each_condition(change, failing):
    result = _status(_hcld2_case(**change), "HCLD_2")
    assert result.status == N
    assert [met for _spec, met, _found in _rule(result)][failing] is False


def test_hcld1_needs_hang_nhi_and_five_following_years_the_rest_for_the_council():
    years = run(2019, 2024, "HTT", "LDTT")
    held = person(2024, years, awards=[award("HCLD_2", 2019)], codes=["HCLD_1"])
    result = _status(held, "HCLD_1")
    assert result.status == E
    assert [met for _s, met, _f in _rule(result)][:3] == [True, True, None]
    assert "5 năm (2020–2024)" in _rule(result)[1][2]
    short = person(2024, years, awards=[award("HCLD_2", 2020)], codes=["HCLD_1"])
    assert _status(short, "HCLD_1").status == N
    none = person(2024, years, codes=["HCLD_1"])
    result = _status(none, "HCLD_1")
    assert result.status == N and _rule(result)[1][2] == "0 năm"


@pytest.mark.parametrize("code", ["HCDL_3", "HCBVTQ_2", "HCCC_1", "HC_DUNG_CAM"])
def test_other_orders_are_proposals_the_conferring_level_judges(code):
    result = _status(person(2025, {2025: yr("HTXS")}, codes=[code]), code)
    assert result.status == E
    conditions = _rule(result)
    assert all(met is None for _spec, met, _found in conditions)
    assert "cấp có thẩm quyền xét" in conditions[0][0].text
    assert conditions[0][0].citation.text.startswith("Luật TĐKT 2022, Điều")


def test_individual_only_forms_are_refused_for_a_collective():
    case = collective(2025, {2025: team()}, codes=["HC_DUNG_CAM", "KNC_BO_TINH"])
    report = evaluate(case)
    assert report.get("HC_DUNG_CAM").status == N
    assert report.get("KNC_BO_TINH").status == N


def test_kinds_and_defaults():
    assert set(ORDER_CODES) <= set(INDIVIDUAL_CODES) & set(COLLECTIVE_CODES)
    assert "HCLD_2" not in codes_for_kind("individual")
    for regime in REGIMES.values():
        assert set(regime.cash) >= set(INDIVIDUAL_CODES) | set(COLLECTIVE_CODES)


def test_old_regime_lists_the_orders_as_proposals():
    case = person(2022, {2022: yr("HTXS")}, codes=["HCLD_2", "HCDL_1"])
    report = evaluate(case)
    assert report.regime == "nd91_2017"
    assert {r.status for r in report.results} == {E}


# NĐ 152/2025 Art 51 cl.1 (individual), cl.2 (collective ×2); base 2.340.000 đ to
# 30/06/2026, 2.530.000 đ from 01/07/2026; rounded up to 10.000 đ (Art 49 cl.2).
@pytest.mark.parametrize(
    "code, kind, day, amount",
    [
        ("HCLD_1", "individual", date(2025, 9, 2), 21_060_000),
        ("HCLD_2", "individual", date(2026, 9, 2), 18_980_000),
        ("HCLD_2", "collective", date(2026, 9, 2), 37_950_000),
        ("HCLD_1", "collective", date(2026, 9, 2), 45_540_000),
        ("HCDL_1", "individual", date(2025, 9, 2), 35_100_000),
        ("HCDL_2", "individual", date(2026, 9, 2), 31_630_000),
        ("HCDL_3", "individual", date(2026, 9, 2), 26_570_000),
        ("HCBVTQ_3", "individual", date(2026, 9, 2), 11_390_000),
        ("HCCC_1", "individual", date(2026, 9, 2), 22_770_000),
        ("HC_DDKDT", "individual", date(2026, 9, 2), 18_980_000),
        ("HC_DUNG_CAM", "individual", date(2025, 9, 2), 10_530_000),
        ("KNC_BO_TINH", "individual", date(2025, 9, 2), 1_410_000),
        # Households: 1,5 × the individual's amount.
        ("BK_BO_TINH", "household", date(2026, 9, 2), 5_700_000),
        ("HCLD_3", "household", date(2025, 9, 2), 15_800_000),
    ],
)
def test_cash_of_the_orders_and_households(code, kind, day, amount):
    assert cash_award(code, day, kind=kind).amount == amount


def test_household_factor_cites_the_decree_and_before_it_the_agency():
    award_ = cash_award("GIAY_KHEN", date(2025, 9, 2), kind="household")
    assert "NĐ 152/2025/NĐ-CP, Điều 54" in award_.citations
    assert "hộ gia đình = 1.5 lần cá nhân" in award_.note
    before = cash_award("GIAY_KHEN", date(2024, 9, 2), kind="household")
    assert "Theo quy chế của cơ quan" in before.citations
    assert before.amount == 1_060_000  # 0,3 × 2.340.000 × 1,5 = 1.053.000 ↑


@pytest.mark.parametrize(
    "code, kind",
    [("LDTT", "household"), ("KNC_BO_TINH", "collective"), ("HCDL_1", "household")],
)
def test_cash_refuses_a_kind_the_form_is_not_for(code, kind):
    with pytest.raises(CaseError, match="không áp dụng"):
        cash_award(code, date(2025, 9, 2), kind=kind)


# NĐ 152/2025 Art 52: Anh hùng 15,5 × (collective twice), "nhân dân" 12,5 ×, "ưu tú" 9,0 ×.
@pytest.mark.parametrize(
    "code, kind, amount",
    [
        ("AHLD", "individual", 39_220_000),  # 15,5 × 2.530.000 = 39.215.000 ↑
        ("AHLD", "collective", 78_430_000),
        ("NGND", "individual", 31_630_000),  # 12,5 × 2.530.000 = 31.625.000 ↑
        ("NGUT", "individual", 22_770_000),
        ("TTUT", "individual", 22_770_000),
        ("NNND", "individual", 31_630_000),
    ],
)
def test_cash_of_the_state_honour_titles(code, kind, amount):
    assert cash_award(code, date(2026, 9, 2), kind=kind).amount == amount


def test_state_honour_titles_are_proposals_with_the_councils_ninety_percent():
    from thidua.eligibility.regimes import council_threshold

    report = evaluate(person(2025, {2025: yr("HTXS")}, codes=["NGUT", "AHLD"]))
    assert {r.status for r in report.results} == {E}
    case = collective(2025, {2025: team()}, codes=["NGUT"])
    assert evaluate(case).get("NGUT").status == N  # for individuals only
    assert council_threshold("nd152_2025", "AHLD") is not None
