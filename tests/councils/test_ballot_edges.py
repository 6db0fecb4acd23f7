"""The ballot's less travelled paths: a box carried over from before sealing, a paper
naming a row of another box, a paper of someone off the roster slipped in, requests
that name nothing, and the member's papers when he sits on two councils."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from thidua.councils.enums import BallotState, MeetingState
from thidua.councils.models import (
    Ballot,
    BallotBox,
    BallotParticipation,
    BallotRoster,
    BallotVote,
    Meeting,
    SealedPaper,
)
from thidua.councils.sealing import seal_paper
from thidua.councils.selectors import open_paper_count, open_papers_for
from thidua.councils.services.ballot import cast_paper, encode_paper, open_ballots
from thidua.councils.services.count import close_box, published_receipts, tally
from thidua.councils.services.meeting import add_agenda_item, schedule_meeting
from thidua.organizations.services.structure import add_council_member

pytestmark = pytest.mark.django_db

YES, NO = "dong_y", "khong_dong_y"


def _carried_over_box(sitting) -> Ballot:
    """What councils 0008 makes of an open ballot of before: a box without keys, its
    votes already in the clear."""
    now = timezone.now()
    box = BallotBox.objects.create(
        meeting=sitting.meeting, number=1, opened_at=now, sealed=False
    )
    ballot = Ballot.objects.create(
        agenda_item=sitting.items[0],
        box=box,
        opened_at=now,
        roster_size=len(sitting.seats),
        pass_numerator=1,
        pass_denominator=2,
        pass_comparison="gt",
        rule_label="Quá nửa",
    )
    BallotRoster.objects.bulk_create(
        BallotRoster(ballot=ballot, member=s) for s in sitting.seats
    )
    for seat, choice in zip(sitting.seats[:3], (YES, YES, NO), strict=True):
        BallotParticipation.objects.create(ballot=ballot, member=seat)
        BallotVote.objects.create(ballot=ballot, choice=choice)
    return ballot


def test_a_carried_over_box_takes_no_more_papers_and_counts_its_clear_votes(sitting):
    ballot = _carried_over_box(sitting)
    with pytest.raises(ValidationError, match="phiên bản trước"):
        cast_paper(ballot.box, sitting.seats[5], {ballot.pk: YES})
    (result,) = close_box(ballot.box, "", actor=sitting.secretary_user)
    assert (result.yes, result.no, result.abstained_or_absent) == (2, 1, 7)
    assert tally(ballot).participations == 3
    assert published_receipts(ballot.box) == []


def test_refusals_that_name_what_is_wrong(sitting, board):
    other = schedule_meeting(board.council, title="Khác", scheduled_at=timezone.now())
    stray = add_agenda_item(other, label="Của phiên khác")
    with pytest.raises(ValidationError, match="không thuộc phiên họp này"):
        open_ballots(sitting.meeting, [sitting.items[0], stray], actor=board.secretary)
    opened = open_ballots(sitting.meeting, [sitting.items[0]], actor=board.secretary)
    ballot = opened.box.ballots.get()
    with pytest.raises(ValidationError, match="không thuộc lượt bỏ phiếu này"):
        cast_paper(opened.box, sitting.seats[2], {ballot.pk: YES, 999999: YES})
    # A sitting that ended with the box still open (only by going round the services).
    Meeting.objects.filter(pk=sitting.meeting.pk).update(
        state=MeetingState.CLOSED, closed_at=timezone.now()
    )
    with pytest.raises(ValidationError, match="không còn diễn ra"):
        cast_paper(opened.box, sitting.seats[2], {ballot.pk: YES})
    with pytest.raises(ValidationError, match="chưa được mở phiếu"):
        published_receipts(None)


def test_a_paper_of_someone_off_the_roster_stops_the_count(sitting, org):
    opened = open_ballots(sitting.meeting, [sitting.items[0]], actor=sitting.chair)
    ballot = opened.box.ballots.get()
    for seat in sitting.seats:
        cast_paper(opened.box, seat, {ballot.pk: YES})
    latecomer = add_council_member(
        sitting.council,
        person=org.people["vp_staff"],
        role="uy_vien",
        start_date=datetime.date(2022, 1, 1),
    )
    # Slipped in at the database: a participation and its paper, off the roster.
    BallotParticipation.objects.create(ballot=ballot, member=latecomer)
    SealedPaper.objects.create(
        box=opened.box,
        sealed=seal_paper(
            bytes(opened.box.public_key), encode_paper("ab" * 32, {ballot.pk: YES})
        ),
    )
    with pytest.raises(IntegrityError, match="more votes than the roster"):
        close_box(opened.box, opened.code, actor=sitting.chair)
    assert BallotBox.objects.get(pk=opened.box.pk).state == BallotState.OPEN


def test_papers_of_a_member_of_two_councils_and_of_accounts_without_a_person(
    sitting, board, org, users
):
    from thidua.organizations.services.structure import create_council

    second = create_council(
        agency=org.dkkd, name="Hội đồng của phòng", term_start=datetime.date(2022, 1, 1)
    )
    add_council_member(
        second,
        person=board.secretary.person,
        role="uy_vien",
        start_date=datetime.date(2022, 1, 1),
    )
    opened = open_ballots(sitting.meeting, [sitting.items[0]], actor=board.secretary)
    papers = open_papers_for(board.secretary_user, on=timezone.localdate())
    assert [(p.box, p.seat.council) for p in papers] == [(opened.box, board.council)]
    assert open_paper_count(board.secretary_user) == 1
    nobody = users["admin"]
    assert nobody.person_id is None
    assert open_papers_for(nobody, on=timezone.localdate()) == []
    assert open_paper_count(nobody) == 0
    # A seated member with no paper in any open box.
    assert open_papers_for(users["staff"], on=timezone.localdate()) == []


def test_why_a_member_cannot_vote(sitting, org):
    from thidua.councils.selectors import _paper_reason

    assert "không có trong danh sách" in _paper_reason(None, [], recused=False)
    assert "xung đột lợi ích" in _paper_reason(None, [], recused=True)
    assert "chưa được thư ký ghi nhận có mặt" in _paper_reason(None, [1], recused=False)
