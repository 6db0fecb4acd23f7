from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..constraints import state_is_known

__all__ = ["DaySwap", "DaySwapKind"]


class DaySwapKind(models.TextChoices):
    # A weekday off the library does not know: the extra day next to 2/9, a Tết day the
    # Prime Minister's notice chose, a bridge day given in exchange for a Saturday.
    OFF = "nghi", _("Ngày nghỉ (nghỉ bù)")
    # A Saturday or Sunday worked in exchange (làm bù), or a day the library counts as
    # a holiday that this year's notice does not give.
    WORK = "lam", _("Ngày làm việc (làm bù)")


class DaySwap(models.Model):
    """One date of the year's official calendar entered by the administrator on top of
    the public holidays the ``holidays`` package knows (common/workdays.py): each year
    the government announces which days are swapped, and no library can know it in
    advance."""

    day = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=8, choices=DaySwapKind.choices)
    note = models.CharField(
        _("căn cứ"),
        max_length=255,
        help_text=_("Ví dụ: Thông báo số 6150/TB-BLĐTBXH ngày 12/11/2024"),
    )
    created_at = models.DateTimeField(_("nhập lúc"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người nhập"),
    )

    class Meta:
        verbose_name = _("ngày nghỉ, làm bù")
        verbose_name_plural = _("ngày nghỉ, làm bù")
        ordering = ["day"]
        constraints = [
            state_is_known("kind", DaySwapKind, "dayswap_kind_known"),
            models.CheckConstraint(condition=~Q(note=""), name="dayswap_note_required"),
        ]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} – {self.get_kind_display()}"
