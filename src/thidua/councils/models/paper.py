"""The council's result entered from the signed paper minutes (“kết quả họp trên
giấy”): the meeting was held on paper, the secretary uploads the signed biên bản and
enters the tally; the pass rule is the one a ballot would have used. Shown everywhere
the ballot's result appears, marked as entered from paper."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

__all__ = ["PaperCouncilResult"]


class PaperCouncilResult(models.Model):
    nomination = models.OneToOneField(
        "nominations.Nomination",
        verbose_name=_("hồ sơ đề nghị khen thưởng"),
        on_delete=models.PROTECT,
        related_name="paper_council_result",
    )
    council = models.ForeignKey(
        "organizations.Council", on_delete=models.PROTECT, related_name="+"
    )
    met_on = models.DateField(_("ngày họp"))
    roster_size = models.PositiveSmallIntegerField(_("số thành viên được biểu quyết"))
    yes = models.PositiveSmallIntegerField(_("số phiếu đồng ý"))
    no = models.PositiveSmallIntegerField(_("số phiếu không đồng ý"))
    passed = models.BooleanField(_("được thông qua"))
    rule_label = models.CharField(_("quy tắc thông qua"), max_length=255)
    minutes_file = models.FileField(upload_to="council_minutes/%Y/")
    minutes_name = models.CharField(_("tên tệp biên bản"), max_length=200)
    minutes_sha256 = models.CharField(max_length=64)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("nhập lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("kết quả họp Hội đồng trên giấy")
        verbose_name_plural = _("kết quả họp Hội đồng trên giấy")
        ordering = ["-entered_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(roster_size__gt=0) & Q(yes__lte=F("roster_size") - F("no")),
                name="paper_result_tally_fits_roster",
            ),
        ]

    def __str__(self) -> str:
        return f"Biên bản giấy: {self.nomination_id}"
