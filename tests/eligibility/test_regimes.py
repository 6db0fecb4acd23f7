"""Regimes as data: choice by year, citations, carry-over to NĐ 152/2025, catalog coverage."""

import pytest

from thidua.eligibility import (
    REGIMES,
    CaseError,
    Engine,
    Policy,
    check_case,
    evaluate,
    select_regime,
)
from thidua.eligibility.catalog import COLLECTIVE_CODES, INDIVIDUAL_CODES
from thidua.eligibility.explain import explain
from thidua.eligibility.render import explain_text

from . import ini, person, yr

ISSUE_EXAMPLE = {
    "review_year": 2024,
    "regime": "nd98_2023",
    "codes": ["CSTDCS", "BK_BO_TINH"],
    "subject": {
        "kind": "individual",
        "recruited_on": "2015-08-01",
        "years": {
            "2023": {"rating": "HTXS", "titles": ["LDTT", "CSTDCS"]},
            "2024": {"rating": "HTXS", "titles": ["LDTT"]},
        },
        "initiatives": [{"year": 2024, "scope": "co_so"}],
        "awards": [
            {
                "code": "BK_BO_TINH",
                "type": "cong_trang",
                "year": 2021,
                "decision_date": "2022-03-15",
            }
        ],
        "discipline": [
            {"form": "khien_trach", "from": "2024-03-01", "to": "2025-03-01"}
        ],
        "under_review": False,
    },
}


@pytest.mark.parametrize(
    ("year", "regime"),
    [
        (1990, "nd91_2017"),
        (2023, "nd91_2017"),
        (2024, "nd98_2023"),
        (2025, "nd152_2025"),
        (2026, "luat2026"),
        (2100, "luat2026"),
    ],
)
def test_regime_from_review_year(year, regime):
    assert select_regime(year) == regime
    assert evaluate(person(year, {year: yr("HTT")})).regime == regime


def test_case_may_name_its_regime():
    report = evaluate(person(2025, {2025: yr("HTT")}, regime="nd98_2023"))
    assert report.regime == "nd98_2023"


def test_issue_example_output_shape():
    out = check_case(ISSUE_EXAMPLE)
    assert out["regime"] == "nd98_2023" and out["review_year"] == 2024
    assert [r["code"] for r in out["results"]] == ["CSTDCS", "BK_BO_TINH"]
    # The 2024 discipline (until 2025-03-01) means 2024 achievements do not count.
    assert {r["status"] for r in out["results"]} == {"not_eligible"}
    g2 = out["results"][0]["conditions"][1]
    assert g2 == {
        "text": "Thành tích chỉ được tính từ khi hết thời hạn kỷ luật",
        "required": "năm xét sau thời hạn kỷ luật",
        "found": "kỷ luật khiển trách đến 2025-03-01: thành tích tính từ năm 2026",
        "met": False,
        "citation": "NĐ 98/2023/NĐ-CP, Điều 4, khoản 4",
    }
    without = {
        **ISSUE_EXAMPLE,
        "subject": {**ISSUE_EXAMPLE["subject"], "discipline": []},
    }
    assert [r["status"] for r in check_case(without)["results"]] == [
        "eligible",
        "eligible",
    ]


def test_every_regime_covers_the_catalog():
    for regime in REGIMES.values():
        compiled = Engine().compiled(regime.name)
        assert set(compiled.rules["individual"]) == set(INDIVIDUAL_CODES), regime.name
        assert set(compiled.rules["collective"]) == set(COLLECTIVE_CODES), regime.name
        for code in {*INDIVIDUAL_CODES, *COLLECTIVE_CODES}:
            assert code in regime.cash, (regime.name, code)


def test_unverified_citations_tell_admins_not_users():
    """A citation is printed beside a verdict: no doubt marks there; what was not read
    and which setting decides is the admin note (``thidua eligibility explain``)."""
    for name in REGIMES:
        compiled = Engine().compiled(name)
        for rules in compiled.rules.values():
            for rule in rules.values():
                for spec in rule.specs:
                    where = (name, rule.code, spec.text)
                    for word in ("chưa", "tham số", "[U]", "suy luận", "nguyên văn"):
                        assert word not in spec.citation.text, where
                    if spec.citation.tag == "U":
                        assert spec.citation.note, where


