from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..enums import ClusterKind, CouncilRole

__all__ = [
    "Cluster",
    "ClusterLeadership",
    "ClusterMembership",
    "Council",
    "CouncilMember",
]


class Council(models.Model):
    """A Hội đồng Thi đua – Khen thưởng of an agency, for one term."""

    agency = models.ForeignKey(
        "organizations.Agency", on_delete=models.PROTECT, related_name="councils"
    )
    name = models.CharField(_("tên hội đồng"), max_length=255)
    abbreviation = models.CharField(
        _("chữ viết tắt trên văn bản"), max_length=32, blank=True
    )
    established_by = models.CharField(
        _("quyết định thành lập"), max_length=120, blank=True
    )
    term_start = models.DateField(_("nhiệm kỳ từ"))
    term_end = models.DateField(_("nhiệm kỳ đến"), null=True, blank=True)

    class Meta:
        verbose_name = _("hội đồng thi đua – khen thưởng")
        verbose_name_plural = _("hội đồng thi đua – khen thưởng")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organizations:council-detail", args=[self.pk])


class CouncilMember(models.Model):
    """A person's seat on a council, with role and term."""

    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="members"
    )
    person = models.ForeignKey(
        "organizations.Person", on_delete=models.PROTECT, related_name="council_seats"
    )
    role = models.CharField(_("vai trò"), max_length=24, choices=CouncilRole.choices)
    title = models.CharField(_("chức vụ trong cơ quan"), max_length=160, blank=True)
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("thành viên hội đồng")
        verbose_name_plural = _("thành viên hội đồng")
        constraints = [
            models.UniqueConstraint(
                fields=["council", "person"],
                condition=Q(end_date__isnull=True),
                name="council_member_one_open_seat",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="council_member_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class Cluster(models.Model):
    """A cụm or khối thi đua organised by a council (Luật TĐKT 2022 Art 16 cl.2c)."""

    name = models.CharField(_("tên cụm, khối"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    kind = models.CharField(_("loại"), max_length=4, choices=ClusterKind.choices)
    organizer = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("cơ quan tổ chức"),
        on_delete=models.PROTECT,
        related_name="organized_clusters",
    )
    description = models.TextField(_("mô tả"), blank=True)

    class Meta:
        verbose_name = _("cụm, khối thi đua")
        verbose_name_plural = _("cụm, khối thi đua")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organizations:cluster-detail", args=[self.pk])


class ClusterMembership(models.Model):
    cluster = models.ForeignKey(
        Cluster, on_delete=models.CASCADE, related_name="memberships"
    )
    agency = models.ForeignKey(
        "organizations.Agency",
        on_delete=models.PROTECT,
        related_name="cluster_memberships",
    )
    from_year = models.PositiveSmallIntegerField(_("từ năm"))
    to_year = models.PositiveSmallIntegerField(_("đến năm"), null=True, blank=True)

    class Meta:
        verbose_name = _("thành viên cụm, khối")
        verbose_name_plural = _("thành viên cụm, khối")
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "agency", "from_year"], name="cluster_member_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} ∈ {self.cluster}"


class ClusterLeadership(models.Model):
    """Leader (cụm trưởng) and deputy (cụm phó) of a cluster for one year."""

    cluster = models.ForeignKey(
        Cluster, on_delete=models.CASCADE, related_name="leaderships"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    leader = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("cụm trưởng"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    deputy = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("cụm phó"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("cụm trưởng, cụm phó")
        verbose_name_plural = _("cụm trưởng, cụm phó")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "year"], name="cluster_leadership_yearly"
            )
        ]

    def __str__(self) -> str:
        return f"{self.cluster} {self.year}"
