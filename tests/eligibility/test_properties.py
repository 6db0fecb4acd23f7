"""Invariants of the engine, checked on generated subjects (hypothesis)."""

import copy
import json
from dataclasses import fields
from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.eligibility import (
    CaseError,
    Engine,
    Policy,
    evaluate,
    parse_case,
    select_regime,
)
from thidua.eligibility.cash import base_salary_on, cash_award, round_amount
from thidua.eligibility.catalog import CODES, codes_for_kind
from thidua.eligibility.regimes import get_regime

RATINGS = ["HTXS", "HTT", "HT", "KHT"]
LOWER = {"HTXS": "HTT", "HTT": "HT", "HT": "KHT"}
SETTINGS = settings(max_examples=60, deadline=None)
ENGINE = Engine()

years_back = st.integers(min_value=0, max_value=9)


ANY_REVIEW = st.sampled_from([None, False, False, True])


@st.composite
def individuals(draw, under_review=ANY_REVIEW):
    review_year = draw(st.integers(min_value=2020, max_value=2026))
    years = {}
    for y in range(review_year - 9, review_year + 1):
        if draw(st.integers(0, 9)) == 0:
            continue  # a gap in the history
        titles = draw(
            st.lists(
                st.sampled_from(["LDTT", "CSTDCS", "CSTD_BO_TINH"]),
                unique=True,
                max_size=3,
            )
        )
        years[str(y)] = {"rating": draw(st.sampled_from(RATINGS)), "titles": titles}
    subject = {
        "kind": "individual",
        "years": years,
        "initiatives": draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "year": years_back.map(lambda k: review_year - k),
                        "scope": st.sampled_from(["co_so", "bo_tinh", "toan_quoc"]),
                    }
                ),
                max_size=4,
            )
        ),
        "awards": draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "code": st.sampled_from(["BK_BO_TINH", "BK_TTG", "GIAY_KHEN"]),
                        "type": st.sampled_from(
                            ["cong_trang", "dot_xuat", "chuyen_de"]
                        ),
                        "year": years_back.map(lambda k: review_year - 1 - k),
                    }
                ),
                max_size=3,
            )
        ),
        "armed_forces": draw(st.booleans()),
    }
    review = draw(under_review)
    if review is not None:
        subject["under_review"] = review
    if draw(st.integers(0, 4)) == 0:
        start = date(review_year - draw(years_back), draw(st.integers(1, 12)), 1)
        subject["discipline"] = [
            {
                "form": "khien_trach",
                "from": start.isoformat(),
                "to": date(start.year + 1, start.month, 1).isoformat(),
            }
        ]
    if draw(st.booleans()):
        subject["recruited_on"] = date(
            review_year - draw(st.integers(0, 3)), draw(st.integers(1, 12)), 1
        ).isoformat()
    return {"review_year": review_year, "subject": subject}


@st.composite
def collectives(draw):
    review_year = draw(st.integers(min_value=2020, max_value=2026))
    years = {}
    for y in range(review_year - 4, review_year + 1):
        members = draw(st.integers(1, 40))
        years[str(y)] = {
            "rating": draw(st.sampled_from(RATINGS)),
            "members": members,
            "members_completed": draw(st.integers(0, members)),
            "members_ldtt": draw(st.integers(0, members)),
            "members_cstdcs": draw(st.integers(0, members)),
            "members_disciplined": draw(st.integers(0, min(members, 2))),
        }
        if draw(st.booleans()):
            years[str(y)]["leads_cluster"] = draw(
                st.sampled_from(["bo_tinh", "trung_uong"])
            )
    return {
        "review_year": review_year,
        "subject": {"kind": "collective", "years": years, "under_review": False},
    }


def statuses(case):
    return {r.code: r.status for r in ENGINE.check(case).results}


def never_worse(before, after):
    for code, status in before.items():
        if status == "eligible":
            assert after[code] == "eligible", code


@SETTINGS
@given(individuals(under_review=st.just(True)))
def test_review_guard_always_blocks(case):
    assert set(statuses(case).values()) == {"blocked"}


