"""Pass rules: integer arithmetic, boundaries, defaults by title and regime, quy chế."""

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.councils.ballots import cast_vote, close_ballot, open_ballot
from thidua.councils.models import CouncilVotingRule
from thidua.councils.services.meeting import add_agenda_item, record_attendance
from thidua.councils.services.pass_rules import (
    PassRule,
    default_rule,
    passes,
    resolve_pass_rule,
    set_voting_rule,
)

pytestmark = pytest.mark.django_db

fractions = st.integers(1, 100).flatmap(
    lambda den: st.tuples(st.integers(0, den), st.just(den))
)


@settings(max_examples=2000, deadline=None)
@given(
    roster=st.integers(5, 25),
    data=st.data(),
    fraction=fractions,
    comparison=st.sampled_from(["gte", "gt"]),
)
def test_pass_rule_matches_exact_fractions(roster, data, fraction, comparison):
    yes = data.draw(st.integers(0, roster))
    no = data.draw(st.integers(0, roster - yes))  # the rest are absent or abstain
    num, den = fraction
    rule = PassRule(num, den, comparison, "all_members")
    share, need = Fraction(yes, roster), Fraction(num, den)
    expected = share >= need if comparison == "gte" else share > need
    assert passes(yes, roster_size=roster, votes_cast=yes + no, rule=rule) is expected
    on_cast = PassRule(num, den, comparison, "votes_cast")
    cast = yes + no
    expected_cast = cast > 0 and (
        Fraction(yes, cast) >= need
        if comparison == "gte"
        else Fraction(yes, cast) > need
    )
    assert (
        passes(yes, roster_size=roster, votes_cast=cast, rule=on_cast) is expected_cast
    )


@settings(max_examples=500, deadline=None)
@given(roster=st.integers(5, 25), fraction=fractions)
def test_exact_boundary_passes_for_at_least_and_fails_for_more_than(roster, fraction):
    num, den = fraction
    # Boundary exists when num·roster is a multiple of den.
    if (num * roster) % den:
        return
    yes = num * roster // den
    assert yes * den == num * roster
    assert passes(
        yes, roster_size=roster, votes_cast=yes, rule=PassRule(num, den, "gte")
    )
    assert not passes(
        yes, roster_size=roster, votes_cast=yes, rule=PassRule(num, den, "gt")
    )


def test_known_boundaries():
    ninety = default_rule("CSTD_BO_TINH", "nd91_2017")
    assert (ninety.numerator, ninety.denominator, ninety.comparison) == (9, 10, "gte")
    assert passes(9, roster_size=10, votes_cast=9, rule=ninety)
    assert not passes(8, roster_size=10, votes_cast=10, rule=ninety)
    assert passes(18, roster_size=20, votes_cast=18, rule=ninety)
    assert not passes(17, roster_size=19, votes_cast=19, rule=ninety)  # 89.47 %
    assert passes(18, roster_size=19, votes_cast=18, rule=ninety)
    half = default_rule("LDTT", "nd98_2023")
    assert not passes(5, roster_size=10, votes_cast=5, rule=half)  # exactly half
    assert passes(6, roster_size=10, votes_cast=6, rule=half)
    assert passes(4, roster_size=7, votes_cast=4, rule=half)
    assert not passes(0, roster_size=7, votes_cast=0, rule=half)


@pytest.mark.parametrize(
    ("title", "regime", "ninety"),
    [
        ("CSTD_BO_TINH", "nd91_2017", True),
        ("CSTDTQ", "nd91_2017", True),
        ("CSTDCS", "nd91_2017", False),
        ("BK_BO_TINH", "nd98_2023", False),
        ("LDTT", "nd152_2025", False),
        ("", "", False),
    ],
)
def test_defaults_by_title_and_regime(title, regime, ninety):
    rule = default_rule(title, regime)
    assert rule.basis == "all_members"
    if ninety:
        assert (rule.numerator, rule.denominator, rule.comparison) == (9, 10, "gte")
        assert "NĐ 91/2017" in rule.label
    else:
        assert (rule.numerator, rule.denominator, rule.comparison) == (1, 2, "gt")
        assert rule.label.startswith("Quá nửa tổng số thành viên")


