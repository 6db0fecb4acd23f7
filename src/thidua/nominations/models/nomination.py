from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import AwardSubject, once_per_subject
from thidua.common.constraints import reason_required, state_is_known

from ..enums import ACTIVE_STATES, AttachmentKind, NominationState, RoundKind

__all__ = ["Nomination", "NominationAttachment", "NominationEvent", "NominationRound"]


class NominationRound(models.Model):
    """An đợt xét of an agency: the yearly round, a movement's tổng kết, or đột xuất."""

    agency = models.ForeignKey(
        "organizations.Agency", on_delete=models.PROTECT, related_name="review_rounds"
    )
    name = models.CharField(_("tên đợt xét"), max_length=255)
    kind = models.CharField(_("loại"), max_length=20, choices=RoundKind.choices)
    year = models.PositiveSmallIntegerField(_("năm thành tích"))
    movement = models.ForeignKey(
        "movements.Movement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    submission_deadline = models.DateField(_("hạn gửi hồ sơ"))
    is_open = models.BooleanField(_("đang nhận hồ sơ"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đợt xét khen thưởng")
        verbose_name_plural = _("đợt xét khen thưởng")
        ordering = ["-year", "-created_at"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("nominations:round-detail", args=[self.pk])


class Nomination(AwardSubject):
    """One nominee (person or unit) for one title or award, with its dossier."""

    round = models.ForeignKey(
        NominationRound, on_delete=models.PROTECT, related_name="nominations"
    )
    proposing_unit = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("đơn vị đề nghị"),
        on_delete=models.PROTECT,
        related_name="proposed_nominations",
    )
    summary = models.TextField(_("tóm tắt thành tích"), blank=True)
    state = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=NominationState.choices,
        default=NominationState.DRAFT,
    )
    reason = models.TextField(_("lý do (trả lại, không khen thưởng, hủy)"), blank=True)
    appraisal = models.TextField(_("ý kiến thẩm định"), blank=True)
    # Who recorded the appraisal (SUBMITTED → APPRAISED) and when: shown with the
    # opinion on the dossier; the opinion itself travels in the tờ trình.
    appraised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thẩm định"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    appraised_at = models.DateTimeField(_("ngày thẩm định"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hồ sơ đề nghị")
        verbose_name_plural = _("hồ sơ đề nghị")
        ordering = ["-created_at"]
        constraints = [
            state_is_known("state", NominationState, "nomination_state_known"),
            # A return, a refusal and a cancellation are explained to the unit.
            reason_required(
                "state",
                [
                    NominationState.RETURNED,
                    NominationState.NOT_AWARDED,
                    NominationState.CANCELLED,
                ],
                "reason",
                "nomination_reason_given",
            ),
            *AwardSubject.Meta.constraints,
            # Same subject, same title, same year pending or awarded anywhere: refused by
            # the database, so two units proposing at once cannot both succeed.
            *once_per_subject(
                Q(state__in=ACTIVE_STATES),
                person_name="nomination_person_once",
                agency_name="nomination_agency_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} – {self.get_code_display()} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("nominations:nomination-detail", args=[self.pk])


class NominationAttachment(models.Model):
    """A file of the dossier (Luật TĐKT 2022 Art 84), checked by content when uploaded."""

    nomination = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, related_name="attachments"
    )
    kind = models.CharField(
        _("loại tài liệu"), max_length=24, choices=AttachmentKind.choices
    )
    file = models.FileField(upload_to="dossiers/%Y/")
    name = models.CharField(_("tên tệp"), max_length=200)
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    # A file withdrawn (or replaced) by the unit after it was part of a sent dossier is
    # kept, marked here: what the office saw stays readable. A file never sent is
    # deleted instead (services/nomination.py, withdraw_attachment).
    withdrawn_at = models.DateTimeField(_("rút lúc"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("tài liệu hồ sơ")
        verbose_name_plural = _("tài liệu hồ sơ")
        ordering = ["kind", "uploaded_at"]

    def __str__(self) -> str:
        return self.name


class NominationEvent(models.Model):
    """The timeline the proposing unit follows: every state change, who, when, why."""

    nomination = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, related_name="events"
    )
    from_state = models.CharField(max_length=20, choices=NominationState.choices)
    to_state = models.CharField(max_length=20, choices=NominationState.choices)
    actor_display = models.CharField(max_length=160)
    reason = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("diễn biến hồ sơ")
        verbose_name_plural = _("diễn biến hồ sơ")
        ordering = ["at", "id"]
        constraints = [
            state_is_known(
                "from_state", NominationState, "nomination_event_from_known"
            ),
            state_is_known("to_state", NominationState, "nomination_event_to_known"),
        ]

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"
