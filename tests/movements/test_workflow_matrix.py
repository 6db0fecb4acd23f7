"""Transition × role, generated from the movement's workflow table: every transition is
tried by every role on a movement in its source state; the roles that hold the
transition's permission move it (and are offered the move), the others get 403 and
are offered nothing. A transition added to the table is in this matrix at once."""

import pytest
from django.core.exceptions import PermissionDenied

from thidua.movements.enums import MovementState
from thidua.movements.models import Movement
from thidua.movements.services.movement import transition_movement
from thidua.movements.workflows import MOVEMENT

from .factories import ISSUED_ON, make_movement

pytestmark = pytest.mark.django_db

ROLES = ["admin", "officer", "unit_head", "council_member", "council_secretary",
         "staff", "higher_officer", "other_officer"]  # fmt: skip
# Who holds each permission named in the table, for a movement of the officer's Sở.
HOLDERS = {
    "movements.issue_movement": {"admin", "officer"},
    "movements.change_movement": {"admin", "officer"},
}
# The path from a draft to each state, through the table.
PATH = [MovementState.ISSUED, MovementState.RUNNING, MovementState.INTERIM,
        MovementState.FINAL, MovementState.CLOSED]  # fmt: skip


def _in_state(org, state):
    movement = make_movement(org)
    for step in PATH[: PATH.index(state) + 1] if state != MovementState.DRAFT else []:
        movement = transition_movement(movement, step, issued_on=ISSUED_ON)
    return movement


def test_every_permission_in_the_table_is_in_the_matrix():
    assert {t.permission for t in MOVEMENT.transitions} == set(HOLDERS)


@pytest.mark.parametrize(
    "move", MOVEMENT.transitions, ids=lambda t: f"{t.source}->{t.target}"
)
@pytest.mark.parametrize("role", ROLES)
def test_transition_by_role(org, users, move, role):
    movement = _in_state(org, move.source)
    user = users[role]
    allowed = role in HOLDERS[move.permission]
    offered = [t.target for t in MOVEMENT.available(user, movement)]
    assert (move.target in offered) == (allowed and move.offered)
    if allowed:
        moved = transition_movement(movement, move.target, actor=user,
                                    issued_on=ISSUED_ON)  # fmt: skip
        assert moved.state == move.target
    else:
        with pytest.raises(PermissionDenied):
            transition_movement(movement, move.target, actor=user,
                                issued_on=ISSUED_ON)  # fmt: skip
        assert Movement.objects.get(pk=movement.pk).state == move.source
