"""The transition × role check shared by every workflow's matrix test
(tests/*/test_workflow_matrix.py): one place says what "offered", "moved" and
"refused" mean for a role and a transition of a table."""

import pytest
from django.core.exceptions import PermissionDenied

# Every role of tests.factories.make_users.
ROLES = [
    "admin",
    "officer",
    "unit_head",
    "council_member",
    "council_secretary",
    "staff",
    "higher_officer",
    "other_officer",
    "head",
    "deputy",
    "clerk",
]


def each_transition(workflow):
    """Parametrize a test over ``workflow``'s table, each named source->target."""
    return pytest.mark.parametrize(
        "move", workflow.transitions, ids=lambda t: f"{t.source}->{t.target}"
    )


def check_move(workflow, obj, user, move, holds, perform) -> None:
    """``user`` is offered ``move`` on ``obj`` exactly when it holds the permission
    and the move is a button; ``perform(obj, target, user)`` (the service, or the
    kernel) then moves it, or is refused with 403 and changes nothing."""
    offered = [t.target for t in workflow.available(user, obj)]
    assert (move.target in offered) == (
        holds and move.offered and not move.only_through
    )
    if holds:
        moved = perform(obj, move.target, user)
        assert getattr(moved, workflow.state_field) == move.target
    else:
        with pytest.raises(PermissionDenied):
            perform(obj, move.target, user)
        obj.refresh_from_db()
        assert getattr(obj, workflow.state_field) == move.source