def _vote(sitting, title, regime, yes, no=0, absent=0):
    """Ten members; ``absent`` of them absent without a written vote."""
    for seat in sitting.seats[10 - absent :]:
        record_attendance(sitting.meeting, seat, present=False)
    item = add_agenda_item(
        sitting.meeting, label="Người được đề nghị", title_code=title, regime=regime
    )
    ballot = open_ballot(item, actor=sitting.secretary_user)
    voters = iter(sitting.seats[: 10 - absent])
    for choice, count in (("dong_y", yes), ("khong_dong_y", no)):
        for _ in range(count):
            cast_vote(ballot, next(voters), choice)
    return close_ballot(ballot, actor=sitting.secretary_user)


@pytest.mark.parametrize(
    ("yes", "no", "absent", "passed"),
    [(9, 1, 0, True), (9, 0, 1, True), (8, 2, 0, False), (8, 0, 2, False)],
)
def test_ninety_percent_of_all_members_under_nd91(sitting, yes, no, absent, passed):
    result = _vote(sitting, "CSTD_BO_TINH", "nd91_2017", yes, no, absent)
    assert result.roster_size == 10  # absent members stay in the denominator
    assert result.passed is passed
    assert result.abstained_or_absent == 10 - yes - no
    assert "NĐ 91/2017" in result.rule


@pytest.mark.parametrize(
    ("yes", "no", "absent", "passed"),
    [(6, 0, 4, True), (5, 0, 5, False), (5, 4, 1, False), (6, 4, 0, True)],
)
def test_more_than_half_of_all_members_otherwise(sitting, yes, no, absent, passed):
    result = _vote(sitting, "BK_BO_TINH", "nd98_2023", yes, no, absent)
    assert result.passed is passed


def test_a_councils_own_rule_overrides_and_the_most_specific_wins(sitting, org):
    council = sitting.council
    set_voting_rule(council, numerator=2, denominator=3)  # council default
    set_voting_rule(council, numerator=3, denominator=4, title_code="BK_BO_TINH")
    set_voting_rule(
        council, numerator=4, denominator=5, title_code="BK_BO_TINH", regime="nd98_2023"
    )
    set_voting_rule(
        council, numerator=1, denominator=2, comparison="gt", regime="nd152_2025"
    )
    assert resolve_pass_rule(council, "LDTT", "nd98_2023").numerator == 2
    assert resolve_pass_rule(council, "BK_BO_TINH", "nd152_2025").numerator == 3
    assert resolve_pass_rule(council, "BK_BO_TINH", "nd98_2023").numerator == 4
    assert resolve_pass_rule(council, "LDTT", "nd152_2025").comparison == "gt"
    # Even the legal default of NĐ 91 yields to the council's own rule …
    assert resolve_pass_rule(council, "CSTD_BO_TINH", "nd91_2017").denominator == 3
    # … and another council keeps the defaults.
    assert resolve_pass_rule(org.other_council, "CSTDTQ", "nd91_2017").numerator == 9
    # Setting again replaces; the row stays unique.
    set_voting_rule(council, numerator=3, denominator=5)
    assert (
        CouncilVotingRule.objects.filter(
            council=council, title_code=None, regime=None
        ).count()
        == 1
    )
    # A ballot freezes the rule when it opens; 6 of 10 passes 3/5 …
    result = _vote(sitting, "LDTT", "nd98_2023", 6, 4)
    assert result.passed and "3/5" in result.rule


def test_rule_changed_while_a_ballot_is_open_does_not_apply(sitting):
    item = add_agenda_item(
        sitting.meeting, label="X", title_code="LDTT", regime="nd98_2023"
    )
    ballot = open_ballot(item, actor=sitting.secretary_user)
    set_voting_rule(sitting.council, numerator=9, denominator=10)
    for seat in sitting.seats[:6]:
        cast_vote(ballot, seat, "dong_y")
    assert close_ballot(ballot, actor=sitting.secretary_user).passed  # > ½ at opening


def test_invalid_rule_is_refused(sitting):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Tỷ lệ thông qua không hợp lệ"):
        set_voting_rule(sitting.council, numerator=11, denominator=10)
    with pytest.raises(ValidationError):
        set_voting_rule(sitting.council, numerator=1, denominator=0)
