"""The council services' remaining refusals: an empty roster, a recusal that is not the
council's or not explained or recorded twice, a ballot box whose votes and participations
disagree, a database error that is not a second vote; and the pass rule's wording."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.councils.ballots import (
    cast_vote,
    close_ballot,
    hash_receipt,
    open_ballot,
)
from thidua.councils.enums import BallotState, Comparison, PassBasis
from thidua.councils.models import BallotVote, SealedPaper
from thidua.councils.sealing import seal_paper
from thidua.councils.selectors import box_progress
from thidua.councils.services import ballot as ballot_services
from thidua.councils.services.ballot import encode_paper
from thidua.councils.services.meeting import find_conflicts, recuse
from thidua.councils.services.pass_rules import PassRule
from thidua.organizations.models import CouncilMember

pytestmark = pytest.mark.django_db

YES = "dong_y"


def test_a_ballot_with_everyone_recused_is_refused(sitting):
    item = sitting.items[0]
    for seat in sitting.seats:
        recuse(item, seat, reason="Cùng đơn vị với người được đề nghị")
    with pytest.raises(ValidationError, match="Không có thành viên nào được bỏ phiếu"):
        open_ballot(item, actor=sitting.secretary_user)


def test_recusal_needs_a_reason_a_seat_of_this_council_and_happens_once(sitting, org):
    item, member = sitting.items[0], sitting.seats[3]
    with pytest.raises(ValidationError, match="Cần ghi lý do"):
        recuse(item, member, reason="   ")
    stranger = CouncilMember.objects.create(
        council=org.other_council,
        person=org.people["other_staff"],
        role="uy_vien",
        start_date=datetime.date(2022, 1, 1),
    )
    with pytest.raises(ValidationError, match="không phải thành viên của hội đồng"):
        recuse(item, stranger, reason="Xung đột lợi ích")
    recuse(item, member, reason="Xung đột lợi ích")
    with pytest.raises(ValidationError, match="đã rút khỏi việc xét"):
        recuse(item, member, reason="Xung đột lợi ích")


def test_close_refuses_a_box_whose_votes_and_participations_disagree(sitting):
    ballot = open_ballot(sitting.items[0], actor=sitting.secretary_user)
    cast_vote(ballot, sitting.seats[2], YES)
    assert box_progress(ballot.box).received == 1
    # A vote in the clear slipped into the open box.
    with transaction.atomic():
        sid = transaction.savepoint()
        BallotVote.objects.create(ballot=ballot, choice=YES)
        with pytest.raises(IntegrityError, match="votes in the clear before close"):
            close_ballot(ballot, actor=sitting.secretary_user)
        transaction.savepoint_rollback(sid)
    # A sealed paper slipped in without its participation row.
    box = ballot.box
    SealedPaper.objects.create(
        box=box,
        sealed=seal_paper(
            bytes(box.public_key), encode_paper(hash_receipt("x"), {ballot.pk: YES})
        ),
    )
    with pytest.raises(IntegrityError, match="papers != participations"):
        close_ballot(ballot, actor=sitting.secretary_user)
    ballot.refresh_from_db()
    assert ballot.state == BallotState.OPEN


def test_a_database_error_other_than_a_second_vote_is_not_reworded(
    sitting, monkeypatch
):
    ballot = open_ballot(sitting.items[0], actor=sitting.secretary_user)

    def broken(*args, **kwargs):
        raise IntegrityError("disk full")

    monkeypatch.setattr(ballot_services, "log_action", broken)
    with pytest.raises(IntegrityError, match="disk full"):
        cast_vote(ballot, sitting.seats[2], YES)
    assert box_progress(ballot.box).received == 0


def test_conflicts_of_a_unit_that_does_not_exist_are_none(board):
    assert (
        find_conflicts(board.council, on=datetime.date(2026, 1, 1), nominee_unit_id=0)
        == []
    )


@pytest.mark.parametrize(
    ("rule", "label"),
    [
        (
            PassRule(1, 2, Comparison.MORE_THAN, PassBasis.ALL_MEMBERS),
            "Quá nửa tổng số thành viên hội đồng (50 %)",
        ),
        (
            PassRule(2, 3, Comparison.MORE_THAN, PassBasis.VOTES_CAST, "Quy chế"),
            "Trên 2/3 tổng số phiếu bầu — Quy chế",
        ),
        (
            PassRule(9, 10, Comparison.AT_LEAST, PassBasis.ALL_MEMBERS),
            "Từ 9/10 tổng số thành viên hội đồng trở lên (90 %)",
        ),
    ],
)
def test_pass_rule_label(rule, label):
    assert rule.label == label


def test_the_members_papers_cost_the_same_queries_for_one_row_or_many(sitting):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from thidua.councils.selectors import open_papers_for
    from thidua.councils.services.ballot import open_ballots
    from thidua.councils.services.meeting import add_agenda_item

    user = sitting.secretary_user
    open_ballots(sitting.meeting, [sitting.items[0]], actor=user)
    with CaptureQueriesContext(connection) as one:
        (paper,) = open_papers_for(user, on=timezone.localdate())
    assert len(paper.rows) == 1
    more = [add_agenda_item(sitting.meeting, label=f"Đề nghị {i}") for i in range(6)]
    open_ballots(sitting.meeting, more[:3], actor=user)
    open_ballots(sitting.meeting, more[3:], actor=user)
    with CaptureQueriesContext(connection) as many:
        papers = open_papers_for(user, on=timezone.localdate())
    assert [len(p.rows) for p in papers] == [1, 3, 3]
    assert len(many.captured_queries) == len(one.captured_queries)
