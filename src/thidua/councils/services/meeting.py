"""Meetings of a council: schedule, agenda with conflicts of interest, attendance,
recusals, opening and closing the sitting."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.services.audit import diff, log_action, snapshot
from thidua.common.text import nfc
from thidua.nominations.models import Nomination
from thidua.organizations.models import Agency, Council, CouncilMember, Person

from ..enums import BallotState, MeetingState, QuorumRule
from ..models import AgendaConflict, AgendaItem, Attendance, Ballot, Meeting, Recusal
from ..selectors import meeting_date, seated_members
from ..workflows import MEETING
from ._common import audit_actor, officer_seat, require_member_of

__all__ = [
    "add_agenda_item",
    "clear_conflict",
    "close_meeting",
    "declare_conflict",
    "find_conflicts",
    "open_meeting",
    "record_attendance",
    "recuse",
    "schedule_meeting",
]


def _locked(meeting: Meeting) -> Meeting:
    return (
        Meeting.objects.select_for_update().select_related("council").get(pk=meeting.pk)
    )


def _refuse_if_closed(meeting: Meeting) -> None:
    if meeting.state == MeetingState.CLOSED:
        raise ValidationError(_("Phiên họp đã kết thúc, không thể thay đổi."))


def schedule_meeting(
    council: Council,
    *,
    title: str,
    scheduled_at: datetime.datetime,
    location: str = "",
    quorum_rule: str = QuorumRule.MORE_THAN_HALF,
    actor=None,
) -> Meeting:
    """The secretary schedules a meeting; audited as ``councils.meeting.schedule``."""
    meeting = Meeting(
        council=council,
        title=nfc(title),
        scheduled_at=scheduled_at,
        location=nfc(location),
        quorum_rule=quorum_rule,
    )
    meeting.full_clean()
    with transaction.atomic():
        meeting.save()
        log_action(
            meeting,
            "councils.meeting.schedule",
            actor=audit_actor(actor),
            agency_id=council.agency_id,
            changes=diff(
                {},
                snapshot(meeting, ["title", "scheduled_at", "location", "quorum_rule"]),
            ),
        )
    return meeting


def _run_meeting(meeting: Meeting, to: str, *, actor, check=None) -> Meeting:
    """Open or close the sitting through the kernel (``workflows.MEETING``): the
    secretary's or chair's seat is checked (an actor may be their login or their seat)
    and recorded in the audit entry."""
    seat_of: dict = {}

    def effect(locked: Meeting, move) -> list[str]:
        now = timezone.now()
        seat_of["pk"] = officer_seat(
            locked.council, actor, on=timezone.localdate(now)
        ).pk
        if check:
            check(locked)
        field = "opened_at" if to == MeetingState.OPEN else "closed_at"
        setattr(locked, field, now)
        return [field]

    MEETING.transition(
        meeting,
        to,
        actor=audit_actor(actor),
        check_permission=False,
        effect=effect,
        data=lambda _locked: {"by_member": seat_of["pk"]},
        lock=lambda query: query.select_related("council"),
    )
    # The caller's object shows the meeting as it now is.
    meeting.refresh_from_db(fields=["state", "opened_at", "closed_at"])
    return meeting


def open_meeting(meeting: Meeting, *, actor) -> Meeting:
    """Declare the sitting open (secretary or chair); ballots can then be opened."""
    return _run_meeting(meeting, MeetingState.OPEN, actor=actor)


def _no_open_ballot(meeting: Meeting) -> None:
    if Ballot.objects.filter(
        agenda_item__meeting=meeting, state=BallotState.OPEN
    ).exists():
        raise ValidationError(
            _("Còn nội dung đang bỏ phiếu, cần đóng phiếu trước khi kết thúc họp.")
        )


def close_meeting(meeting: Meeting, *, actor) -> Meeting:
    """End the sitting; refused while any of its ballots is still open."""
    return _run_meeting(
        meeting, MeetingState.CLOSED, actor=actor, check=_no_open_ballot
    )


def find_conflicts(
    council: Council,
    *,
    on: datetime.date,
    nominee_person_id: int | None = None,
    nominee_unit_id: int | None = None,
) -> list[CouncilMember]:
    """Seated members with a conflict of interest over a nominee.

    A member is conflicted if they are the nominee, or if they belong to the
    nominee's unit or to a unit under it in the org tree. For an individual the
    unit defaults to the person's current unit.
    """
    if nominee_unit_id is None and nominee_person_id is not None:
        nominee_unit_id = (
            Person.objects.filter(pk=nominee_person_id)
            .values_list("unit_id", flat=True)
            .first()
        )
    condition = Q(pk__in=[])
    if nominee_person_id is not None:
        condition |= Q(person_id=nominee_person_id)
    if nominee_unit_id is not None:
        unit = Agency.objects.filter(pk=nominee_unit_id).first()
        if unit is not None:
            units = Agency.objects.descendants(unit, include_self=True)
            condition |= Q(person__unit__in=units.values("pk"))
    return list(seated_members(council, on=on).filter(condition))


def add_agenda_item(
    meeting: Meeting,
    *,
    label: str,
    title_code: str = "",
    regime: str = "",
    nomination: Nomination | None = None,
    nominee_person: Person | None = None,
    nominee_unit: Agency | None = None,
    actor=None,
) -> AgendaItem:
    """Append an item to the agenda and record the members in conflict with it.

    An item about a nomination names its nominee: the person proposed and their
    current unit, or the collective proposed, unless given."""
    if nomination is not None and nominee_person is None and nominee_unit is None:
        nominee_person = nomination.person
        nominee_unit = (
            nomination.person.unit if nomination.person else nomination.agency
        )
    if nominee_unit is None and nominee_person is not None:
        nominee_unit = nominee_person.unit
    with transaction.atomic():
        locked = _locked(meeting)
        _refuse_if_closed(locked)
        conflicted = find_conflicts(
            locked.council,
            on=meeting_date(locked),
            nominee_person_id=nominee_person.pk if nominee_person else None,
            nominee_unit_id=nominee_unit.pk if nominee_unit else None,
        )
        last = locked.agenda_items.aggregate(m=Max("position"))["m"] or 0
        item = AgendaItem(
            meeting=locked,
            position=last + 1,
            nomination=nomination,
            label=nfc(label),
            title_code=title_code,
            regime=regime,
            nominee_person=nominee_person,
            nominee_unit=nominee_unit,
        )
        item.full_clean()
        item.save()
        AgendaConflict.objects.bulk_create(
            AgendaConflict(agenda_item=item, member=member) for member in conflicted
        )
        log_action(
            item,
            "councils.agenda.add",
            actor=audit_actor(actor),
            agency_id=locked.council.agency_id,
            data={
                "meeting": locked.pk,
                "position": item.position,
                "nomination": nomination.pk if nomination else None,
                "title_code": title_code,
                "regime": regime,
                "conflicts": sorted(m.pk for m in conflicted),
                "conflicted_person_ids": sorted({m.person_id for m in conflicted}),
            },
        )
    return item


def record_attendance(
    meeting: Meeting,
    member: CouncilMember,
    *,
    present: bool,
    written_vote_allowed: bool = False,
    note: str = "",
    actor=None,
) -> Attendance:
    """Mark a member present or absent; an absent member may be allowed a written vote."""
    if present and written_vote_allowed:
        raise ValidationError(
            _("Chỉ thành viên vắng mặt mới được gửi phiếu bằng văn bản.")
        )
    with transaction.atomic():
        locked = _locked(meeting)
        _refuse_if_closed(locked)
        require_member_of(locked.council, member)
        fields = ["present", "written_vote_allowed", "note"]
        attendance = Attendance.objects.filter(meeting=locked, member=member).first()
        before = snapshot(attendance, fields) if attendance else {}
        if attendance is None:
            attendance = Attendance(meeting=locked, member=member)
        attendance.present = present
        attendance.written_vote_allowed = written_vote_allowed
        attendance.note = nfc(note)
        attendance.save()
        log_action(
            locked,
            "councils.meeting.attendance",
            actor=audit_actor(actor),
            agency_id=locked.council.agency_id,
            data={"member": member.pk},
            changes=diff(before, snapshot(attendance, fields)),
        )
    return attendance


def recuse(
    item: AgendaItem, member: CouncilMember, *, reason: str, actor=None
) -> Recusal:
    """Record that a member stands aside from an item; only before its ballot opens."""
    reason = nfc(reason).strip()
    if not reason:
        raise ValidationError({"reason": [_("Cần ghi lý do rút khỏi việc xét.")]})
    with transaction.atomic():
        meeting = _locked(item.meeting)
        _refuse_if_closed(meeting)
        require_member_of(meeting.council, member)
        if Ballot.objects.filter(agenda_item=item).exists():
            raise ValidationError(
                _("Đã mở phiếu cho nội dung này, không thể ghi nhận rút khỏi việc xét.")
            )
        if Recusal.objects.filter(agenda_item=item, member=member).exists():
            raise ValidationError(_("Thành viên đã rút khỏi việc xét nội dung này."))
        recusal = Recusal.objects.create(agenda_item=item, member=member, reason=reason)
        log_action(
            item,
            "councils.agenda.recuse",
            actor=audit_actor(actor),
            agency_id=meeting.council.agency_id,
            data={"member": member.pk, "reason": reason},
        )
    return recusal


def _before_ballot(item: AgendaItem, *, refused: str) -> Meeting:
    meeting = _locked(item.meeting)
    _refuse_if_closed(meeting)
    if Ballot.objects.filter(agenda_item=item).exists():
        raise ValidationError(refused)
    return meeting


def declare_conflict(
    item: AgendaItem, member: CouncilMember, *, reason: str, actor=None
) -> AgendaConflict:
    """The secretary declares a conflict the org tree does not show (family, own
    nomination in another way…); only before the item's ballot opens."""
    reason = nfc(reason).strip()
    if not reason:
        raise ValidationError({"reason": [_("Cần ghi rõ xung đột lợi ích.")]})
    with transaction.atomic():
        meeting = _before_ballot(
            item,
            refused=_("Đã mở phiếu cho nội dung này, không thể khai báo xung đột."),
        )
        require_member_of(meeting.council, member)
        if AgendaConflict.objects.filter(agenda_item=item, member=member).exists():
            raise ValidationError(
                _("Thành viên đã được ghi nhận có xung đột với nội dung này.")
            )
        conflict = AgendaConflict.objects.create(
            agenda_item=item, member=member, declared_reason=reason
        )
        log_action(
            item,
            "councils.agenda.declare_conflict",
            actor=audit_actor(actor),
            agency_id=meeting.council.agency_id,
            data={"member": member.pk, "reason": reason},
        )
    return conflict