@SETTINGS
@given(collectives())
def test_review_guard_blocks_collectives(case):
    case["subject"]["under_review"] = True
    assert set(statuses(case).values()) == {"blocked"}


@SETTINGS
@given(
    individuals(),
    years_back,
    st.sampled_from(["co_so", "bo_tinh", "toan_quoc"]),
)
def test_one_more_initiative_never_hurts(case, back, scope):
    before = statuses(case)
    more = copy.deepcopy(case)
    more["subject"]["initiatives"].append(
        {"year": case["review_year"] - back, "scope": scope}
    )
    never_worse(before, statuses(more))


@SETTINGS
@given(individuals(), years_back)
def test_better_rating_never_hurts(case, back):
    year = str(case["review_year"] - back)
    record = case["subject"]["years"].get(year)
    if record is None or record["rating"] == "KHT":
        return
    worse = copy.deepcopy(case)
    worse["subject"]["years"][year]["rating"] = LOWER[record["rating"]]
    never_worse(statuses(worse), statuses(case))


@SETTINGS
@given(individuals(), st.integers(1, 9), st.sampled_from(["LDTT", "CSTDCS"]))
def test_one_more_prerequisite_title_never_hurts(case, back, title):
    year = str(case["review_year"] - back)
    more = copy.deepcopy(case)
    record = more["subject"]["years"].setdefault(year, {"rating": "HTT", "titles": []})
    if title not in record["titles"]:
        record["titles"].append(title)
    never_worse(statuses(case), statuses(more))


@SETTINGS
@given(
    collectives(),
    st.sampled_from(["members_ldtt", "members_cstdcs", "members_completed"]),
)
def test_more_members_with_results_never_hurts(case, field):
    record = case["subject"]["years"][str(case["review_year"])]
    if record[field] >= record["members"]:
        return
    more = copy.deepcopy(case)
    more["subject"]["years"][str(case["review_year"])][field] += 1
    never_worse(statuses(case), statuses(more))


@SETTINGS
@given(st.one_of(individuals(), collectives()), st.integers(1, 5), st.data())
def test_data_after_the_review_year_is_refused_naming_it(case, later, data):
    """A verdict never rests on a later year: a rating, an initiative or an award after
    the review year is refused with the field named (issue #16 point 5)."""
    y = case["review_year"] + later
    subject = case["subject"]
    where = data.draw(st.sampled_from(["years", "initiatives", "awards"]))
    if where == "years" or subject["kind"] == "collective":
        subject["years"][str(y)] = dict(next(iter(subject["years"].values()), {}))
        field = f"subject.years.{y}"
    elif where == "initiatives":
        subject["initiatives"] = [{"year": y, "scope": "co_so"}]
        field = "subject.initiatives[0].year"
    else:
        subject["awards"] = [{"code": "BK_BO_TINH", "type": "cong_trang", "year": y}]
        field = "subject.awards[0].year"
    with pytest.raises(CaseError) as error:
        ENGINE.check(case)
    assert error.value.field == field


@SETTINGS
@given(individuals(), st.integers(1, 5))
def test_discipline_after_the_review_year_changes_no_verdict(case, later):
    before = statuses(case)
    start = date(case["review_year"] + later, 1, 1)
    case["subject"].setdefault("discipline", []).append(
        {"form": "canh_cao", "from": start.isoformat(), "to": f"{start.year + 1}-01-01"}
    )
    assert statuses(case) == before


@SETTINGS
@given(st.one_of(individuals(), collectives()))
def test_status_follows_conditions(case):
    report = ENGINE.check(case)
    kind = case["subject"]["kind"]
    assert [r.code for r in report.results] == list(codes_for_kind(kind))
    for result in report.results:
        conditions = result.conditions()
        failed = [c for c in conditions if c[1] is False]
        if result.status == "eligible":
            assert not failed
        elif result.status == "not_eligible":
            assert failed
        else:
            assert case["subject"].get("under_review") is True
        for spec, met, found in conditions:
            if spec.qualitative:
                assert met is None
            assert spec.citation.text and spec.text and spec.required
            assert isinstance(found, str) and found


