"""Re-evaluation of the open dossiers when the law or a setting changes (issue #16,
point 7): the verdict each open nomination was last given, the runs that recompute
them, and what each run found changed."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.common.constraints import state_is_known
from thidua.common.models import DurableJob
from thidua.organizations.enums import VerdictStatus

from ..enums import ReevaluationStatus, ReevaluationTrigger
from .nomination import Nomination

__all__ = ["NominationVerdict", "ReevaluationRun", "VerdictChange"]

ACTIVE = (ReevaluationStatus.QUEUED, ReevaluationStatus.RUNNING)
FINISHED = (ReevaluationStatus.DONE, ReevaluationStatus.FAILED)


class ReevaluationRun(DurableJob):
    """One re-evaluation of every open dossier, run by a background job
    (thidua.common.jobs): at most one waits or runs at a time."""

    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=ReevaluationStatus.choices,
        default=ReevaluationStatus.QUEUED,
    )
    # Waiting or running: the one such run (a partial unique index), so a second
    # request while it is under way gets this one.
    active = models.BooleanField(default=True, editable=False)
    trigger = models.CharField(
        _("lý do đánh giá lại"), max_length=10, choices=ReevaluationTrigger.choices
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người yêu cầu"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The law the run applied (nominations.selectors.reevaluation.law_fingerprint):
    # set when requested, then again when it starts computing.
    fingerprint = models.CharField(max_length=64, blank=True)
    in_force_label = models.CharField(
        _("chế độ pháp lý đang áp dụng"), max_length=255, blank=True
    )
    checked_count = models.PositiveIntegerField(_("số hồ sơ đã xét"), default=0)
    changed_count = models.PositiveIntegerField(
        _("số hồ sơ thay đổi kết quả"), default=0
    )
    skipped_count = models.PositiveIntegerField(_("số hồ sơ không xét được"), default=0)
    message = models.TextField(_("thông báo"), blank=True)
    created_at = models.DateTimeField(_("yêu cầu lúc"), auto_now_add=True)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("lượt đánh giá lại hồ sơ")
        verbose_name_plural = _("lượt đánh giá lại hồ sơ")
        ordering = ["-created_at", "-id"]
        constraints = [
            state_is_known("status", ReevaluationStatus, "reevaluation_status_known"),
            models.CheckConstraint(
                condition=Q(active=True, status__in=ACTIVE)
                | Q(active=False, status__in=FINISHED),
                name="reevaluation_active_follows_status",
            ),
            models.UniqueConstraint(
                fields=["active"],
                condition=Q(active=True),
                name="reevaluation_one_active",
            ),
        ]

    def __str__(self) -> str:
        if self.created_at is None:
            return str(_("Đánh giá lại hồ sơ đang mở"))
        return _("Đánh giá lại ngày %(d)s") % {
            "d": timezone.localtime(self.created_at).strftime("%d/%m/%Y")
        }

    def get_absolute_url(self) -> str:
        return reverse("nominations:reevaluation-detail", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED

    @property
    def succeeded(self) -> bool:
        return self.status == ReevaluationStatus.DONE


class NominationVerdict(models.Model):
    """The verdict an open nomination was last given for its code, under which regime
    and when: what a re-evaluation compares the law's new answer with."""

    nomination = models.OneToOneField(
        Nomination,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="recorded_verdict",
    )
    status = models.CharField(
        _("kết quả xét điều kiện"), max_length=20, choices=VerdictStatus.choices
    )
    # The engine's name of the regime (never shown) and the regime in words.
    regime = models.CharField(max_length=40)
    regime_label = models.CharField(_("chế độ pháp lý"), max_length=255)
    recorded_at = models.DateTimeField(_("ghi nhận lúc"))
    run = models.ForeignKey(
        ReevaluationRun,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("kết quả xét điều kiện đã ghi nhận")
        verbose_name_plural = _("kết quả xét điều kiện đã ghi nhận")
        constraints = [
            state_is_known("status", VerdictStatus, "nomination_verdict_known"),
        ]

    def __str__(self) -> str:
        return f"{self.nomination_id}: {self.get_status_display()}"


class VerdictChange(models.Model):
    """A nomination whose verdict a run found changed: before and after, in words."""

    run = models.ForeignKey(
        ReevaluationRun, on_delete=models.PROTECT, related_name="changes"
    )
    nomination = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, related_name="verdict_changes"
    )
    before = models.CharField(
        _("kết quả trước"), max_length=20, choices=VerdictStatus.choices
    )
    after = models.CharField(
        _("kết quả sau"), max_length=20, choices=VerdictStatus.choices
    )
    regime_before = models.CharField(max_length=40)
    regime_after = models.CharField(max_length=40)
    regime_label_before = models.CharField(_("chế độ pháp lý trước"), max_length=255)
    regime_label_after = models.CharField(_("chế độ pháp lý sau"), max_length=255)
    # When the verdict before was recorded.
    before_at = models.DateTimeField(_("kết quả trước ghi nhận lúc"))
    created_at = models.DateTimeField(_("ghi nhận lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("kết quả xét điều kiện thay đổi")
        verbose_name_plural = _("kết quả xét điều kiện thay đổi")
        ordering = ["-created_at", "-id"]
        constraints = [
            state_is_known("before", VerdictStatus, "verdict_change_before_known"),
            state_is_known("after", VerdictStatus, "verdict_change_after_known"),
            models.UniqueConstraint(
                fields=["run", "nomination"], name="verdict_change_once_per_run"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nomination_id}: {self.before} → {self.after}"

    @property
    def regime_changed(self) -> bool:
        return self.regime_before != self.regime_after
