"""Pass rules from the law (issue #14 point 6): per regime and title, with citations,
the NĐ 152/2025 setting, the council's own quy chế, and the tally record printing it."""

import dataclasses
from fractions import Fraction

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from tests.councils.ballots import cast_vote, close_ballot, open_ballot
from thidua.councils.rendering import minutes_spec, tally_spec
from thidua.councils.services import pass_rules
from thidua.councils.services.pass_rules import (
    SOURCE_DEFAULT,
    SOURCE_SETTING,
    PassRule,
    default_rule,
    passes,
    resolve_pass_rule,
    set_voting_rule,
)
from thidua.eligibility import REGIMES

ND91 = "NĐ 91/2017/NĐ-CP, Điều 45, khoản 8"
ND98 = "NĐ 98/2023/NĐ-CP, Điều 30, khoản 7"
ND152 = f"{ND98} (quy định kế thừa theo NĐ 152/2025/NĐ-CP)"
NINETY = "Từ 9/10 tổng số thành viên hội đồng trở lên (90 %)"
EIGHTY = "Từ 4/5 tổng số thành viên hội đồng trở lên (80 %)"
HALF = "Quá nửa tổng số thành viên hội đồng (50 %)"


@pytest.mark.parametrize(
    ("title", "regime", "label"),
    [
        ("CSTD_BO_TINH", "nd91_2017", f"{NINETY} — {ND91}"),
        ("CSTDTQ", "nd91_2017", f"{NINETY} — {ND91}"),
        ("CSTDCS", "nd91_2017", f"{HALF} — {SOURCE_DEFAULT}"),
        ("CO_CP", "nd91_2017", f"{HALF} — {SOURCE_DEFAULT}"),
        ("CSTDTQ", "nd98_2023", f"{NINETY} — {ND98}"),
        ("CSTD_BO_TINH", "nd98_2023", f"{NINETY} — {ND98}"),
        ("CSTDCS", "nd98_2023", f"{EIGHTY} — {ND98}"),
        ("CO_BO_TINH", "nd98_2023", f"{EIGHTY} — {ND98}"),
        ("CO_CP", "nd98_2023", f"{EIGHTY} — {ND98}"),
        ("BK_BO_TINH", "nd98_2023", f"{HALF} — {SOURCE_DEFAULT}"),
        ("LDTT", "nd98_2023", f"{HALF} — {SOURCE_DEFAULT}"),
        ("CSTDTQ", "nd152_2025", f"{NINETY} — {ND152}"),
        ("CSTD_BO_TINH", "nd152_2025", f"{NINETY} — {ND152}"),
        ("CSTDCS", "nd152_2025", f"{EIGHTY} — {ND152}"),
        ("CO_BO_TINH", "nd152_2025", f"{EIGHTY} — {ND152}"),
        ("CO_CP", "nd152_2025", f"{EIGHTY} — {ND152}"),
        ("GIAY_KHEN", "nd152_2025", f"{HALF} — {SOURCE_DEFAULT}"),
        ("CSTDTQ", "", f"{HALF} — {SOURCE_DEFAULT}"),
        ("CSTDTQ", "nd2099", f"{HALF} — {SOURCE_DEFAULT}"),
        ("", "nd98_2023", f"{HALF} — {SOURCE_DEFAULT}"),
    ],
)
def test_default_rule_per_regime_and_title_cites_its_source(title, regime, label):
    rule = default_rule(title, regime)
    assert rule.basis == "all_members"
    assert rule.label == label
    for mark in ("[U]", "[V-S]", "[V-P]", "chưa kiểm chứng", "cần đối chiếu"):
        assert mark not in rule.label


@pytest.mark.parametrize(
    ("yes", "roster", "share", "passed"),
    [
        (9, 10, (9, 10), True),  # exactly 90 %
        (8, 10, (9, 10), False),
        (18, 20, (9, 10), True),
        (17, 19, (9, 10), False),  # 89,47 %
        (4, 5, (4, 5), True),  # exactly 80 %
        (8, 10, (4, 5), True),
        (7, 10, (4, 5), False),
        (11, 14, (4, 5), False),  # 78,6 %
        (12, 15, (4, 5), True),
    ],
)
def test_law_thresholds_at_their_boundaries_in_integers(yes, roster, share, passed):
    rule = PassRule(*share)
    assert passes(yes, roster_size=roster, votes_cast=yes, rule=rule) is passed
    # Absent members stay in the denominator: ``votes_cast`` is not used.
    assert passes(yes, roster_size=roster, votes_cast=roster, rule=rule) is passed


def test_the_law_rules_used_by_default_are_the_ones_tested_at_the_boundary():
    ninety = default_rule("CSTD_BO_TINH", "nd98_2023")
    eighty = default_rule("CSTDCS", "nd152_2025")
    assert (ninety.numerator, ninety.denominator, ninety.comparison) == (9, 10, "gte")
    assert (eighty.numerator, eighty.denominator, eighty.comparison) == (4, 5, "gte")
    assert passes(9, roster_size=10, votes_cast=9, rule=ninety)
    assert not passes(8, roster_size=10, votes_cast=10, rule=ninety)
    assert passes(4, roster_size=5, votes_cast=4, rule=eighty)
    assert not passes(7, roster_size=10, votes_cast=10, rule=eighty)