@SETTINGS
@given(st.one_of(individuals(), collectives()))
def test_output_is_json_with_the_documented_keys(case):
    out = json.loads(json.dumps(ENGINE.check_case(case), ensure_ascii=False))
    assert set(out) == {
        "regime",
        "regime_label",
        "regime_reason",
        "review_year",
        "results",
    }
    assert out["regime"] == select_regime(case["review_year"])
    assert out["regime_label"].startswith("Luật Thi đua, khen thưởng 20")
    assert out["regime_reason"] == f"theo năm có thành tích ({case['review_year']})"
    for result in out["results"]:
        assert set(result) == {"code", "status", "conditions"}
        assert result["status"] in {"eligible", "not_eligible", "blocked"}
        for condition in result["conditions"]:
            assert set(condition) == {"text", "required", "found", "met", "citation"}
            assert condition["met"] in (True, False, None)


@SETTINGS
@given(st.one_of(individuals(), collectives()))
def test_evaluation_is_deterministic_and_does_not_mutate_input(case):
    snapshot = copy.deepcopy(case)
    first = evaluate(case).to_dict()
    assert case == snapshot
    assert evaluate(case).to_dict() == first


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 3000) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(individuals(), st.data())
def test_mangled_input_raises_only_case_error(case, data):
    # Replace one value somewhere in a valid case by arbitrary JSON.
    mangled = copy.deepcopy(case)
    node = mangled
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            break
        key = data.draw(st.sampled_from(keys))
        child = node[key]
        if isinstance(child, dict | list) and child and data.draw(st.booleans()):
            node = child
            continue
        node[key] = data.draw(json_values)
        break
    try:
        ENGINE.check(mangled)
    except CaseError as error:
        assert "\n" not in str(error) and ": " in str(error)


@SETTINGS
@given(json_values)
def test_arbitrary_json_raises_only_case_error(value):
    try:
        parse_case(value)
    except CaseError as error:
        assert "\n" not in str(error)


@SETTINGS
@given(st.integers(1945, 2099))
def test_regime_choice_never_goes_back_in_time(year):
    order = ["nd91_2017", "nd98_2023", "nd152_2025", "luat2026"]
    assert order.index(select_regime(year)) <= order.index(select_regime(year + 1))


@SETTINGS
@given(
    st.sampled_from([c for c in CODES if c != "HCLD_3"]),
    st.dates(min_value=date(2018, 7, 1), max_value=date(2030, 12, 31)),
)
def test_cash_is_rounded_up_to_ten_thousand(code, day):
    kind = (
        "collective"
        if code in {"TTLDTT", "TTLDXS", "CO_BO_TINH", "CO_CP"}
        else "individual"
    )
    award = cash_award(code, day, kind=kind)
    if award.multiple is None:  # a Huân chương before NĐ 152/2025: set by the issuer
        assert award.amount is None and not get_regime(award.regime).cash[code].value
        return
    exact = award.multiple * base_salary_on(day).amount
    assert award.amount % 10_000 == 0
    assert exact <= award.amount < exact + 10_000


@SETTINGS
@given(st.fractions(min_value=0, max_value=10**9))
def test_rounding_modes(value):
    assert round_amount(value, "ceil") >= value > round_amount(value, "ceil") - 10_000
    assert abs(round_amount(value, "nearest") - value) <= 5_000
    assert abs(round_amount(value, "none") - value) <= Fraction(1, 2)


POLICY_KEYS = [f.name for f in fields(Policy)]


@SETTINGS
@given(st.dictionaries(st.sampled_from(POLICY_KEYS), json_values, max_size=3))
def test_arbitrary_policy_raises_only_case_error(overrides):
    try:
        engine = Engine(overrides)
    except CaseError as error:
        assert "\n" not in str(error) and str(error).startswith("policy.")
        return
    engine.check({"review_year": 2023, "subject": {"kind": "individual"}})
