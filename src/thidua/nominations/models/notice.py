from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

__all__ = ["NoticeComment", "PublicNotice"]


class PublicNotice(models.Model):
    """A công khai: the list published on the public site for a number of working days
    (NĐ 98/2023 Art 46: 10 working days; legal-spec-addendum §2.4)."""

    round = models.ForeignKey(
        "nominations.NominationRound", on_delete=models.PROTECT, related_name="notices"
    )
    title = models.CharField(_("tiêu đề"), max_length=255)
    starts_on = models.DateField(_("ngày bắt đầu"))
    working_days = models.PositiveSmallIntegerField(_("số ngày làm việc"), default=10)
    ends_on = models.DateField(_("ngày kết thúc"))
    nominations = models.ManyToManyField(
        "nominations.Nomination", related_name="notices", verbose_name=_("hồ sơ")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("công khai danh sách")
        verbose_name_plural = _("công khai danh sách")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="notice_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("nominations:notice-detail", args=[self.pk])

    def get_public_url(self) -> str:
        return reverse("nominations:public-notice", args=[self.pk])


class NoticeComment(models.Model):
    """A comment from anyone on a published nomination; the office must answer it
    (acknowledge) before the nomination moves on."""

    notice = models.ForeignKey(
        PublicNotice, on_delete=models.PROTECT, related_name="comments"
    )
    nomination = models.ForeignKey(
        "nominations.Nomination", on_delete=models.PROTECT, related_name="comments"
    )
    name = models.CharField(_("họ và tên người góp ý"), max_length=120)
    contact = models.CharField(
        _("địa chỉ, điện thoại hoặc thư điện tử"), max_length=200
    )
    content = models.TextField(_("nội dung góp ý"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)
    response = models.TextField(_("kết quả xem xét"), blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("góp ý công khai")
        verbose_name_plural = _("góp ý công khai")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.name}: {self.nomination}"
