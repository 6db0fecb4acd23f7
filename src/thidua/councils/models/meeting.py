from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.common.constraints import state_is_known

from ..enums import MeetingState, QuorumRule, SubjectKind

__all__ = ["AgendaItem", "Attendance", "Meeting", "Recusal"]


class Meeting(models.Model):
    """A meeting (phiên họp) of a Hội đồng TĐKT."""

    council = models.ForeignKey(
        "organizations.Council", on_delete=models.PROTECT, related_name="meetings"
    )
    title = models.CharField(_("tên phiên họp"), max_length=255)
    scheduled_at = models.DateTimeField(_("thời gian họp"))
    location = models.CharField(_("địa điểm"), max_length=255, blank=True)
    state = models.CharField(
        _("trạng thái"),
        max_length=12,
        choices=MeetingState.choices,
        default=MeetingState.SCHEDULED,
    )
    quorum_rule = models.CharField(
        _("điều kiện họp hợp lệ"),
        max_length=20,
        choices=QuorumRule.choices,
        default=QuorumRule.MORE_THAN_HALF,
    )
    opened_at = models.DateTimeField(_("khai mạc lúc"), null=True, blank=True)
    closed_at = models.DateTimeField(_("bế mạc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("phiên họp hội đồng")
        verbose_name_plural = _("phiên họp hội đồng")
        ordering = ["-scheduled_at", "id"]
        constraints = [
            state_is_known("state", MeetingState, "meeting_state_known"),
            # Opened and closed times go with the state: a meeting not yet opened has
            # neither, an open one its opening, a closed one both.
            models.CheckConstraint(
                condition=Q(
                    state=MeetingState.SCHEDULED,
                    opened_at__isnull=True,
                    closed_at__isnull=True,
                )
                | Q(
                    state=MeetingState.OPEN,
                    opened_at__isnull=False,
                    closed_at__isnull=True,
                )
                | Q(
                    state=MeetingState.CLOSED,
                    opened_at__isnull=False,
                    closed_at__isnull=False,
                ),
                name="meeting_times_follow_state",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        """In session: ballots may be opened."""
        return self.state == MeetingState.OPEN

    @property
    def is_closed(self) -> bool:
        """Over: attendance and the agenda no longer change."""
        return self.state == MeetingState.CLOSED


class AgendaItem(models.Model):
    """One matter put to the council, typically one nominee for one title."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="agenda_items"
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    subject_kind = models.CharField(
        _("loại nội dung"),
        max_length=24,
        choices=SubjectKind.choices,
        default=SubjectKind.NOMINATION,
    )
    subject_id = models.PositiveBigIntegerField(_("mã nội dung"), null=True, blank=True)
    label = models.CharField(_("nội dung xét"), max_length=500)
    title_code = models.CharField(_("danh hiệu, hình thức"), max_length=40, blank=True)
    regime = models.CharField(_("chế độ pháp lý"), max_length=20, blank=True)
    nominee_person_id = models.PositiveBigIntegerField(null=True, blank=True)
    nominee_unit_id = models.PositiveBigIntegerField(null=True, blank=True)
    conflicted_person_ids = models.JSONField(
        _("thành viên có xung đột lợi ích"), default=list, blank=True
    )

    class Meta:
        verbose_name = _("nội dung họp")
        verbose_name_plural = _("nội dung họp")
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "position"], name="agenda_item_position_unique"
            )
        ]

    def __str__(self) -> str:
        return self.label


class Attendance(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="attendances"
    )
    member = models.ForeignKey(
        "organizations.CouncilMember", on_delete=models.PROTECT, related_name="+"
    )
    present = models.BooleanField(_("có mặt"), default=True)
    written_vote_allowed = models.BooleanField(
        _("được gửi phiếu bằng văn bản"), default=False
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("điểm danh")
        verbose_name_plural = _("điểm danh")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "member"], name="attendance_once_per_member"
            ),
            # A written vote is for absent members only.
            models.CheckConstraint(
                condition=Q(present=False) | Q(written_vote_allowed=False),
                name="attendance_written_only_when_absent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} @ {self.meeting_id}"


class Recusal(models.Model):
    """A member stands aside from one agenda item (conflict of interest)."""

    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, related_name="recusals"
    )
    member = models.ForeignKey(
        "organizations.CouncilMember", on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(_("lý do"), max_length=500)

    class Meta:
        verbose_name = _("rút khỏi việc xét")
        verbose_name_plural = _("rút khỏi việc xét")
        constraints = [
            models.UniqueConstraint(
                fields=["agenda_item", "member"], name="recusal_once_per_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member_id} ∉ {self.agenda_item_id}"
