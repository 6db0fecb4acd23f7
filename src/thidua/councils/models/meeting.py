from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.common.constraints import state_is_known

from ..enums import MeetingState, QuorumRule

__all__ = ["AgendaConflict", "AgendaItem", "Attendance", "Meeting", "Recusal"]


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
    # The council's two biên bản of the sitting, issued together once it is closed
    # (services.minutes.issue_minutes); each document's source_kind/source_id still name
    # the meeting, for the render pipeline's registry.
    minutes_document = models.OneToOneField(
        "documents.IssuedDocument",
        verbose_name=_("biên bản họp"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="minutes_of_meeting",
    )
    tally_document = models.OneToOneField(
        "documents.IssuedDocument",
        verbose_name=_("biên bản kiểm phiếu"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tally_of_meeting",
    )

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
            # The two biên bản are issued together, and only for a closed meeting.
            models.CheckConstraint(
                condition=Q(minutes_document__isnull=True, tally_document__isnull=True)
                | Q(
                    state=MeetingState.CLOSED,
                    minutes_document__isnull=False,
                    tally_document__isnull=False,
                ),
                name="meeting_records_after_close",
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
    # The dossier put to the vote; none for another matter of the meeting.
    nomination = models.ForeignKey(
        "nominations.Nomination",
        verbose_name=_("hồ sơ đề nghị khen thưởng"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
    )
    label = models.CharField(_("nội dung xét"), max_length=500)
    title_code = models.CharField(_("danh hiệu, hình thức"), max_length=40, blank=True)
    regime = models.CharField(_("chế độ pháp lý"), max_length=20, blank=True)
    # Who the conflicts of interest were found against when the item was added: the
    # person proposed, and their unit then (or the collective proposed).
    nominee_person = models.ForeignKey(
        "organizations.Person",
        verbose_name=_("cá nhân được đề nghị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    nominee_unit = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("đơn vị của người được đề nghị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    conflicted_members = models.ManyToManyField(
        "organizations.CouncilMember",
        verbose_name=_("thành viên có xung đột lợi ích"),
        through="AgendaConflict",
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("nội dung họp")
        verbose_name_plural = _("nội dung họp")
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "position"], name="agenda_item_position_unique"
            ),
            # A nomination put to the council names whom it is about.
            models.CheckConstraint(
                condition=Q(nomination__isnull=True)
                | Q(nominee_person__isnull=False)
                | Q(nominee_unit__isnull=False),
                name="agenda_item_nomination_has_nominee",
            ),
        ]

    def __str__(self) -> str:
        return self.label


class AgendaConflict(models.Model):
    """A seated member in conflict of interest with an item's nominee (the nominee, or
    of the nominee's unit or a unit below it), found when the item is added, or
    declared by the secretary (family, other ties) with its reason. The ballot on the
    item opens only once each conflict is resolved: the member stands aside
    (``Recusal``) or the conflict is cleared under the council's rules (who, when,
    why — ``cleared_*``)."""

    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, related_name="conflicts"
    )
    member = models.ForeignKey(
        "organizations.CouncilMember", on_delete=models.PROTECT, related_name="+"
    )
    # Empty for a conflict found from the org tree; the declared tie otherwise.
    declared_reason = models.CharField(
        _("xung đột được khai báo"), max_length=500, blank=True
    )
    cleared_reason = models.CharField(
        _("lý do vẫn được biểu quyết"), max_length=500, blank=True
    )
    cleared_at = models.DateTimeField(
        _("cho phép biểu quyết lúc"), null=True, blank=True
    )
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người cho phép"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("xung đột lợi ích")
        verbose_name_plural = _("xung đột lợi ích")
        ordering = ["agenda_item", "member"]
        constraints = [
            models.UniqueConstraint(
                fields=["agenda_item", "member"], name="agenda_conflict_once"
            ),
            # Cleared exactly when a reason is recorded.
            models.CheckConstraint(
                condition=Q(cleared_at__isnull=True, cleared_reason="")
                | (Q(cleared_at__isnull=False) & ~Q(cleared_reason="")),
                name="agenda_conflict_cleared_with_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} ⚠ {self.agenda_item_id}"

    @property
    def is_cleared(self) -> bool:
        return self.cleared_at is not None


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
