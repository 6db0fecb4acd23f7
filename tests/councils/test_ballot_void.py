"""A lost tally code: the secretary (or chair) voids the open box with the reason; its
sealed papers are destroyed unopened, its key erased, box and ballots frozen as void,
and the items go back on the agenda with the council's recusals and clearances — the
council votes again, the meeting can close, and the minutes say what happened."""

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.urls import reverse

from thidua.common.models import ActivityLog
from thidua.councils.enums import BallotState
from thidua.councils.models import (
    Ballot,
    BallotBox,
    BallotParticipation,
    BallotReceipt,
    BallotVote,
    SealedPaper,
)
from thidua.councils.rendering import minutes_spec, tally_spec
from thidua.councils.services.ballot import cast_paper, open_ballots
from thidua.councils.services.count import close_box
from thidua.councils.services.meeting import (
    add_agenda_item,
    clear_conflict,
    close_meeting,
    declare_conflict,
    recuse,
)
from thidua.councils.services.void import AGAIN_SUFFIX, void_box

pytestmark = pytest.mark.django_db
YES, NO = "dong_y", "khong_dong_y"
REASON = "Thư ký làm mất mã kiểm phiếu"


@pytest.fixture
def box(sitting):
    """Two items (one with a recusal, one with a cleared conflict), a box open on
    both, three papers in it."""
    second = add_agenda_item(
        sitting.meeting,
        label="Bà Trần Thị B — Lao động tiên tiến",
        title_code="LDTT",
        regime="nd98_2023",
    )
    sitting.items.append(second)
    first = sitting.items[0]
    declare_conflict(first, sitting.seats[4], reason="Con dâu")
    recuse(first, sitting.seats[4], reason="Con dâu")
    declare_conflict(second, sitting.seats[5], reason="Cùng phòng")
    clear_conflict(second, sitting.seats[5], reason="Quy chế cho phép")
    opened = open_ballots(sitting.meeting, sitting.items, actor=sitting.secretary_user)
    rows = {b.agenda_item_id: b.pk for b in opened.box.ballots.all()}
    for seat in sitting.seats[:3]:
        cast_paper(opened.box, seat, {rows[first.pk]: YES, rows[second.pk]: NO})
    return opened.box


def test_void_destroys_the_papers_and_puts_the_items_again(sitting, box):
    ballots = list(Ballot.objects.filter(box=box).order_by("agenda_item__position"))
    again = void_box(box, reason=f"  {REASON} ", actor=sitting.secretary_user)
    box.refresh_from_db()
    assert box.state == BallotState.VOID and box.closed_at is not None
    assert box.void_reason == REASON and box.wrapped_private_key is None
    assert not SealedPaper.objects.filter(box=box).exists()
    assert not BallotVote.objects.filter(ballot__box=box).exists()
    assert not BallotReceipt.objects.filter(box=box).exists()
    assert set(Ballot.objects.filter(box=box).values_list("state", flat=True)) == {
        BallotState.VOID
    }
    # Who handed in a paper stays on record, as on a paper signature list.
    assert BallotParticipation.objects.filter(ballot__box=box).count() == 6
    entry = ActivityLog.objects.get(action="councils.ballot.void")
    assert entry.data["reason"] == REASON and entry.data["papers_destroyed"] == 3
    assert entry.actor == sitting.secretary_user

    # The items are on the agenda again, as the council had settled them.
    assert [item.label for item in again] == [
        b.agenda_item.label + AGAIN_SUFFIX for b in ballots
    ]
    assert [item.position for item in again] == [3, 4]
    first, second = again
    assert list(first.recusals.values_list("member", "reason")) == [
        (sitting.seats[4].pk, "Con dâu")
    ]
    conflict = second.conflicts.get()
    assert (conflict.member_id, conflict.cleared_reason) == (
        sitting.seats[5].pk,
        "Quy chế cho phép",
    )

    # The council votes again on the new items; the meeting closes.
    opened = open_ballots(sitting.meeting, again, actor=sitting.secretary_user)
    rows = {b.agenda_item_id: b for b in opened.box.ballots.all()}
    assert rows[first.pk].roster_size == len(sitting.seats) - 1
    assert rows[second.pk].roster_size == len(sitting.seats)
    for seat in sitting.seats:
        choices = {rows[second.pk].pk: YES}
        if seat != sitting.seats[4]:
            choices[rows[first.pk].pk] = YES
        cast_paper(opened.box, seat, choices)
    results = close_box(opened.box, opened.code, actor=sitting.secretary_user)
    assert sorted(r.yes for r in results) == [9, 10]
    close_meeting(sitting.meeting, actor=sitting.secretary_user)
    sitting.meeting.refresh_from_db()
    minutes, tally = (
        repr(minutes_spec(sitting.meeting)),
        repr(tally_spec(sitting.meeting)),
    )
    for text in (minutes, tally):
        assert "bị hủy, không kiểm phiếu" in text
        assert REASON in text
    assert "'3'" in tally  # the three papers handed in before the box was voided
    # Every member agreed: the share reads as Vietnamese write it, not "100.0 %".
    assert "'100 %; thông qua'" in tally and "100.0" not in tally