def clear_conflict(
    item: AgendaItem, member: CouncilMember, *, reason: str, actor=None
) -> AgendaConflict:
    """The council's quy chế lets a conflicted member vote on the item after all:
    recorded with the reason, who and when; only before the ballot opens."""
    reason = nfc(reason).strip()
    if not reason:
        raise ValidationError(
            {"reason": [_("Cần ghi lý do cho phép thành viên biểu quyết.")]}
        )
    with transaction.atomic():
        meeting = _before_ballot(
            item,
            refused=_("Đã mở phiếu cho nội dung này, không thể thay đổi xung đột."),
        )
        conflict = (
            AgendaConflict.objects.select_for_update()
            .filter(agenda_item=item, member=member)
            .first()
        )
        if conflict is None:
            raise ValidationError(
                _("Thành viên không có xung đột lợi ích với nội dung này.")
            )
        if (
            conflict.is_cleared
            or Recusal.objects.filter(agenda_item=item, member=member).exists()
        ):
            raise ValidationError(_("Xung đột lợi ích này đã được xử lý."))
        conflict.cleared_reason = reason
        conflict.cleared_at = timezone.now()
        conflict.cleared_by = audit_actor(actor)
        conflict.save(update_fields=["cleared_reason", "cleared_at", "cleared_by"])
        log_action(
            item,
            "councils.agenda.clear_conflict",
            actor=audit_actor(actor),
            agency_id=meeting.council.agency_id,
            data={"member": member.pk, "reason": reason},
        )
    return conflict
