"""Read-only queries of the councils app. Nothing here reads ``BallotVote`` or a
sealed paper."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.todo import TodoItem
from thidua.nominations.selectors import nomination_verdicts
from thidua.organizations.access import scopes_for
from thidua.organizations.eligibility import Verdict
from thidua.organizations.models import Council, CouncilMember
from thidua.organizations.selectors import councils_for_user

from .enums import BallotState, MeetingState, QuorumRule
from .models import (
    Attendance,
    Ballot,
    BallotBox,
    BallotParticipation,
    BallotRoster,
    Meeting,
    Recusal,
)

__all__ = [
    "BoxProgress",
    "access_meeting",
    "Paper",
    "PaperRow",
    "Quorum",
    "box_progress",
    "open_paper_count",
    "open_papers_for",
    "meeting_date",
    "officers",
    "quorum",
    "required_present",
    "seated_members",
    "todo_for",
]


def access_meeting(user, pk) -> Meeting:
    """A meeting of a council the user sees (organizations' ``councils_for_user``);
    any other is answered as missing."""
    meeting = (
        Meeting.objects.select_related(
            "council__agency", "minutes_document", "tally_document"
        )
        .filter(pk=pk)
        .first()
    )
    if (
        meeting is None
        or not councils_for_user(user).filter(pk=meeting.council_id).exists()
    ):
        raise Http404
    return meeting


def seated_members(council: Council, *, on: datetime.date) -> QuerySet[CouncilMember]:
    """The members holding a seat on ``on`` (start ≤ on ≤ end, open end allowed)."""
    return (
        CouncilMember.objects.filter(council=council, start_date__lte=on)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=on))
        .select_related("person")
        .order_by("id")
    )


def meeting_date(meeting: Meeting) -> datetime.date:
    moment = meeting.opened_at or meeting.scheduled_at
    return timezone.localdate(moment)


def officers(meeting: Meeting):
    """The members seated on the meeting's day, its chair and its secretary (either may
    be ``None``): who signs the council's biên bản."""
    day = timezone.localtime(meeting.scheduled_at).date()
    seated = list(seated_members(meeting.council, on=day).select_related("person"))
    chair = next((m for m in seated if m.role == "chu_tich"), None)
    secretary = next((m for m in seated if m.role == "thu_ky"), None)
    return seated, chair, secretary


def required_present(rule: str, total: int) -> int:
    """Members who must be present for ``rule`` [U] (configurable per meeting)."""
    if rule == QuorumRule.MORE_THAN_HALF:
        return total // 2 + 1
    if rule == QuorumRule.TWO_THIRDS:
        return (2 * total + 2) // 3  # ceil(2·total / 3), integers only
    return 0


@dataclass(frozen=True)
class Quorum:
    present: int
    total: int
    required: int
    rule: str

    @property
    def met(self) -> bool:
        return self.total > 0 and self.present >= self.required


def quorum(meeting: Meeting) -> Quorum:
    """Present / total seated members and whether the meeting's quorum rule holds.

    Members who may send a written vote are *absent* here: a written vote counts in
    the ballot, not in the quorum of the sitting [U].
    """
    seated = seated_members(meeting.council, on=meeting_date(meeting))
    total = seated.count()
    present = Attendance.objects.filter(
        meeting=meeting, present=True, member__in=seated
    ).count()
    return Quorum(
        present=present,
        total=total,
        required=required_present(meeting.quorum_rule, total),
        rule=meeting.quorum_rule,
    )


@dataclass(frozen=True)
class BoxProgress:
    """Papers handed in so far out of the members who may hand one in: the only figures
    shown while a box is open (never per choice)."""

    received: int
    expected: int


def box_progress(box: BallotBox) -> BoxProgress:
    return BoxProgress(
        received=BallotParticipation.objects.filter(ballot__box=box)
        .values("member_id")
        .distinct()
        .count(),
        expected=BallotRoster.objects.filter(ballot__box=box)
        .values("member_id")
        .distinct()
        .count(),
    )


@dataclass
class PaperRow:
    """One row of a member's paper: the item, and the dossier it is about (if any)."""

    ballot: Ballot
    chosen: str | None = None
    chosen_label: str = ""
    verdict: Verdict | None = None  # the engine's, on the nominee, for the title

    @property
    def item(self):
        return self.ballot.agenda_item

    @property
    def nomination(self):
        return self.ballot.agenda_item.nomination


@dataclass
class Paper:
    """A member's ballot paper in an open box: the rows they vote on, or why not."""

    seat: CouncilMember
    box: BallotBox
    rows: list[PaperRow]
    voted: bool
    reason: str = ""

    @property
    def can_vote(self) -> bool:
        return bool(self.rows) and not self.voted and not self.reason


def _paper_reason(attendance, rows, recused: bool) -> str:
    """Why this member cannot cast the paper here, in the words shown to him."""
    if not rows:
        return (
            _(
                "Bạn không tham gia biểu quyết các nội dung của lượt này (đã rút khỏi "
                "việc xét vì xung đột lợi ích)."
            )
            if recused
            else _("Bạn không có trong danh sách bỏ phiếu của lượt này.")
        )
    if attendance is None or not attendance.present:
        if attendance is not None and attendance.written_vote_allowed:
            return _(
                "Bạn vắng mặt và được gửi phiếu bằng văn bản: phiếu của bạn do thư ký "
                "hội đồng ghi nhận, không bỏ phiếu trên màn hình này."
            )
        return _(
            "Bạn chưa được thư ký ghi nhận có mặt tại cuộc họp. Thành viên vắng mặt "
            "chỉ được gửi phiếu bằng văn bản khi hội đồng cho phép."
        )
    return ""


