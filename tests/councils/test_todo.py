"""A council member's ballots to cast and a secretary's meetings to prepare, in
"Việc cần làm" (site.selectors.todo)."""

import datetime

import pytest
from django.utils import timezone

from thidua.accounts.services import create_account
from thidua.councils.services.meeting import schedule_meeting
from thidua.site.selectors import todo_lines

from ..factories import PASSWORD
from .ballots import cast_vote, open_ballot

pytestmark = pytest.mark.django_db


def lines(user):
    return [
        (line.item.action, line.item.deadline, line.days_left)
        for line in todo_lines(type(user).objects.get(pk=user.pk))
    ]


def test_the_member_votes(sitting):
    seat = sitting.seats[2]
    member = create_account(username="uyvien3", password=PASSWORD, person=seat.person)
    ballot = open_ballot(sitting.items[0], actor=sitting.secretary_user)
    (line,) = todo_lines(type(member).objects.get(pk=member.pk))
    assert (line.item.action, line.item.title, line.item.detail) == (
        "Bỏ phiếu",
        "Phiên họp xét khen thưởng năm 2026",
        "Lượt 1",
    )
    cast_vote(ballot, seat, "dong_y")
    assert lines(member) == []


def test_the_secretary_prepares_the_meeting(board, users):
    when = timezone.now() + datetime.timedelta(days=3)
    schedule_meeting(
        board.council,
        title="Phiên họp tháng 3",
        scheduled_at=when,
        actor=users["admin"],
    )
    assert lines(users["council_secretary"]) == [
        ("Chuẩn bị phiên họp hội đồng", timezone.localdate(when), 3)
    ]
