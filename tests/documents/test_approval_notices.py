"""A text before the head tells those who approve it; approved, it tells the clerk
(documents.services.approval, each machine's ``on_enter``)."""

import pytest

from thidua.accounts.models import Notification
from thidua.documents.services.approval import tell_approvers
from thidua.movements.enums import MovementState
from thidua.movements.services.movement import transition_movement

from ..decisions.factories import head_of
from ..movements.factories import make_movement

pytestmark = pytest.mark.django_db


def told(kind):
    return {
        (n.recipient.username, n.title, n.link)
        for n in Notification.objects.filter(kind=kind).select_related("recipient")
    }


def test_the_head_then_the_clerk_are_told(org, users):
    movement = transition_movement(make_movement(org), MovementState.AWAITING)
    url = movement.get_absolute_url()
    assert told("documents.awaiting") == {
        ("head", f"Chờ duyệt: {movement}", url),
        ("deputy", f"Chờ duyệt: {movement}", url),
    }
    director = head_of(movement.launcher)
    transition_movement(movement, MovementState.APPROVED, actor=director)
    assert told("documents.to_number") == {
        ("clerk", f"Chờ lấy số, ban hành: {movement}", url)
    }


def test_the_one_who_moves_it_is_not_told(org, users):
    movement = make_movement(org)
    tell_approvers(movement, org.skhdt.pk, users["head"])
    assert {r for r, *_ in told("documents.awaiting")} == {"deputy"}