def _seats_of(user, on: datetime.date) -> list[CouncilMember]:
    person_id = getattr(user, "person_id", None)
    if not person_id:
        return []
    return list(
        CouncilMember.objects.filter(person_id=person_id, start_date__lte=on)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=on))
        .select_related("council", "person")
    )


def open_papers_for(user, *, on: datetime.date) -> list[Paper]:
    """The ballot papers of open boxes in sitting meetings of the councils the user sits
    on, with their rows, dossiers and files: a constant number of queries."""
    seats = _seats_of(user, on)
    if not seats:
        return []
    boxes = list(
        BallotBox.objects.filter(
            state=BallotState.OPEN,
            meeting__state=MeetingState.OPEN,
            meeting__council__in=[s.council_id for s in seats],
        )
        .select_related("meeting__council")
        .prefetch_related(
            Prefetch(
                "ballots",
                queryset=Ballot.objects.select_related(
                    "agenda_item__nomination__person__unit",
                    "agenda_item__nomination__agency",
                    "agenda_item__nomination__proposing_unit",
                )
                .prefetch_related("agenda_item__nomination__attachments")
                .order_by("agenda_item__position", "pk"),
            )
        )
        .order_by("opened_at", "pk")
    )
    seat_ids = [s.pk for s in seats]
    on_roster = set(
        BallotRoster.objects.filter(
            ballot__box__in=boxes, member__in=seat_ids
        ).values_list("ballot_id", "member_id")
    )
    voted = set(
        BallotParticipation.objects.filter(
            ballot__box__in=boxes, member__in=seat_ids
        ).values_list("ballot__box_id", "member_id")
    )
    recused = set(
        Recusal.objects.filter(
            agenda_item__ballot__box__in=boxes, member__in=seat_ids
        ).values_list("agenda_item__ballot__box_id", "member_id")
    )
    attendance = {
        (a.meeting_id, a.member_id): a
        for a in Attendance.objects.filter(
            meeting__in={b.meeting_id for b in boxes}, member__in=seat_ids
        )
    }
    nominations = {
        b.agenda_item.nomination_id: b.agenda_item.nomination
        for box in boxes
        for b in box.ballots.all()
        if b.agenda_item.nomination_id
    }
    verdicts = nomination_verdicts(list(nominations.values()))
    papers = []
    for box in boxes:
        for seat in seats:
            if seat.council_id != box.meeting.council_id:
                continue
            rows = [
                PaperRow(ballot, verdict=verdicts.get(ballot.agenda_item.nomination_id))
                for ballot in box.ballots.all()
                if (ballot.pk, seat.pk) in on_roster
            ]
            has_voted = (box.pk, seat.pk) in voted
            reason = (
                ""
                if has_voted
                else _paper_reason(
                    attendance.get((box.meeting_id, seat.pk)),
                    rows,
                    (box.pk, seat.pk) in recused,
                )
            )
            papers.append(Paper(seat, box, rows, has_voted, reason))
    return papers


def open_paper_count(user) -> int:
    """How many open papers wait for the user's vote (the menu's badge): one query.

    The rosters were frozen from the seats when each box opened."""
    person_id = getattr(user, "person_id", None)
    if not person_id:
        return 0
    return _boxes_awaiting(person_id).count()


def _boxes_awaiting(person_id: int):
    """Open boxes of open meetings whose frozen roster holds the person, not voted in
    yet (the badge counts them, the to-do lists them)."""
    return (
        BallotBox.objects.filter(
            state=BallotState.OPEN,
            meeting__state=MeetingState.OPEN,
            ballots__roster__member__person_id=person_id,
        )
        .exclude(
            Exists(
                BallotParticipation.objects.filter(
                    ballot__box=OuterRef("pk"), member__person_id=person_id
                )
            )
        )
        .distinct()
    )


def todo_for(user, today: datetime.date) -> list[TodoItem]:
    """A member's ballots to cast (open boxes whose roster holds him, not voted yet)
    and a secretary's meetings to prepare: two queries at most."""
    items = []
    person_id = getattr(user, "person_id", None)
    if person_id:
        boxes = (
            _boxes_awaiting(person_id)
            .select_related("meeting")
            .order_by("opened_at", "pk")
        )
        for box in boxes:
            items.append(
                TodoItem(
                    _("Bỏ phiếu"),
                    box.meeting.title,
                    reverse("councils:vote"),
                    timezone.localdate(box.meeting.scheduled_at),
                    _("Lượt %(n)s") % {"n": box.number},
                )
            )
    secretary_of = scopes_for(user).secretary_council_ids
    if secretary_of:
        meetings = Meeting.objects.filter(
            council_id__in=secretary_of,
            state=MeetingState.SCHEDULED,
            scheduled_at__date__gte=today,
        ).order_by("scheduled_at", "pk")[:30]
        for meeting in meetings:
            items.append(
                TodoItem(
                    _("Chuẩn bị phiên họp hội đồng"),
                    meeting.title,
                    reverse("councils:meeting-detail", args=[meeting.pk]),
                    timezone.localdate(meeting.scheduled_at),
                )
            )
    return items
