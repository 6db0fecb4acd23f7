"""The ballot's gates: who may open, who may vote, when, and how often."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.councils.ballots import (
    cast_vote,
    close_ballot,
    open_ballot,
    published_receipts,
    receipt_is_published,
    tally,
)
from thidua.councils.models import (
    Ballot,
    BallotParticipation,
    BallotRoster,
    BallotVote,
    SealedPaper,
)
from thidua.councils.services import ballot as ballot_services
from thidua.councils.services.meeting import (
    add_agenda_item,
    close_meeting,
    record_attendance,
    recuse,
    schedule_meeting,
)
from thidua.organizations.services.structure import add_council_member

from ..factories import make_person

pytestmark = pytest.mark.django_db

YES, NO = "dong_y", "khong_dong_y"


def message(exc_info) -> str:
    return " ".join(exc_info.value.messages)


def box_size(ballot) -> tuple[int, int]:
    """(papers in the box, sealed or counted; participations)."""
    return (
        SealedPaper.objects.filter(box=ballot.box_id).count()
        + BallotVote.objects.filter(ballot=ballot).count(),
        BallotParticipation.objects.filter(ballot=ballot).count(),
    )


def test_roster_is_frozen_at_opening_and_a_later_seat_cannot_vote(sitting, org):
    ballot = open_ballot(sitting.items[0], actor=sitting.secretary_user)
    assert ballot.roster_size == 10
    assert set(
        BallotRoster.objects.filter(ballot=ballot).values_list("member", flat=True)
    ) == {s.pk for s in sitting.seats}
    newcomer = add_council_member(
        org.council,
        person=make_person(org.vp, "Người Mới Vào"),
        role="uy_vien",
        start_date=datetime.date.today(),  # noqa: DTZ011 (a date, as the service takes)
    )
    record_attendance(sitting.meeting, newcomer, present=True)
    with pytest.raises(ValidationError) as exc:
        cast_vote(ballot, newcomer, YES)
    assert message(exc) == "Thành viên không có trong danh sách bỏ phiếu."
    ballot.refresh_from_db()
    assert ballot.roster_size == 10
    assert box_size(ballot) == (0, 0)


def test_member_of_another_council_is_refused(sitting, org):
    outsider = add_council_member(
        org.other_council,
        person=org.people["other_staff"],
        role="uy_vien",
        start_date=datetime.date(2022, 1, 1),
    )
    ballot = open_ballot(sitting.items[0], actor=sitting.secretary_user)
    with pytest.raises(ValidationError) as exc:
        cast_vote(ballot, outsider, YES)
    assert message(exc) == "Thành viên không có trong danh sách bỏ phiếu."
    assert box_size(ballot) == (0, 0)


def test_recused_member_is_off_the_roster_and_refused(sitting):
    member = sitting.seats[4]
    recuse(sitting.items[0], member, reason="Cùng đơn vị với người được đề nghị")
    ballot = open_ballot(sitting.items[0], actor=sitting.secretary_user)
    assert ballot.roster_size == 9
    assert not BallotRoster.objects.filter(ballot=ballot, member=member).exists()
    with pytest.raises(ValidationError) as exc:
        cast_vote(ballot, member, YES)
    assert message(exc) == (
        "Thành viên đã rút khỏi việc xét các nội dung của lượt này (xung đột lợi ích)."
    )
    assert box_size(ballot) == (0, 0)


def test_recusal_after_opening_is_refused(sitting):
    open_ballot(sitting.items[0], actor=sitting.secretary_user)
    with pytest.raises(ValidationError, match="Đã mở phiếu"):
        recuse(sitting.items[0], sitting.seats[3], reason="Xung đột lợi ích")


def test_second_vote_is_refused_by_the_service(sitting):
    ballot = open_ballot(sitting.items[0], actor=sitting.secretary_user)
    member = sitting.seats[3]
    cast_vote(ballot, member, YES)
    with pytest.raises(ValidationError) as exc:
        cast_vote(ballot, member, NO)
    assert message(exc) == "Thành viên đã bỏ phiếu trong lượt này."
    assert box_size(ballot) == (1, 1)


def test_second_vote_is_refused_by_the_database_constraint(sitting, monkeypatch):
    ballot = open_ballot(sitting.items[0], actor=sitting.secretary_user)
    member = sitting.seats[3]
    cast_vote(ballot, member, YES)
    # The constraint itself:
    with pytest.raises(IntegrityError), transaction.atomic():
        BallotParticipation.objects.create(ballot=ballot, member=member)
    # The service with its own check switched off answers the same message, and the
    # vote written before the participation is rolled back with it.
    monkeypatch.setattr(ballot_services, "_already_voted", lambda *a: False)
    with pytest.raises(ValidationError) as exc:
        cast_vote(ballot, member, NO)
    assert message(exc) == "Thành viên đã bỏ phiếu trong lượt này."
    assert box_size(ballot) == (1, 1)


def test_vote_after_close_is_refused(sitting):
    ballot = open_ballot(sitting.items[0], actor=sitting.secretary_user)
    cast_vote(ballot, sitting.seats[2], YES)
    close_ballot(ballot, actor=sitting.secretary_user)
    with pytest.raises(ValidationError) as exc:
        cast_vote(ballot, sitting.seats[3], YES)
    assert message(exc) == "Phiếu đã đóng, không thể bỏ phiếu."
    assert box_size(ballot) == (1, 1)
    with pytest.raises(ValidationError, match="Phiếu đã đóng"):
        close_ballot(ballot, actor=sitting.secretary_user)


def test_vote_before_opening_and_invalid_choice_are_refused(sitting):
    with pytest.raises(ValidationError, match="chưa được mở phiếu"):
        cast_vote(None, sitting.seats[2], YES)
    with pytest.raises(ValidationError, match="chưa được mở phiếu"):
        cast_vote(Ballot(), sitting.seats[2], YES)
    ballot = open_ballot(sitting.items[0], actor=sitting.secretary_user)
    with pytest.raises(ValidationError, match="Lựa chọn không hợp lệ"):
        cast_vote(ballot, sitting.seats[2], "phieu_trang")
    assert box_size(ballot) == (0, 0)


def test_tally_and_receipts_are_refused_before_close_for_everyone(sitting, users):
    ballot = open_ballot(sitting.items[0], actor=sitting.secretary_user)
    receipt = cast_vote(ballot, sitting.seats[2], YES)
    with pytest.raises(ValidationError) as exc:
        tally(ballot)
    assert message(exc) == "Chưa đóng phiếu, không thể xem kết quả."
    with pytest.raises(ValidationError, match="Chưa đóng phiếu"):
        published_receipts(ballot)
    with pytest.raises(ValidationError, match="Chưa đóng phiếu"):
        receipt_is_published(ballot, receipt)
    with pytest.raises(ValidationError, match="chưa được mở phiếu"):
        tally(None)
    close_ballot(ballot, actor=sitting.secretary_user)
    assert tally(ballot).yes == 1
    assert receipt_is_published(ballot, receipt.lower())
    assert not receipt_is_published(ballot, "AAAA-BBBB")


def test_only_secretary_or_chair_open_and_close(sitting, users):
    item = sitting.items[0]
    for actor in (users["admin"], users["officer"], sitting.seats[5]):
        with pytest.raises(ValidationError, match="Chỉ thư ký hoặc chủ tịch"):
            open_ballot(item, actor=actor)
    ballot = open_ballot(item, actor=sitting.chair)  # a seat works as actor too
    for actor in (users["admin"], sitting.seats[5]):
        with pytest.raises(ValidationError, match="Chỉ thư ký hoặc chủ tịch"):
            close_ballot(ballot, actor=actor)
    close_ballot(ballot, actor=sitting.secretary_user)
    with pytest.raises(ValidationError, match="đã được mở phiếu"):
        open_ballot(item, actor=sitting.secretary_user)


def test_ballot_needs_a_meeting_in_session(board):
    from django.utils import timezone

    meeting = schedule_meeting(board.council, title="Họp", scheduled_at=timezone.now())
    item = add_agenda_item(meeting, label="Bà B — LĐTT", title_code="LDTT")
    with pytest.raises(ValidationError, match="chưa khai mạc"):
        open_ballot(item, actor=board.secretary_user)


def test_meeting_cannot_close_with_an_open_ballot(sitting):
    ballot = open_ballot(sitting.items[0], actor=sitting.secretary_user)
    with pytest.raises(ValidationError, match="Còn nội dung đang bỏ phiếu"):
        close_meeting(sitting.meeting, actor=sitting.secretary_user)
    close_ballot(ballot, actor=sitting.secretary_user)
    close_meeting(sitting.meeting, actor=sitting.secretary_user)
    with pytest.raises(ValidationError, match="đã kết thúc"):
        add_agenda_item(sitting.meeting, label="Muộn")


def test_written_vote_of_an_absent_member_counts_only_with_permission(sitting):
    allowed, not_allowed = sitting.seats[8], sitting.seats[9]
    record_attendance(
        sitting.meeting, allowed, present=False, written_vote_allowed=True
    )
    record_attendance(sitting.meeting, not_allowed, present=False)
    ballot = open_ballot(sitting.items[0], actor=sitting.secretary_user)
    with pytest.raises(ValidationError, match="vắng mặt chưa được phép"):
        cast_vote(ballot, not_allowed, YES, written=True)
    with pytest.raises(ValidationError, match="không có mặt"):
        cast_vote(ballot, not_allowed, YES)
    with pytest.raises(ValidationError, match="không có mặt"):
        cast_vote(ballot, allowed, YES)  # a written vote must be entered as such
    with pytest.raises(ValidationError, match="phiếu bằng văn bản chỉ"):
        cast_vote(ballot, sitting.seats[2], YES, written=True)
    cast_vote(ballot, allowed, YES, written=True)
    assert BallotParticipation.objects.get(ballot=ballot, member=allowed).channel == (
        "written"
    )
    close_ballot(ballot, actor=sitting.secretary_user)
    result = tally(ballot)
    assert (result.yes, result.no, result.abstained_or_absent) == (1, 0, 9)
    assert result.participations == 1


def test_written_permission_is_for_absent_members_only(sitting):
    with pytest.raises(ValidationError, match="Chỉ thành viên vắng mặt"):
        record_attendance(
            sitting.meeting, sitting.seats[2], present=True, written_vote_allowed=True
        )


def test_conflicts_are_flagged_from_the_org_tree(board, org):
    from django.utils import timezone

    from thidua.councils.services.meeting import find_conflicts

    meeting = schedule_meeting(board.council, title="Họp", scheduled_at=timezone.now())
    head = org.people["head"]  # the chair, in Phòng ĐKKD
    # The chair himself is the nominee.
    item = add_agenda_item(
        meeting, label="Ông Lê Minh Đức — CSTĐCS", nominee_person=head
    )
    assert item.nominee_person == head and item.nominee_unit_id == head.unit_id
    assert [m.person_id for m in item.conflicted_members.all()] == [head.pk]
    assert list(item.conflicted_members.all()) == [board.chair]
    # A colleague of the secretary (same unit, Văn phòng): the secretary and every
    # member seated from Văn phòng are conflicted; the chair is not.
    colleague = org.people["vp_staff"]
    item = add_agenda_item(
        meeting, label="Bà Hoàng Thị Lan — LĐTT", nominee_person=colleague
    )
    conflicted = set(item.conflicted_members.all())
    assert board.secretary in conflicted and board.chair not in conflicted
    # The seats in conflict are in the item's audit entry, with their persons.
    from thidua.common.models import ActivityLog

    entry = ActivityLog.objects.filter(
        action="councils.agenda.add", object_id=str(item.pk)
    ).get()
    assert entry.data["conflicts"] == sorted(m.pk for m in conflicted)
    assert entry.data["conflicted_person_ids"] == sorted(
        m.person_id for m in conflicted
    )
    assert entry.data["nomination"] is None
    # A collective nominee: the parent agency covers every unit below it.
    everyone = find_conflicts(
        board.council, on=datetime.date(2026, 1, 1), nominee_unit_id=org.skhdt.pk
    )
    assert len(everyone) == 10
    nobody = find_conflicts(
        board.council, on=datetime.date(2026, 1, 1), nominee_unit_id=org.other.pk
    )
    assert nobody == []


def test_quorum_is_live_and_configurable(sitting):
    from thidua.councils.selectors import quorum, required_present

    q = quorum(sitting.meeting)
    assert (q.present, q.total, q.required, q.met) == (10, 10, 6, True)
    for seat in sitting.seats[:5]:
        record_attendance(sitting.meeting, seat, present=False)
    q = quorum(sitting.meeting)
    assert (q.present, q.required, q.met) == (5, 6, False)
    assert [required_present("two_thirds", n) for n in (3, 7, 9, 10)] == [2, 5, 6, 7]
    assert required_present("none", 10) == 0