@override_settings(
    THIDUA_COUNCIL_PASS_RULES_ND152={
        "CSTDCS": "3/4",
        "CO_CP": "-",
        "BK_BO_TINH": "90%",
        "CSTDTQ": Fraction(19, 20),
        "TTLDXS": None,
    },
    THIDUA_COUNCIL_PASS_RULES_ND152_SOURCE="Văn bản X, Điều 1",
)
def test_the_nd152_setting_overrides_the_carried_over_figures_and_source():
    cstdcs = default_rule("CSTDCS", "nd152_2025")
    assert (cstdcs.numerator, cstdcs.denominator) == (3, 4)
    assert cstdcs.label.endswith(" — Văn bản X, Điều 1")
    assert default_rule("CO_CP", "nd152_2025").label == f"{HALF} — {SOURCE_DEFAULT}"
    assert default_rule("BK_BO_TINH", "nd152_2025").numerator == 9
    assert default_rule("CSTDTQ", "nd152_2025").label.startswith("Từ 19/20")
    assert default_rule("TTLDXS", "nd152_2025").comparison == "gt"
    # Titles the setting does not list keep the figures, with the setting's source.
    assert default_rule("CO_BO_TINH", "nd152_2025").label == (
        f"{EIGHTY} — Văn bản X, Điều 1"
    )
    # Earlier regimes are the law as read: the setting does not touch them.
    assert default_rule("CSTDCS", "nd98_2023").label == f"{EIGHTY} — {ND98}"


@override_settings(THIDUA_COUNCIL_PASS_RULES_ND152={"LDTT": "0.6"})
def test_a_share_the_law_does_not_set_is_cited_as_the_setting():
    rule = default_rule("LDTT", "nd152_2025")
    assert (rule.numerator, rule.denominator) == (3, 5)
    assert rule.label.endswith(f" — {SOURCE_SETTING}")
    assert default_rule("CSTDCS", "nd152_2025").label == f"{EIGHTY} — {ND152}"


@pytest.mark.parametrize("value", ["abc", "0", "3/2", "1/0", "%"])
def test_a_bad_setting_value_is_refused_by_name(value):
    with (
        override_settings(THIDUA_COUNCIL_PASS_RULES_ND152={"CSTDCS": value}),
        pytest.raises(ImproperlyConfigured, match="THIDUA_COUNCIL_PASS_RULES_ND152"),
    ):
        default_rule("CSTDCS", "nd152_2025")


def test_a_later_regime_carried_over_from_nd152_follows_the_setting(monkeypatch):
    later = dataclasses.replace(
        REGIMES["nd152_2025"], name="nd2026", carried_from="nd152_2025"
    )
    monkeypatch.setitem(REGIMES, "nd2026", later)
    assert default_rule("CSTDCS", "nd2026").label == f"{EIGHTY} — {ND152}"
    with override_settings(THIDUA_COUNCIL_PASS_RULES_ND152={"CSTDCS": "2/3"}):
        assert default_rule("CSTDCS", "nd2026").numerator == 2
        assert default_rule("CSTDCS", "nd98_2023").numerator == 4
    assert pass_rules._follows_setting_regime("nd2026")
    assert not pass_rules._follows_setting_regime("nd98_2023")
    assert not pass_rules._follows_setting_regime("")


@pytest.mark.django_db
def test_the_councils_quy_che_overrides_the_law_and_is_cited_as_such(org):
    council = org.council
    assert resolve_pass_rule(council, "CSTDCS", "nd98_2023").label == (
        f"{EIGHTY} — {ND98}"
    )
    set_voting_rule(
        council,
        numerator=2,
        denominator=3,
        title_code="CSTDCS",
        source="Quyết định 12/QĐ-HĐ, Điều 8",
    )
    rule = resolve_pass_rule(council, "CSTDCS", "nd98_2023")
    assert (rule.numerator, rule.denominator) == (2, 3)
    assert rule.label == (
        "Từ 2/3 tổng số thành viên hội đồng trở lên — theo Quy chế hoạt động của "
        f"{council.name} (Quyết định 12/QĐ-HĐ, Điều 8)"
    )
    set_voting_rule(council, numerator=1, denominator=2, comparison="gt")
    assert resolve_pass_rule(council, "LDTT", "nd152_2025").label == (
        f"{HALF} — theo Quy chế hoạt động của {council.name}"
    )
    # Another council keeps the law.
    assert resolve_pass_rule(org.other_council, "CSTDCS", "nd98_2023").numerator == 4


def _text(document) -> str:
    return repr(document)


@pytest.mark.django_db
def test_the_tally_record_and_the_minutes_print_the_rule_with_its_citation(sitting):
    item = sitting.items[0]  # CSTĐCS under nd98_2023
    ballot = open_ballot(item, actor=sitting.secretary_user)
    for i, seat in enumerate(sitting.seats):  # 8 of 10: exactly 80 %
        cast_vote(ballot, seat, "khong_dong_y" if i >= 8 else "dong_y")
    result = close_ballot(ballot, actor=sitting.secretary_user)
    assert (result.yes, result.passed) == (8, True)
    meeting = type(sitting.meeting).objects.get(pk=sitting.meeting.pk)
    tally = _text(tally_spec(meeting))
    assert f"nội dung 1: {EIGHTY} — {ND98}" in tally
    minutes = _text(minutes_spec(meeting))
    assert f"Thông qua ({EIGHTY} — {ND98})" in minutes


def test_labels_of_other_shapes():
    assert PassRule(2, 3, "gt", "votes_cast", "Q").label == (
        "Trên 2/3 tổng số phiếu bầu — Q"
    )
    assert PassRule(1, 2, "gt").label == HALF
