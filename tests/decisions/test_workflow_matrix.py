"""Transition × role for decisions, generated from the workflow table. The office
submits its draft (again, once returned); the head of the round's agency or his
authorised deputy approves or returns it; the clerk (or an admin) issues it; the files
step and the annulment are made only through their service, never offered as a
button, and a direct call without the service is refused."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from thidua.decisions.enums import DecisionState as D
from thidua.decisions.services.decision import (
    approve_decision,
    draft_decision,
    issue_decision,
    return_decision,
    submit_decision,
)
from thidua.decisions.workflows import DECISION, THROUGH_FILES

from ..workflow_matrix import ROLES, check_move, each_transition
from .factories import give_person
from .test_decisions import decided

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 1, 15)

HOLDERS = {
    "decisions.draft_decision": {"admin", "officer"},
    "decisions.approve_decision": {"head", "deputy"},
    "decisions.issue_decision": {"admin", "clerk"},
    "decisions.annul_decision": {"admin", "officer"},
}


@pytest.fixture
def decision(org, users):
    from thidua.nominations.services.nomination import open_round

    give_person(users["head"], org.skhdt, "Vũ Hoàng Quý", "Giám đốc Sở")
    give_person(users["deputy"], org.skhdt, "Lý Văn Sơn", "Phó Giám đốc Sở")
    round_ = open_round(
        agency=org.skhdt,
        name="Xét 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=datetime.date(2099, 1, 1),
    )
    return draft_decision(
        round_, [decided(round_, org, "dkkd_staff", "LDTT", users)], planned_on=DAY
    )


def _to(decision, state, users):
    """Walk ``decision`` the real way to ``state``."""
    path = {
        D.DRAFT: [],
        D.AWAITING: [D.AWAITING],
        D.RETURNED: [D.AWAITING, D.RETURNED],
        D.APPROVED: [D.AWAITING, D.APPROVED],
        D.ISSUED: [D.AWAITING, D.APPROVED, D.ISSUED],
        D.REGISTERED: [D.AWAITING, D.APPROVED, D.ISSUED, D.REGISTERED],
    }[state]
    for step in path:
        if step == D.REGISTERED:
            DECISION.transition(
                decision, step, check_permission=False, through=THROUGH_FILES
            )
        else:
            _perform(
                decision,
                step,
                users["head"] if step in (D.APPROVED, D.RETURNED) else None,
            )
        decision.refresh_from_db()
    return decision


def _perform(decision, to, user, through=""):
    if to == D.AWAITING:
        return submit_decision(decision, actor=user)
    if to == D.APPROVED:
        return approve_decision(decision, actor=user)
    if to == D.RETURNED:
        return return_decision(decision, actor=user, reason="Bổ sung căn cứ")
    if to == D.ISSUED:
        return issue_decision(decision, issued_on=DAY, actor=user)
    return DECISION.transition(
        decision, to, actor=user, reason="Sai đối tượng", through=through
    )


def test_every_permission_in_the_table_is_in_the_matrix():
    assert {t.permission for t in DECISION.transitions} == set(HOLDERS)
    assert {t.target for t in DECISION.transitions if t.only_through} == {
        D.REGISTERED,
        D.ANNULLED,
    }


@each_transition(DECISION)
@pytest.mark.parametrize("role", ROLES)
def test_decision_moves_by_role(decision, users, move, role):
    decision = _to(decision, move.source, users)
    check_move(
        DECISION,
        decision,
        users[role],
        move,
        role in HOLDERS[move.permission],
        lambda obj, to, user: _perform(obj, to, user, move.only_through),
    )


@each_transition(DECISION)
def test_no_move_without_its_service(decision, users, move):
    if not move.only_through:
        return
    decision = _to(decision, move.source, users)
    with pytest.raises(ValidationError, match="chỉ được thực hiện qua"):
        DECISION.transition(decision, move.target, actor=users["admin"], reason="x")
