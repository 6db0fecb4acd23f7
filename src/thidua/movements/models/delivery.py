from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

__all__ = ["Delivery"]


class Delivery(models.Model):
    """The movement in one recipient unit's inbox, and the unit's confirmation that it
    has been disseminated to its staff (đã quán triệt)."""

    movement = models.ForeignKey(
        "movements.Movement", on_delete=models.CASCADE, related_name="deliveries"
    )
    agency = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("đơn vị nhận"),
        on_delete=models.PROTECT,
        related_name="movement_deliveries",
    )
    delivered_at = models.DateTimeField(_("ngày nhận"))
    confirmed_on = models.DateField(_("ngày quán triệt"), null=True, blank=True)
    staff_reached = models.PositiveIntegerField(
        _("số người được quán triệt"), null=True, blank=True
    )
    note = models.TextField(_("ghi chú"), blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reminders_sent = models.PositiveSmallIntegerField(_("số lần nhắc"), default=0)
    last_reminded_at = models.DateTimeField(_("nhắc lần cuối"), null=True, blank=True)

    class Meta:
        verbose_name = _("văn bản đến đơn vị")
        verbose_name_plural = _("văn bản đến đơn vị")
        ordering = ["agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["movement", "agency"], name="delivery_once"
            ),
            models.CheckConstraint(
                condition=Q(confirmed_on__isnull=True) | Q(staff_reached__isnull=False),
                name="delivery_confirmation_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.movement} → {self.agency}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_on is not None
