"""Council ballot thresholds per regime and title (NĐ 91 Đ45 k8, NĐ 98 Đ30 k7, carried
over for NĐ 152/2025): the public function, the policy overrides and ``explain``."""

from fractions import Fraction

import pytest

from thidua.eligibility import (
    REGIMES,
    CaseError,
    CouncilVote,
    Engine,
    Policy,
    council_threshold,
    evaluate,
)
from thidua.eligibility.explain import explain

from . import collective, person, yr

ND91 = "NĐ 91/2017/NĐ-CP, Điều 45, khoản 8"
ND98 = "NĐ 98/2023/NĐ-CP, Điều 30, khoản 7"
ND152 = f"{ND98} (quy định kế thừa theo NĐ 152/2025/NĐ-CP)"
NINETY, EIGHTY = Fraction(9, 10), Fraction(4, 5)


@pytest.mark.parametrize(
    ("regime", "code", "expected"),
    [
        ("nd91_2017", "CSTD_BO_TINH", (NINETY, ND91, "V-S")),
        ("nd91_2017", "CSTDTQ", (NINETY, ND91, "V-S")),
        ("nd91_2017", "CSTDCS", None),
        ("nd91_2017", "CO_CP", None),
        ("nd98_2023", "CSTDTQ", (NINETY, ND98, "V-S")),
        ("nd98_2023", "CSTD_BO_TINH", (NINETY, ND98, "V-S")),
        ("nd98_2023", "CSTDCS", (EIGHTY, ND98, "V-S")),
        ("nd98_2023", "CO_BO_TINH", (EIGHTY, ND98, "V-S")),
        ("nd98_2023", "CO_CP", (EIGHTY, ND98, "V-S")),
        ("nd98_2023", "BK_BO_TINH", None),
        ("nd98_2023", "LDTT", None),
        ("nd152_2025", "CSTDTQ", (NINETY, ND152, "U")),
        ("nd152_2025", "CSTD_BO_TINH", (NINETY, ND152, "U")),
        ("nd152_2025", "CSTDCS", (EIGHTY, ND152, "U")),
        ("nd152_2025", "CO_BO_TINH", (EIGHTY, ND152, "U")),
        ("nd152_2025", "CO_CP", (EIGHTY, ND152, "U")),
        ("nd152_2025", "GIAY_KHEN", None),
    ],
)
def test_council_threshold_per_regime_and_title(regime, code, expected):
    vote = council_threshold(regime, code)
    if expected is None:
        assert vote is None
        return
    assert isinstance(vote, CouncilVote)
    assert (vote.share, vote.source, vote.tag) == expected
    assert vote.basis == "all_members"
    # The source as printed has no doubt marks; the engine's citation tells admins
    # (its note) that it is a policy default when unverified.
    assert vote.citation.text == vote.source
    assert "chưa" not in vote.source
    if vote.tag == "U":
        assert vote.citation.text == f"{ND98} (quy định kế thừa theo NĐ 152/2025/NĐ-CP)"
        assert "council_vote_shares" in vote.citation.note


def test_every_regime_lists_its_thresholds():
    heroes = {"AHLD", "AHLLVT"}
    assert (
        set(REGIMES["nd91_2017"].council_votes) == {"CSTD_BO_TINH", "CSTDTQ"} | heroes
    )
    five = {"CSTDTQ", "CSTD_BO_TINH", "CSTDCS", "CO_BO_TINH", "CO_CP"} | heroes
    assert set(REGIMES["nd98_2023"].council_votes) == five
    assert set(REGIMES["nd152_2025"].council_votes) == five


def test_unknown_regime_is_refused():
    with pytest.raises(CaseError, match="regime"):
        council_threshold("nd2099", "CSTDCS")


def test_the_issuers_policy_overrides_the_law():
    per_code = council_threshold(
        "nd98_2023", "CSTDCS", {"council_vote_shares": {"CSTDCS": "3/4"}}
    )
    assert per_code.share == Fraction(3, 4)
    assert per_code.source == "Quy chế của cơ quan"
    # Other codes keep the law.
    assert (
        council_threshold(
            "nd98_2023", "CO_CP", {"council_vote_shares": {"CSTDCS": 0.75}}
        ).share
        == EIGHTY
    )
    every = council_threshold(
        "nd152_2025",
        "LDTT",
        {"council_vote_share": 0.6, "council_vote_base": "present", "issuer": "Sở X"},
    )
    assert (every.share, every.basis, every.source) == (
        Fraction(3, 5),
        "present",
        "Quy chế của Sở X",
    )
    full = council_threshold(
        "nd91_2017", "CSTDTQ", Policy(council_vote_shares=(("CSTDTQ", NINETY),))
    )
    assert full.share == NINETY and full.source.startswith("Quy chế")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ([0.9], "đối tượng JSON"),
        ({"XYZ": 0.9}, "mã không hợp lệ"),
        ({"CSTDCS": 1.5}, "ngoài khoảng"),
    ],
)
def test_bad_council_vote_shares_are_refused(value, message):
    with pytest.raises(CaseError, match=message):
        Engine({"council_vote_shares": value})


