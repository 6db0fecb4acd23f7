"""Transition × role for council meetings, generated from the workflow table: only the
council's secretary (or chair) runs a meeting; every other role is offered nothing and
is refused by the kernel. The ballot keeps its own functions (test_ballot_flow.py)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from thidua.councils.services.meeting import schedule_meeting
from thidua.councils.workflows import MEETING

pytestmark = pytest.mark.django_db

ROLES = ["admin", "officer", "unit_head", "council_member", "council_secretary",
         "staff", "higher_officer", "other_officer"]  # fmt: skip
# The secretary; and the unit head, whose person chairs the test council.
HOLDERS = {"councils.run_meeting": {"council_secretary", "unit_head"}}


def test_every_permission_in_the_table_is_in_the_matrix():
    assert {t.permission for t in MEETING.transitions} == set(HOLDERS)


@pytest.mark.parametrize(
    "move", MEETING.transitions, ids=lambda t: f"{t.source}->{t.target}"
)
@pytest.mark.parametrize("role", ROLES)
def test_meeting_moves_by_role(board, users, move, role):
    meeting = schedule_meeting(
        board.council, title="Phiên họp", scheduled_at=timezone.now(),
        location="Phòng họp", actor=board.secretary_user,
    )  # fmt: skip
    if move.source != "scheduled":
        MEETING.transition(meeting, "open", actor=board.secretary_user)
        meeting.refresh_from_db()
    user = users[role]
    holds = role in HOLDERS[move.permission]
    assert (
        move.target in [t.target for t in MEETING.available(user, meeting)]
    ) == holds
    if holds:
        assert MEETING.transition(meeting, move.target, actor=user).state == move.target
    else:
        with pytest.raises(PermissionDenied):
            MEETING.transition(meeting, move.target, actor=user)
