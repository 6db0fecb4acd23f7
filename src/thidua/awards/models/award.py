import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.common.awards import AWARD_CODES, AwardType

__all__ = ["Award", "new_verification_code"]


def new_verification_code() -> str:
    """Unguessable code printed as a QR on the certificate (public verification page)."""
    return secrets.token_urlsafe(12)


class Award(models.Model):
    """A title or form of commendation a person or unit received: the award register
    (sổ khen thưởng) the eligibility engine reads.

    Entries come from decisions issued in thidua, or are recorded from earlier paper
    decisions. Never deleted: an annulled award is marked revoked, with the reason.
    """

    person = models.ForeignKey(
        "organizations.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="awards",
    )
    agency = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("tập thể"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="awards",
    )
    code = models.CharField(
        _("danh hiệu, hình thức"), max_length=16, choices=AWARD_CODES
    )
    award_type = models.CharField(
        _("loại hình"),
        max_length=12,
        choices=AwardType.choices,
        default=AwardType.CONG_TRANG,
    )
    year = models.PositiveSmallIntegerField(_("năm thành tích"))
    period_from = models.PositiveSmallIntegerField(
        _("thành tích từ năm"), null=True, blank=True
    )
    decision_number = models.CharField(_("số quyết định"), max_length=60)
    decision_date = models.DateField(_("ngày quyết định"))
    decided_by = models.CharField(_("cấp quyết định"), max_length=255)
    cash_amount = models.PositiveBigIntegerField(
        _("tiền thưởng (đồng)"), null=True, blank=True
    )
    revoked = models.BooleanField(_("đã hủy bỏ"), default=False)
    revoked_reason = models.TextField(_("lý do hủy bỏ"), blank=True)
    annulment_decision = models.CharField(
        _("quyết định hủy bỏ"), max_length=120, blank=True
    )
    annulled_on = models.DateField(_("ngày hủy bỏ"), null=True, blank=True)
    recovery_note = models.TextField(_("thu hồi hiện vật, tiền thưởng"), blank=True)
    # Set on later awards of the same subject when an earlier one they may rest on is
    # annulled (Luật TĐKT 2022 Art 94): an officer re-examines them.
    needs_review = models.BooleanField(_("cần xem xét lại"), default=False)
    review_note = models.CharField(
        _("lý do cần xem xét lại"), max_length=255, blank=True
    )
    verification_code = models.CharField(
        _("mã xác minh"),
        max_length=32,
        unique=True,
        default=new_verification_code,
        editable=False,
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("sổ khen thưởng")
        ordering = ["-year", "-decision_date"]
        # The register is listed newest first (pages, API): walked in index order, a page
        # costs what it shows, not a sort of the whole register (bench/api_awards.py).
        indexes = [
            models.Index(
                fields=["year", "decision_date", "id"], name="award_list_order"
            ),
            models.Index(
                fields=["code", "year", "decision_date", "id"], name="award_code_year"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, agency__isnull=True)
                | Q(person__isnull=True, agency__isnull=False),
                name="award_one_subject",
            ),
            # One achievement backs one award (Luật TĐKT 2022 Art 5 cl.2).
            models.UniqueConstraint(
                fields=["person", "code", "year"],
                condition=Q(person__isnull=False, revoked=False),
                name="award_person_once_a_year",
            ),
            models.UniqueConstraint(
                fields=["agency", "code", "year"],
                condition=Q(agency__isnull=False, revoked=False),
                name="award_agency_once_a_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_code_display()} {self.year} – {self.person or self.agency}"

    @property
    def subject(self):
        return self.person or self.agency
