"""Transition × role, generated from the movement's workflow table: every transition is
tried by every role on a movement in its source state; the roles that hold the
transition's permission move it (and are offered the move), the others get 403 and
are offered nothing. A transition added to the table is in this matrix at once."""

import pytest
import time_machine
from django.core.exceptions import ValidationError

from thidua.documents.models.drafts import DraftState
from thidua.documents.services.draft_issue import transition_draft
from thidua.movements.enums import MovementState, RegistrationState
from thidua.movements.services.launch_plan import write_launch_plan
from thidua.movements.services.movement import transition_movement
from thidua.movements.services.registration import (
    save_registration,
    transition_registration,
)
from thidua.movements.workflows import BY_PLAN, MOVEMENT, REGISTRATION

from ..decisions.factories import give_person
from ..workflow_matrix import ROLES, check_move, each_transition
from .factories import ISSUED_ON, issue_movement, make_movement

pytestmark = pytest.mark.django_db

# Who holds each permission named in the table, for a movement of the officer's Sở:
# the office drafts and runs it, the head or his deputy (KT.) approves the launch
# document, the clerk (or an admin) numbers and issues it.
HOLDERS = {
    "movements.change_movement": {"admin", "officer"},
    "movements.approve_movement": {"head", "deputy"},
    "movements.issue_movement": {"admin", "clerk"},
}
S = MovementState
# The path from a draft to each state, through the table.
PATHS = {
    S.DRAFT: [],
    S.AWAITING: [S.AWAITING],
    S.RETURNED: [S.AWAITING, S.RETURNED],
    S.APPROVED: [S.AWAITING, S.APPROVED],
}
RUN = [S.ISSUED, S.RUNNING, S.INTERIM, S.FINAL, S.CLOSED]


@pytest.fixture
def movement(org, users):
    give_person(users["head"], org.skhdt, "Vũ Hoàng Quý", "Giám đốc Sở")
    give_person(users["deputy"], org.skhdt, "Lý Văn Sơn", "Phó Giám đốc Sở")
    return make_movement(org)


def _perform(movement, to, user):
    return transition_movement(
        movement, to, actor=user, issued_on=ISSUED_ON, reason="Bổ sung nơi nhận."
    )


def _in_state(movement, state, users):
    """Walk ``movement`` the real way to ``state``: the head approves or returns."""
    if state in PATHS:
        path = PATHS[state]
    else:
        path = PATHS[S.APPROVED] + RUN[: RUN.index(state) + 1]
    for step in path:
        actor = users["head"] if step in (S.APPROVED, S.RETURNED) else None
        movement = _perform(movement, step, actor)
    return movement


def test_every_permission_in_the_table_is_in_the_matrix():
    assert {t.permission for t in MOVEMENT.transitions} == set(HOLDERS)


def _by_plan(users):
    """A move made only by issuing the movement's plan (services.launch_plan): the
    clerk — or an admin — issues the plan the head approved; anyone else is refused
    by the kernel before anything moves."""

    def perform(movement, to, user):
        if not user.has_perm("movements.issue_movement", movement):
            return MOVEMENT.transition(movement, to, actor=user, through=BY_PLAN)
        plan = write_launch_plan(movement, actor=users["officer"])
        plan = transition_draft(plan, DraftState.AWAITING, actor=users["officer"])
        plan = transition_draft(plan, DraftState.APPROVED, actor=users["head"])
        transition_draft(plan, DraftState.ISSUED, actor=user, issued_on=ISSUED_ON)
        movement.refresh_from_db()
        return movement

    return perform


@each_transition(MOVEMENT)
@pytest.mark.parametrize("role", ROLES)
def test_transition_by_role(movement, users, move, role):
    check_move(
        MOVEMENT,
        _in_state(movement, move.source, users),
        users[role],
        move,
        role in HOLDERS[move.permission],
        _by_plan(users) if move.only_through else _perform,
    )


# --- Registrations ---------------------------------------------------------------------

REGISTRATION_HOLDERS = {
    # The unit's head and the officers over the unit (the Sở's officer) send it.
    "movements.submit_registration": {"admin", "officer", "unit_head"},
    # The launching Sở's officers decide.
    "movements.decide_registration": {"admin", "officer"},
}
REGISTRATION_SOURCE = {
    RegistrationState.DRAFT: [],
    RegistrationState.SUBMITTED: [RegistrationState.SUBMITTED],
    RegistrationState.RETURNED: [
        RegistrationState.SUBMITTED,
        RegistrationState.RETURNED,
    ],
}


def _registration_in(org, state):
    movement = issue_movement(make_movement(org), issued_on=ISSUED_ON)
    registration = save_registration(
        movement, org.dkkd, collective_title="TTLDTT", pledges="", entries=[]
    )
    for step in REGISTRATION_SOURCE[state]:
        registration = transition_registration(registration, step, reason="Bổ sung.")
    return registration


def test_every_registration_permission_is_in_the_matrix():
    assert {t.permission for t in REGISTRATION.transitions} == set(REGISTRATION_HOLDERS)


@time_machine.travel(ISSUED_ON)
@each_transition(REGISTRATION)
@pytest.mark.parametrize("role", ROLES)
def test_registration_transition_by_role(org, users, move, role):
    check_move(
        REGISTRATION,
        _registration_in(org, move.source),
        users[role],
        move,
        role in REGISTRATION_HOLDERS[move.permission],
        lambda obj, to, user: transition_registration(
            obj, to, actor=user, reason="Thiếu minh chứng."
        ),
    )


def test_returning_needs_a_reason(org, users):
    registration = _registration_in(org, RegistrationState.SUBMITTED)
    with pytest.raises(ValidationError, match="Phải ghi lý do trả lại"):
        transition_registration(
            registration, RegistrationState.RETURNED, actor=users["officer"]
        )
