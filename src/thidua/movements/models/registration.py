from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.common.constraints import reason_required, state_is_known

from ..enums import COLLECTIVE_TITLES, INDIVIDUAL_TITLES, RegistrationState

__all__ = ["Registration", "RegistrationEntry"]


class Registration(models.Model):
    """A unit's đăng ký thi đua for a movement: the collective's target title, each
    member's target title and the pledges."""

    movement = models.ForeignKey(
        "movements.Movement", on_delete=models.CASCADE, related_name="registrations"
    )
    agency = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        related_name="movement_registrations",
    )
    collective_title = models.CharField(
        _("danh hiệu tập thể đăng ký"),
        max_length=16,
        choices=COLLECTIVE_TITLES,
        blank=True,
    )
    pledges = models.TextField(_("nội dung giao ước, cam kết"), blank=True)
    state = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=RegistrationState.choices,
        default=RegistrationState.DRAFT,
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("đăng ký thi đua")
        verbose_name_plural = _("đăng ký thi đua")
        ordering = ["agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["movement", "agency"], name="registration_once"
            ),
            state_is_known("state", RegistrationState, "registration_state_known"),
            reason_required(
                "state",
                [RegistrationState.RETURNED],
                "return_reason",
                "registration_return_explained",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency} – {self.movement}"

    @property
    def is_returned(self) -> bool:
        return self.state == RegistrationState.RETURNED


class RegistrationEntry(models.Model):
    """One member's target title in a registration."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="entries"
    )
    person = models.ForeignKey(
        "organizations.Person", on_delete=models.PROTECT, related_name="registrations"
    )
    title = models.CharField(
        _("danh hiệu đăng ký"), max_length=16, choices=INDIVIDUAL_TITLES
    )
    pledge = models.CharField(_("cam kết"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("cá nhân đăng ký")
        verbose_name_plural = _("cá nhân đăng ký")
        ordering = ["person__sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "person"], name="registration_entry_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.title}"