def test_nd152_carries_nd98_rules_with_a_note():
    nd98 = Engine().compiled("nd98_2023").rules["individual"]["LDTT"].specs
    nd152 = Engine().compiled("nd152_2025").rules["individual"]["LDTT"].specs
    assert [s.text for s in nd98] == [s.text for s in nd152]
    service = nd152[-1].citation
    assert service.text == "TT 01/2024/TT-BNV, Điều 1, khoản 5, điểm d"
    assert "chưa đối chiếu NĐ 152/2025" in service.note
    assert nd152[0].citation.text == "Luật TĐKT 2022, Điều 24, khoản 1"
    assert nd98[0].citation.text == "Luật TĐKT 2022, Điều 24, khoản 1"
    assert nd98[0].citation.note == ""
    consultation = [
        s.citation
        for s in Engine().compiled("nd152_2025").rules["individual"]["CSTDTQ"].specs
        if s.text.startswith("Lấy ý kiến")
    ]
    assert [c.text for c in consultation] == ["NĐ 98/2023/NĐ-CP, Điều 46, khoản 1"]
    assert "Điều 60 khoản 3" in consultation[0].note


def test_review_year_title_from_input_or_verdict():
    listed = evaluate(
        person(2024, {2024: yr("HTXS", "LDTT")}, codes=["CSTDCS"])
    ).results[0]
    derived = evaluate(person(2024, {2024: yr("HTXS")}, codes=["CSTDCS"])).results[0]
    assert listed.outcomes[0] == (True, "LĐTT (đã công nhận)")
    assert derived.outcomes[0] == (True, "LĐTT (đủ điều kiện theo kết quả xét)")


def test_qualitative_conditions_do_not_change_status():
    result = evaluate(person(2024, {2024: yr("KHT")}, codes=["GIAY_KHEN"])).results[0]
    assert result.status == "eligible"
    assert {met for _, met, _ in result.conditions()} == {None}


def test_old_regime_lists_the_quota_and_vote_as_council_checks():
    result = evaluate(
        person(2023, {2023: yr("HTXS")}, initiatives=[ini(2023)], codes=["CSTDCS"])
    ).results[0]
    quota = result.specs[-1]
    assert quota.qualitative and quota.required == "≤ 15 % số cá nhân đạt LĐTT"
    assert quota.citation.text == "NĐ 91/2017/NĐ-CP, Điều 9, khoản 3"
    tinh = evaluate(person(2023, {2023: yr("HTXS")}, codes=["CSTD_BO_TINH"])).results[0]
    vote = [s for s in tinh.specs if s.text.startswith("Hội đồng")][0]
    assert vote.required == "≥ 90 % tổng số thành viên"


def test_full_policy_object_applies_to_every_regime():
    engine = Engine(Policy(council_vote_share=None, giay_khen_min_rating="HTXS"))
    for year in (2023, 2024, 2025):
        result = engine.check(
            person(year, {year: yr("HTT")}, codes=["GIAY_KHEN"])
        ).results[0]
        assert result.status == "not_eligible"


def test_explain_lists_tags_and_cash():
    data = explain("BK_BO_TINH", "nd152_2025")
    (regime,) = data["regimes"]
    assert regime["cash"] == {
        "multiple": 1.5,
        "citation": "NĐ 152/2025/NĐ-CP, Điều 54, khoản 1",
        "unverified": False,
        "note": "",
    }
    kinds = [r["kind"] for r in regime["rules"]]
    assert kinds == ["individual", "collective"]
    assert regime["council_vote"] is None  # Bằng khen: the council's quy chế decides
    first = regime["rules"][0]["conditions"][0]
    assert (first["citation"], first["tag"], first["note"]) == (
        "Luật TĐKT 2022, Điều 74, khoản 1, điểm d",
        "V-P",
        "chưa đối chiếu NĐ 152/2025",
    )


def test_explain_gives_the_councils_threshold_of_the_law():
    """Defect D4: NĐ 98/2023 Đ30 k7 — 80 % of all members for CSTĐCS, 90 % for CSTĐ
    bộ/tỉnh — is part of what explain says about a title."""
    (nd98,) = explain("CSTDCS", "nd98_2023")["regimes"]
    assert nd98["council_vote"] == {
        "share": 0.8,
        "basis": "all_members",
        "citation": "NĐ 98/2023/NĐ-CP, Điều 30, khoản 7",
        "tag": "V-S",
        "note": "",
    }
    (nd91,) = explain("CSTD_BO_TINH", "nd91_2017")["regimes"]
    assert nd91["council_vote"]["share"] == 0.9
    assert "Điều 45, khoản 8" in nd91["council_vote"]["citation"]
    text = explain_text(explain("CSTDCS", "nd98_2023"))
    assert (
        "Hội đồng bỏ phiếu kín: từ 80 % tổng số thành viên Hội đồng trở lên; căn cứ: "
        "NĐ 98/2023/NĐ-CP, Điều 30, khoản 7" in " ".join(text.split())
    )


