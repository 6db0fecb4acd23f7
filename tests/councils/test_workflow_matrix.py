"""Transition × role for council meetings, generated from the workflow table: only the
council's secretary (or chair) runs a meeting; every other role is offered nothing and
is refused by the kernel. The ballot keeps its own functions (test_ballot_flow.py)."""

import pytest
from django.utils import timezone

from thidua.councils.services.meeting import schedule_meeting
from thidua.councils.workflows import MEETING

from ..workflow_matrix import ROLES, check_move, each_transition

pytestmark = pytest.mark.django_db

# The secretary; and the unit head, whose person chairs the test council.
HOLDERS = {"councils.run_meeting": {"council_secretary", "unit_head"}}


def test_every_permission_in_the_table_is_in_the_matrix():
    assert {t.permission for t in MEETING.transitions} == set(HOLDERS)


def _stamp(locked, move):
    """What the meeting service does with a move: the opening or closing time (the
    database holds the times to the state)."""
    field = "opened_at" if move.target == "open" else "closed_at"
    setattr(locked, field, timezone.now())
    return [field]


@each_transition(MEETING)
@pytest.mark.parametrize("role", ROLES)
def test_meeting_moves_by_role(board, users, move, role):
    meeting = schedule_meeting(
        board.council,
        title="Phiên họp",
        scheduled_at=timezone.now(),
        location="Phòng họp",
        actor=board.secretary_user,
    )
    if move.source != "scheduled":
        MEETING.transition(meeting, "open", actor=board.secretary_user, effect=_stamp)
        meeting.refresh_from_db()
    check_move(
        MEETING,
        meeting,
        users[role],
        move,
        role in HOLDERS[move.permission],
        lambda obj, to, user: MEETING.transition(obj, to, actor=user, effect=_stamp),
    )
