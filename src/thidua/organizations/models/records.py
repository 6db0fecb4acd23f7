from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ..enums import DisciplineForm, InitiativeKind, InitiativeScope, Rating, ReviewKind

__all__ = [
    "Assessment",
    "CollectiveAssessment",
    "DisciplineRecord",
    "Initiative",
    "Membership",
    "PendingMatter",
]


class Membership(models.Model):
    """A period a person belonged to a unit. A transfer closes one and opens another."""

    person = models.ForeignKey(
        "organizations.Person", on_delete=models.CASCADE, related_name="memberships"
    )
    unit = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)
    position = models.CharField(_("chức vụ"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("quá trình công tác")
        verbose_name_plural = _("quá trình công tác")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="membership_dates_ordered",
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(end_date__isnull=True),
                name="membership_one_open_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.unit}"


class Assessment(models.Model):
    """A person's yearly rating (xếp loại chất lượng)."""

    person = models.ForeignKey(
        "organizations.Person", on_delete=models.CASCADE, related_name="assessments"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    rating = models.CharField(_("xếp loại"), max_length=4, choices=Rating.choices)

    class Meta:
        verbose_name = _("xếp loại cá nhân")
        verbose_name_plural = _("xếp loại cá nhân")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "year"], name="assessment_once_a_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.year}: {self.rating}"


class CollectiveAssessment(models.Model):
    """A unit's yearly rating."""

    agency = models.ForeignKey(
        "organizations.Agency", on_delete=models.CASCADE, related_name="assessments"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    rating = models.CharField(_("xếp loại"), max_length=4, choices=Rating.choices)

    class Meta:
        verbose_name = _("xếp loại tập thể")
        verbose_name_plural = _("xếp loại tập thể")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year"], name="collective_assessment_once_a_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}: {self.rating}"


class DisciplineRecord(models.Model):
    """A disciplinary measure and the period it runs."""

    person = models.ForeignKey(
        "organizations.Person",
        on_delete=models.CASCADE,
        related_name="discipline_records",
    )
    form = models.CharField(
        _("hình thức kỷ luật"), max_length=20, choices=DisciplineForm.choices
    )
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"))
    reason = models.TextField(_("lý do"), blank=True)

    class Meta:
        verbose_name = _("kỷ luật")
        verbose_name_plural = _("kỷ luật")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="discipline_dates_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_form_display()}"


class PendingMatter(models.Model):
    """A pending disciplinary review, investigation or complaint (no proposal meanwhile)."""

    person = models.ForeignKey(
        "organizations.Person", on_delete=models.CASCADE, related_name="review_matters"
    )
    kind = models.CharField(_("loại"), max_length=20, choices=ReviewKind.choices)
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("vụ việc đang xem xét")
        verbose_name_plural = _("vụ việc đang xem xét")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="review_dates_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_kind_display()}"


class Initiative(models.Model):
    """A recognised initiative or scientific work (sáng kiến, đề tài khoa học)."""

    person = models.ForeignKey(
        "organizations.Person", on_delete=models.CASCADE, related_name="initiatives"
    )
    title = models.CharField(_("tên sáng kiến, đề tài"), max_length=500)
    kind = models.CharField(
        _("loại"),
        max_length=10,
        choices=InitiativeKind.choices,
        default=InitiativeKind.INITIATIVE,
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    scope = models.CharField(
        _("phạm vi ảnh hưởng"), max_length=10, choices=InitiativeScope.choices
    )
    decision_number = models.CharField(
        _("quyết định công nhận"), max_length=60, blank=True
    )
    decision_date = models.DateField(_("ngày công nhận"), null=True, blank=True)
    decided_by = models.CharField(_("cơ quan công nhận"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("sáng kiến, đề tài")
        verbose_name_plural = _("sáng kiến, đề tài")
        ordering = ["-year", "title"]

    def __str__(self) -> str:
        return self.title
