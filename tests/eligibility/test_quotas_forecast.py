"""Quotas over candidate lists (item 5) and the next-year forecast (item 6)."""

import pytest

from thidua.eligibility import CaseError
from thidua.eligibility.forecast import forecast
from thidua.eligibility.quotas import check_quotas

from . import ini, person, yr


def listing(n_ldtt: int, n_cstdcs: int, year: int = 2023, **extra):
    candidates = [
        {
            "id": f"c{i}",
            "unit": "P1",
            "proposed": ["LDTT"] + (["CSTDCS"] if i < n_cstdcs else []),
        }
        for i in range(n_ldtt)
    ]
    return {"review_year": year, "candidates": candidates, **extra}


def rows(result, status):
    return [(r["id"], r["code"]) for r in result["candidates"] if r["status"] == status]


def test_old_cstdcs_cap_is_15_percent_of_ldtt_per_unit():
    # 13 LĐTT → 1.95 → at most 1 CSTĐCS (floor: "không quá 15 %").
    result = check_quotas(listing(13, 2))
    check = result["checks"][0]
    assert (check["base_count"], check["allowed"], check["proposed"]) == (13, 1, 2)
    assert check["exceeding"] == ["c1"]
    assert rows(result, "exceeds_quota") == [("c1", "CSTDCS")]
    reason = next(r for r in result["candidates"] if r["status"] == "exceeds_quota")[
        "reasons"
    ][0]
    assert reason.startswith(
        "Vượt tỉ lệ: đơn vị P1: 13 cá nhân đạt LĐTT, tối đa 1 CSTĐCS (15 %)"
    )
    assert "NĐ 91/2017/NĐ-CP, Điều 9, khoản 3" in reason


def test_cap_boundary_20_ldtt_allows_3():
    assert rows(check_quotas(listing(20, 3)), "exceeds_quota") == []
    assert rows(check_quotas(listing(20, 4)), "exceeds_quota") == [("c3", "CSTDCS")]


def test_priority_decides_who_exceeds():
    data = listing(13, 2)
    data["candidates"][0]["priority"] = 2
    data["candidates"][1]["priority"] = 1
    assert rows(check_quotas(data), "exceeds_quota") == [("c0", "CSTDCS")]


def test_rounding_policy_for_quotas():
    result = check_quotas(listing(13, 2), {"quota_rounding": "half_up"})
    assert result["checks"][0]["allowed"] == 2
    assert rows(result, "exceeds_quota") == []


def test_unit_count_overrides_candidate_count():
    data = listing(3, 2, units={"P1": {"LDTT": 40}})
    assert check_quotas(data)["checks"][0]["allowed"] == 6


def test_new_regime_has_no_national_cap_but_issuer_may_add_one():
    assert check_quotas(listing(13, 5, year=2024))["checks"] == []
    policy = {
        "quotas": [
            {
                "code": "CSTDCS",
                "base": "LDTT",
                "max_share": 0.1,
                "citation": "TT 151/2018/TT-BQP",
            }
        ]
    }
    result = check_quotas(listing(13, 5, year=2024), policy)
    assert result["checks"][0]["allowed"] == 1
    assert len(rows(result, "exceeds_quota")) == 4


def test_ineligible_candidates_are_reported_and_not_counted():
    data = listing(13, 2)
    data["candidates"][0]["case"] = person(
        2023, {2023: yr("HTXS")}
    )  # no initiative: old law
    data["candidates"][1]["case"] = person(
        2023, {2023: yr("HTT")}, initiatives=[ini(2023)]
    )
    result = check_quotas(data)
    assert rows(result, "not_eligible") == [("c0", "CSTDCS")]
    assert rows(result, "exceeds_quota") == []
    bad = next(r for r in result["candidates"] if r["status"] == "not_eligible")
    assert any("sáng kiến" in reason for reason in bad["reasons"])


def test_cluster_leader_cap_for_co_cp():
    data = {
        "review_year": 2023,
        "units": {"A": {"cluster_leaders": 5}, "B": {"cluster_leaders": 5}},
        "candidates": [
            {"id": x, "unit": u, "proposed": ["CO_CP"]}
            for x, u in (("a", "A"), ("b", "B"), ("c", "B"))
        ],
    }
    check = check_quotas(data)["checks"][0]
    assert (check["base_count"], check["allowed"], check["exceeding"]) == (10, 2, ["c"])


def test_bad_list_input():
    with pytest.raises(
        CaseError, match=r"^candidates\[0\]\.proposed\[0\]: \"X\" không hợp lệ$"
    ):
        check_quotas({"review_year": 2023, "candidates": [{"proposed": ["X"]}]})
    with pytest.raises(
        CaseError, match=r"^candidates\[0\]\.case\.review_year: thiếu trường bắt buộc$"
    ):
        check_quotas(
            {
                "review_year": 2023,
                "candidates": [{"proposed": ["LDTT"], "case": {"subject": {}}}],
            }
        )


def _sentences(case):
    return {item.code: item.sentence for item in forecast(case)}


def test_forecast_names_the_missing_initiative():
    case = person(
        2025,
        {
            2023: yr("HTXS", "LDTT", "CSTDCS"),
            2024: yr("HTXS", "LDTT", "CSTDCS"),
            2025: yr("HTXS"),
        },
    )
    sentences = _sentences(case)
    assert sentences["CSTD_BO_TINH"] == (
        "Năm 2026 đủ điều kiện đề nghị CSTĐ bộ/tỉnh nếu có sáng kiến được công nhận "
        "cấp bộ/tỉnh (giả định năm 2026 xếp loại HTXS)"
    )
    assert (
        sentences["LDTT"]
        == "Năm 2026 đủ điều kiện đề nghị LĐTT (giả định năm 2026 xếp loại HTXS)"
    )
    assert sentences["CSTDTQ"].startswith(
        "Năm 2026 chưa đủ điều kiện đề nghị CSTĐ toàn quốc: thiếu"
    )


def test_forecast_asks_for_a_better_rating_or_an_initiative():
    case = person(2024, {2024: yr("HTT")})
    sentences = _sentences(case)
    assert (
        sentences["CSTDCS"]
        == "Năm 2025 đủ điều kiện đề nghị CSTĐCS nếu năm 2025 hoàn thành xuất sắc nhiệm vụ"
    )
    assert "CSTT" not in sentences  # only for the armed forces


def test_forecast_under_review_is_blocked():
    items = forecast(person(2024, {2024: yr("HTXS")}, under_review=True))
    assert all(item.blocked and not item.reachable for item in items)
    assert items[0].to_dict()["sentence"].startswith("Năm 2025 chưa thể đề nghị LĐTT")


def test_forecast_for_a_collective():
    case = {
        "review_year": 2024,
        "subject": {
            "kind": "collective",
            "years": {
                "2024": {
                    "rating": "HTT",
                    "members": 10,
                    "members_completed": 10,
                    "members_ldtt": 8,
                    "members_cstdcs": 1,
                }
            },
        },
    }
    sentences = _sentences(case)
    assert (
        sentences["TTLDXS"]
        == "Năm 2025 đủ điều kiện đề nghị TTLĐXS nếu năm 2025 hoàn thành xuất sắc nhiệm vụ"
    )