def test_void_is_refused_without_reason_by_others_and_once_only(sitting, box):
    with pytest.raises(ValidationError, match="Cần ghi lý do hủy"):
        void_box(box, reason="   ", actor=sitting.secretary_user)
    with pytest.raises(ValidationError, match="dài quá 500"):
        void_box(box, reason="x" * 501, actor=sitting.secretary_user)
    member = sitting.seats[6]
    with pytest.raises(ValidationError, match="Chỉ thư ký hoặc chủ tịch"):
        void_box(box, reason=REASON, actor=member)
    assert BallotBox.objects.get(pk=box.pk).state == BallotState.OPEN
    void_box(box, reason=REASON, actor=sitting.chair)
    with pytest.raises(ValidationError, match="đã đóng hoặc đã hủy"):
        void_box(box, reason=REASON, actor=sitting.secretary_user)
    ballot = Ballot.objects.filter(box=box).first()
    with pytest.raises(ValidationError):
        cast_paper(box, sitting.seats[7], {ballot.pk: YES})
    with pytest.raises(ValidationError):
        close_box(box, "", actor=sitting.secretary_user)


def test_the_database_freezes_a_voided_box(sitting, box):
    void_box(box, reason=REASON, actor=sitting.secretary_user)
    for query in (
        BallotBox.objects.filter(pk=box.pk),
        Ballot.objects.filter(box=box),
    ):
        with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
            query.update(state=BallotState.OPEN, closed_at=None)
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
        SealedPaper.objects.create(box=box, sealed=b"x" * 80)
    # A void box without its reason is refused by the database itself.
    with pytest.raises(IntegrityError), transaction.atomic():
        BallotBox.objects.create(
            meeting=sitting.meeting,
            number=9,
            state=BallotState.VOID,
            opened_at=box.opened_at,
            closed_at=box.closed_at,
            sealed=False,
        )


def test_the_secretary_voids_from_the_meeting_page(client_for, sitting, box):
    client = client_for("council_secretary")
    url = reverse("councils:meeting-action", args=[sitting.meeting.pk])
    page = client.get(reverse("councils:meeting-detail", args=[sitting.meeting.pk]))
    assert 'data-testid="void-box"' in page.content.decode()
    response = client.post(
        url, {"action": "void_box", "box": box.pk, "reason": ""}, follow=True
    )
    assert "Cần ghi lý do hủy" in response.content.decode()
    assert BallotBox.objects.get(pk=box.pk).state == BallotState.OPEN
    response = client.post(
        url, {"action": "void_box", "box": box.pk, "reason": REASON}, follow=True
    )
    html = response.content.decode()
    assert 'data-testid="box-void"' in html and REASON in html
    assert html.count(AGAIN_SUFFIX) >= 2
    assert BallotBox.objects.get(pk=box.pk).state == BallotState.VOID
    # A council member who is not the secretary or chair may not.
    assert client_for("council_member").post(
        url, {"action": "void_box", "box": box.pk, "reason": REASON}
    ).status_code in (403, 404)


def test_a_re_vote_voided_again_keeps_one_suffix_and_the_conflicts_found(sitting):
    """Conflicts the org tree finds are found again on the new item (not declared a
    second time); their clearances carry over; a second voiding adds no suffix."""
    office = sitting.seats[0].person.unit
    item = add_agenda_item(
        sitting.meeting, label="Tập thể " + office.name, nominee_unit=office
    )
    conflicted = list(item.conflicts.select_related("member"))
    assert conflicted  # the members working in the nominated unit
    for conflict in conflicted:
        clear_conflict(item, conflict.member, reason="Quy chế cho phép")
    box = open_ballots(sitting.meeting, [item], actor=sitting.secretary_user).box
    (again,) = void_box(box, reason=REASON, actor=sitting.secretary_user)
    assert not ActivityLog.objects.filter(
        action="councils.agenda.declare_conflict", object_id=str(again.pk)
    ).exists()
    assert again.conflicts.filter(cleared_at__isnull=False).count() == len(conflicted)
    box = open_ballots(sitting.meeting, [again], actor=sitting.secretary_user).box
    (third,) = void_box(box, reason=REASON, actor=sitting.secretary_user)
    assert third.label == item.label + AGAIN_SUFFIX