def test_the_law_in_force_when_the_dossier_was_received():
    """Luật 2022 Art 95: only dossiers received before 01/01/2024 stay under the 2003
    law; a 2023 achievement received in 2024 is judged under Luật 2022 (NĐ 98/2023),
    one received after 01/07/2025 under NĐ 152/2025."""
    data = {"review_year": 2023, "codes": ["LDTT"], "subject": {"kind": "individual"}}
    old = check_case({**data, "received_on": "2023-12-29"})
    assert old["regime"] == "nd91_2017"
    new = check_case({**data, "received_on": "2024-01-02"})
    assert new["regime"] == "nd98_2023"
    assert (
        new["regime_label"] == "Luật Thi đua, khen thưởng 2022, Nghị định 98/2023/NĐ-CP"
    )
    assert new["regime_reason"] == (
        "theo ngày tiếp nhận hồ sơ (02/01/2024): áp dụng văn bản có hiệu lực vào ngày đó"
    )
    assert check_case({**data, "received_on": "2025-07-01"})["regime"] == "nd152_2025"
    # Without the date, the achievement year decides; a named regime is kept.
    assert check_case(data)["regime"] == "nd91_2017"
    named = check_case({**data, "regime": "nd98_2023", "received_on": "2023-12-29"})
    assert named["regime"] == "nd98_2023"
    assert named["regime_reason"] == "chế độ được chỉ định trong hồ sơ xét"
    with pytest.raises(CaseError, match="^received_on: 2022-05-01 trước năm xét 2023"):
        check_case({**data, "received_on": "2022-05-01"})


CSTDCS_2026 = {
    "review_year": 2026,
    "codes": ["CSTDCS", "BK_BO_TINH"],
    "subject": {
        "kind": "individual",
        "years": {
            "2025": {"rating": "HTXS", "titles": ["LDTT", "CSTDCS"]},
            "2026": {"rating": "HTXS", "titles": ["LDTT"]},
        },
        "initiatives": [{"year": 2025, "scope": "co_so"}],
    },
}


def _statuses(output):
    return {r["code"]: r["status"] for r in output["results"]}


def test_the_2026_amendment_is_a_regime_whose_unread_changes_are_settings():
    """Luật 06/2026/QH16 (from 01/10/2026): its text was not read, so the rules stay;
    the reported changes apply only when an admin turns their setting on, and only to
    the new regime."""
    out = check_case(CSTDCS_2026)
    assert out["regime"] == "luat2026"
    assert out["regime_label"].startswith("Luật Thi đua, khen thưởng 2022 (sửa đổi")
    assert _statuses(out) == {"CSTDCS": "eligible", "BK_BO_TINH": "eligible"}
    reported = {
        "law2026_cstdcs_htxs_and_initiative": True,
        "law2026_bk_bo_tinh_two_cstdcs_only": True,
    }
    # HTXS without an initiative in 2026; one CSTĐCS, not two in a row.
    assert _statuses(check_case(CSTDCS_2026, reported)) == {
        "CSTDCS": "not_eligible",
        "BK_BO_TINH": "not_eligible",
    }
    earlier = {**CSTDCS_2026, "regime": "nd152_2025"}
    assert _statuses(check_case(earlier, reported)) == _statuses(out)


def test_a_dossier_received_before_the_amendment_takes_the_more_favourable():
    """Reported transition: received before 01/10/2026, the old rules apply unless the
    new ones are more favourable — both verdicts are shown, the better one applies."""
    reported = {"law2026_cstdcs_htxs_and_initiative": True}
    before = check_case({**CSTDCS_2026, "received_on": "2026-09-15"}, reported)
    assert before["regime"] == "nd152_2025"
    assert _statuses(before)["CSTDCS"] == "eligible"  # the old rule is kinder here
    assert before["transition"]["regime"] == "luat2026"
    assert before["transition"]["verdicts"][0] == {
        "code": "CSTDCS",
        "old": "eligible",
        "new": "not_eligible",
        "applied": "nd152_2025",
    }
    after = check_case({**CSTDCS_2026, "received_on": "2026-10-01"}, reported)
    assert after["regime"] == "luat2026" and "transition" not in after
    assert _statuses(after)["CSTDCS"] == "not_eligible"


def test_the_newer_verdict_applies_where_it_is_better():
    from thidua.eligibility.results import Report, Result

    def report(regime, status):
        return Report(regime, 2026, [Result("LDTT", status, (), (), [])])

    old = report("nd152_2025", "not_eligible")
    old.more_favourable(report("luat2026", "eligible"))
    assert old.results[0].status == "eligible"
    assert old.transition["verdicts"][0]["applied"] == "luat2026"
