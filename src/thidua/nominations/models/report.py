from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .nomination import Nomination, NominationAttachment

__all__ = ["AchievementReport", "INDIVIDUAL_FIELDS", "COLLECTIVE_FIELDS"]

# The form fields each kind of subject fills (nd30-and-forms.md §6.2, §6.3).
INDIVIDUAL_FIELDS = (
    "hometown",
    "residence",
    "party_positions",
    "qualification",
    "honours",
    "duties",
    "achievements",
)
COLLECTIVE_FIELDS = (
    "address",
    "phone",
    "website",
    "situation",
    "functions",
    "achievements",
    "measures",
    "policies",
)


class AchievementReport(models.Model):
    """The structured báo cáo thành tích of a nomination (Luật TĐKT 2022 Art 84),
    following the official template stored in ``template`` (report_catalog)."""

    nomination = models.OneToOneField(
        Nomination, on_delete=models.CASCADE, related_name="report"
    )
    template = models.CharField(_("mẫu báo cáo"), max_length=40)
    # Individual: I. Sơ lược lý lịch (the rest comes from the Person record).
    hometown = models.CharField(_("quê quán"), max_length=255, blank=True)
    residence = models.CharField(_("trú quán"), max_length=255, blank=True)
    party_positions = models.CharField(
        _("chức vụ (Đảng, chính quyền, đoàn thể)"), max_length=255, blank=True
    )
    qualification = models.CharField(
        _("trình độ chuyên môn, nghiệp vụ"), max_length=255, blank=True
    )
    honours = models.CharField(
        _("học hàm, học vị, danh hiệu, giải thưởng"), max_length=255, blank=True
    )
    duties = models.TextField(
        _("quyền hạn, nhiệm vụ được giao hoặc đảm nhận"), blank=True
    )
    # Collective: I. Sơ lược đặc điểm, tình hình.
    address = models.CharField(_("địa chỉ trụ sở"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    website = models.CharField(_("fax, website"), max_length=200, blank=True)
    situation = models.TextField(
        _("quá trình thành lập, đặc điểm, tổ chức"), blank=True
    )
    functions = models.TextField(_("chức năng, nhiệm vụ"), blank=True)
    measures = models.TextField(
        _("biện pháp, nguyên nhân đạt được thành tích; phong trào thi đua"), blank=True
    )
    policies = models.TextField(
        _(
            "thực hiện chủ trương, chính sách của Đảng, pháp luật của Nhà nước; "
            "công tác Đảng, đoàn thể"
        ),
        blank=True,
    )
    # Both: II. Thành tích đạt được.
    achievements = models.TextField(_("thành tích đạt được"), blank=True)
    generated_file = models.OneToOneField(
        NominationAttachment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("báo cáo thành tích")
        verbose_name_plural = _("báo cáo thành tích")

    def __str__(self) -> str:
        return f"{self.nomination}: {self.template}"

    @property
    def is_collective(self) -> bool:
        return self.nomination.agency_id is not None

    @property
    def fields(self) -> tuple[str, ...]:
        return COLLECTIVE_FIELDS if self.is_collective else INDIVIDUAL_FIELDS
