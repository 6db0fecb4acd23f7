"""Transition × role for decisions, generated from the workflow table: both moves are
made only through their service (the files step, the annulment), never offered as a
button; through it, only the TĐKT office of the round's agency (or an admin) may make
them, and a direct call without the service is refused."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from thidua.decisions.services.decision import issue_decision
from thidua.decisions.workflows import DECISION, THROUGH_FILES

from ..workflow_matrix import ROLES, check_move, each_transition
from .test_decisions import decided

pytestmark = pytest.mark.django_db

HOLDERS = {
    "decisions.issue_decision": {"admin", "clerk"},
    "decisions.annul_decision": {"admin", "officer"},
}


@pytest.fixture
def decision(org, users):
    from thidua.nominations.services.nomination import open_round

    round_ = open_round(
        agency=org.skhdt,
        name="Xét 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=datetime.date(2099, 1, 1),
    )
    return issue_decision(
        round_,
        [decided(round_, org, "dkkd_staff", "LDTT", users)],
        issued_on=datetime.date(2026, 1, 15),
        signer_title="Giám đốc",
        signer_name="Vũ Hoàng Quý",
    )


def test_every_permission_in_the_table_is_in_the_matrix():
    assert {t.permission for t in DECISION.transitions} == set(HOLDERS)
    assert all(t.only_through for t in DECISION.transitions)


@each_transition(DECISION)
@pytest.mark.parametrize("role", ROLES)
def test_decision_moves_by_role(decision, users, move, role):
    if move.source != decision.state:
        DECISION.transition(
            decision, move.source, check_permission=False, through=THROUGH_FILES
        )
        decision.refresh_from_db()
    check_move(
        DECISION,
        decision,
        users[role],
        move,
        role in HOLDERS[move.permission],
        lambda obj, to, user: DECISION.transition(
            obj, to, actor=user, reason="Sai đối tượng", through=move.only_through
        ),
    )


@each_transition(DECISION)
def test_no_move_without_its_service(decision, users, move):
    if move.source != decision.state:
        DECISION.transition(
            decision, move.source, check_permission=False, through=THROUGH_FILES
        )
    with pytest.raises(ValidationError, match="chỉ được thực hiện qua"):
        DECISION.transition(decision, move.target, actor=users["admin"], reason="x")
