"""Fixtures of the council tests: a council of ten and an open sitting."""

from dataclasses import dataclass, field

import pytest

from .ballot_worker import seat_members


@dataclass
class Board:
    council: object
    seats: list  # chair, secretary, then ủy viên; all present unless a test says not
    chair: object
    secretary: object
    secretary_user: object
    meeting: object = None
    items: list = field(default_factory=list)


@pytest.fixture
def board(org, users):
    """The org's council grown to ten members, with the secretary's login."""
    seats = seat_members(org.council, org.vp, 10)
    chair = next(s for s in seats if s.role == "chu_tich")
    secretary = next(s for s in seats if s.role == "thu_ky")
    return Board(org.council, seats, chair, secretary, users["council_secretary"])


@pytest.fixture
def sitting(board):
    """A meeting in session, everyone present, one agenda item (not yet opened)."""
    from django.utils import timezone

    from thidua.councils.services.meeting import (
        add_agenda_item,
        open_meeting,
        record_attendance,
        schedule_meeting,
    )

    board.meeting = schedule_meeting(
        board.council,
        title="Phiên họp xét khen thưởng năm 2026",
        scheduled_at=timezone.now(),
        location="Phòng họp tầng 3",
        actor=board.secretary_user,
    )
    open_meeting(board.meeting, actor=board.secretary_user)
    for seat in board.seats:
        record_attendance(board.meeting, seat, present=True)
    board.items.append(
        add_agenda_item(
            board.meeting,
            label="Ông Nguyễn Văn A — Chiến sĩ thi đua cơ sở",
            title_code="CSTDCS",
            regime="nd98_2023",
        )
    )
    return board
