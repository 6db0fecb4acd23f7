from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..enums import EducationLevel, Gender, PersonCategory

__all__ = ["Person"]


class Person(models.Model):
    """A cán bộ, công chức, viên chức or người lao động.

    ``unit`` is the unit of the open membership. It is written only by the
    membership services, so that lists and scoping filter one column instead of
    joining the membership history.
    """

    full_name = models.CharField(_("họ và tên"), max_length=120)
    gender = models.CharField(_("giới tính"), max_length=3, choices=Gender.choices)
    birth_date = models.DateField(_("ngày sinh"))
    cccd = models.CharField(_("số CCCD"), max_length=12, unique=True)
    ethnicity = models.CharField(_("dân tộc"), max_length=40, default="Kinh")
    category = models.CharField(
        _("đối tượng"), max_length=20, choices=PersonCategory.choices
    )
    position = models.CharField(_("chức vụ"), max_length=120, blank=True)
    civil_rank = models.CharField(_("ngạch"), max_length=120, blank=True)
    is_direct_worker = models.BooleanField(
        _("người trực tiếp lao động, công tác"), default=False
    )
    recruited_on = models.DateField(_("ngày tuyển dụng"), null=True, blank=True)
    education_level = models.CharField(
        _("trình độ đào tạo"), max_length=16, choices=EducationLevel.choices, blank=True
    )
    tdkt_since = models.DateField(
        _("làm công tác TĐKT từ ngày"),
        null=True,
        blank=True,
        help_text=_(
            "Chỉ ghi với công chức làm công tác thi đua, khen thưởng "
            "(biểu 0605.N/BNV-TĐKT)."
        ),
    )
    unit = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("đơn vị hiện tại"),
        on_delete=models.PROTECT,
        related_name="people",
        null=True,
        blank=True,
    )
    search_text = models.CharField(max_length=255, editable=False, db_index=True)
    sort_key = models.CharField(max_length=400, editable=False, db_index=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("cá nhân")
        verbose_name_plural = _("cá nhân")
        ordering = ["sort_key", "id"]
        indexes = [models.Index(fields=["unit", "sort_key"])]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("organizations:person-detail", args=[self.pk])

    @property
    def masked_cccd(self) -> str:
        return f"{self.cccd[:3]}******{self.cccd[-3:]}" if self.cccd else ""
