from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["Indicator", "ProgressReport"]


class Indicator(models.Model):
    """A chỉ tiêu of a content item (e.g. tỷ lệ giải ngân vốn đầu tư công, PCI rank)."""

    class Direction(models.TextChoices):
        UP = "tang", _("Càng cao càng tốt")
        DOWN = "giam", _("Càng thấp càng tốt")

    movement = models.ForeignKey(
        "movements.Movement", on_delete=models.CASCADE, related_name="indicators"
    )
    content_item = models.ForeignKey(
        "movements.ContentItem",
        verbose_name=_("thuộc nội dung thi đua"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
    )
    name = models.CharField(_("tên chỉ tiêu"), max_length=255)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=40)
    baseline = models.DecimalField(
        _("giá trị ban đầu"), max_digits=16, decimal_places=2
    )
    target = models.DecimalField(
        _("chỉ tiêu phấn đấu"), max_digits=16, decimal_places=2
    )
    direction = models.CharField(
        _("chiều đánh giá"),
        max_length=4,
        choices=Direction.choices,
        default=Direction.UP,
    )
    owner = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("đơn vị chủ trì"),
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    due_on = models.DateField(_("thời hạn"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class ProgressReport(models.Model):
    """A dated value the owner unit reports for an indicator, with its evidence."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="reports"
    )
    reported_on = models.DateField(_("ngày số liệu"))
    value = models.DecimalField(_("giá trị đạt được"), max_digits=16, decimal_places=2)
    note = models.TextField(_("ghi chú"), blank=True)
    evidence = models.FileField(_("minh chứng"), upload_to="evidence/%Y/", blank=True)
    evidence_name = models.CharField(max_length=200, blank=True)
    evidence_sha256 = models.CharField(max_length=64, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("báo cáo tiến độ")
        verbose_name_plural = _("báo cáo tiến độ")
        ordering = ["reported_on", "id"]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.reported_on})"