def _vote(regime: str, code: str) -> dict:
    (data,) = explain(code, regime)["regimes"]
    (rule,) = data["rules"]
    return next(c for c in rule["conditions"] if c["text"].startswith("Hội đồng"))


@pytest.mark.parametrize(
    ("regime", "code", "required", "citation"),
    [
        ("nd91_2017", "CSTD_BO_TINH", "≥ 90 % tổng số thành viên", ND91),
        ("nd98_2023", "CSTDTQ", "≥ 90 % tổng số thành viên", ND98),
        ("nd98_2023", "CSTD_BO_TINH", "≥ 90 % tổng số thành viên", ND98),
        ("nd98_2023", "CSTDCS", "≥ 80 % tổng số thành viên", ND98),
        ("nd98_2023", "CO_BO_TINH", "≥ 80 % tổng số thành viên", ND98),
        ("nd98_2023", "CO_CP", "≥ 80 % tổng số thành viên", ND98),
        ("nd152_2025", "CSTDCS", "≥ 80 % tổng số thành viên", ND152[:-1]),
        ("nd152_2025", "CO_CP", "≥ 80 % tổng số thành viên", ND152[:-1]),
    ],
)
def test_explain_shows_the_threshold_and_its_source(regime, code, required, citation):
    vote = _vote(regime, code)
    assert vote["required"] == required
    assert vote["qualitative"] is True
    assert vote["citation"].startswith(citation)
    assert "chưa đối chiếu" not in vote["citation"]


def test_nd98_no_longer_says_there_is_no_national_threshold():
    notes = " ".join(REGIMES["nd98_2023"].notes)
    assert "không có tỉ lệ bỏ phiếu" not in notes.lower()
    assert "Điều 30 khoản 7" in notes
    for code in ("CSTDCS", "CO_BO_TINH", "CO_CP", "CSTDTQ", "CSTD_BO_TINH"):
        assert "không thấy" not in _vote("nd98_2023", code)["citation"]


def test_old_regime_has_no_vote_for_cstdcs_or_flags():
    for code in ("CSTDCS", "CO_BO_TINH", "CO_CP"):
        (data,) = explain(code, "nd91_2017")["regimes"]
        for rule in data["rules"]:
            assert not any(c["text"].startswith("Hội đồng") for c in rule["conditions"])


def test_an_issuers_rule_shows_in_explain_without_the_carry_over_note():
    (data,) = explain(
        "CSTDCS",
        "nd152_2025",
        {"council_vote_shares": {"CSTDCS": "3/4"}, "issuer": "UBND tỉnh Y"},
    )["regimes"]
    vote = next(
        c for c in data["rules"][0]["conditions"] if c["text"].startswith("Hội đồng")
    )
    assert vote["required"] == "≥ 75 % tổng số thành viên"
    assert vote["citation"] == "Quy chế của UBND tỉnh Y"
    present = _explain_present()
    assert present["required"] == "≥ 80 % số thành viên dự họp"


def _explain_present() -> dict:
    (data,) = explain(
        "CO_CP",
        "nd98_2023",
        {"council_vote_share": 0.8, "council_vote_base": "present"},
    )["regimes"]
    return next(
        c for c in data["rules"][0]["conditions"] if c["text"].startswith("Hội đồng")
    )


def test_without_any_threshold_the_vote_is_left_to_the_quy_che():
    engine = Engine(Policy())
    tinh = engine.compiled("nd91_2017").rules["individual"]["CSTD_BO_TINH"]
    assert any(s.required == "≥ 90 % tổng số thành viên" for s in tinh.specs)
    # A rule built without the law's threshold (as a future regime could be).
    from thidua.eligibility.criteria.base import vote_spec

    spec = vote_spec(Policy(), "LDTT", None)
    assert spec.required == "theo quy chế Hội đồng" and spec.qualitative


def test_the_vote_is_a_council_check_and_does_not_change_the_verdict():
    cstdcs = evaluate(
        person(2024, {2024: yr("HTXS", "LDTT")}, codes=["CSTDCS"])
    ).results[0]
    assert cstdcs.status == "eligible"
    assert any(s.required == "≥ 80 % tổng số thành viên" for s in cstdcs.specs)
    co = evaluate(
        collective(
            2025,
            {2025: {"rating": "HTXS", "leads_cluster": "bo_tinh"}},
            codes=["CO_BO_TINH", "CO_CP"],
        )
    ).results
    assert [r.code for r in co] == ["CO_BO_TINH", "CO_CP"]


def test_the_vote_and_a_sector_add_on_stay_aligned_with_their_outcomes():
    engine = Engine({"co_bo_tinh_requires_ttldxs": True})
    (result,) = engine.evaluate(
        engine.parse(
            collective(
                2024,
                {2024: {"rating": "HTXS", "leads_cluster": "bo_tinh"}},
                codes=["CO_BO_TINH"],
            )
        )
    ).results
    texts = [s.text for s in result.specs]
    assert texts[3].startswith("Hội đồng") and texts[4].startswith(
        "Đạt danh hiệu TTLĐXS"
    )
    assert result.status == "not_eligible"  # TTLĐXS missing; the vote is the council's
