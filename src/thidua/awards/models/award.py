import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .subject import AwardSubject, once_per_subject

__all__ = ["Award", "new_verification_code"]


def new_verification_code() -> str:
    """Unguessable code printed as a QR on the certificate (public verification page)."""
    return secrets.token_urlsafe(12)


class Award(AwardSubject):
    """A title or form of commendation a person or unit received: the award register
    (sổ khen thưởng) the eligibility engine reads.

    Entries come from decisions issued in thidua, or are recorded from earlier paper
    decisions. Never deleted: an annulled award is marked revoked, with the reason.
    """

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
            *AwardSubject.Meta.constraints,
            # One achievement backs one award (Luật TĐKT 2022 Art 5 cl.2).
            *once_per_subject(
                Q(revoked=False),
                person_name="award_person_once_a_year",
                agency_name="award_agency_once_a_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_code_display()} {self.year} – {self.subject}"
