"""Read-only queries of the councils app. Nothing here reads ``BallotVote``."""

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from thidua.organizations.models import Council, CouncilMember

from .enums import QuorumRule
from .models import Attendance, Ballot, BallotParticipation, Meeting

__all__ = [
    "Quorum",
    "meeting_date",
    "officers",
    "participation_count",
    "quorum",
    "required_present",
    "seated_members",
]


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


def participation_count(ballot: Ballot) -> int:
    """How many members have voted so far: the only figure shown while a ballot is
    open (never per choice)."""
    return BallotParticipation.objects.filter(ballot=ballot).count()
