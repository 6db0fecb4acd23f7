"""Evidence a proposing unit supplies with a dossier (issue #17, point 8): an
initiative or a research work with its recognition, or a yearly rating. The office
confirms or rejects it (nominations.workflows.EVIDENCE); once confirmed the
eligibility verdict of that dossier counts it (nominations/selectors/evidence.py),
pending or rejected it is shown and never counted. The staff register
(organizations.Initiative, Assessment) is left as the officer keeps it: evidence is
what this dossier claims, confirmed for this dossier."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.common.constraints import reason_required, state_is_known
from thidua.organizations.enums import InitiativeScope, Rating

from ..enums import EvidenceKind, EvidenceStatus
from .nomination import Nomination, NominationAttachment

__all__ = ["DossierEvidence"]

INITIATIVE_KINDS = (EvidenceKind.INITIATIVE, EvidenceKind.RESEARCH)


class DossierEvidence(models.Model):
    nomination = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, related_name="evidence"
    )
    kind = models.CharField(_("loại minh chứng"), max_length=10, choices=EvidenceKind)
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tên sáng kiến, đề tài"), max_length=500, blank=True)
    scope = models.CharField(
        _("phạm vi ảnh hưởng"), max_length=10, choices=InitiativeScope, blank=True
    )
    rating = models.CharField(_("xếp loại"), max_length=4, choices=Rating, blank=True)
    decision_number = models.CharField(
        _("số quyết định, văn bản công nhận"), max_length=60, blank=True
    )
    decision_date = models.DateField(_("ngày công nhận"), null=True, blank=True)
    decided_by = models.CharField(_("cơ quan công nhận"), max_length=255, blank=True)
    # The dossier's file that proves it (a certificate), when the unit uploaded one.
    attachment = models.ForeignKey(
        NominationAttachment,
        verbose_name=_("tài liệu chứng minh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="evidence",
    )
    status = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=EvidenceStatus,
        default=EvidenceStatus.PENDING,
    )
    reason = models.TextField(_("lý do"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    checked_at = models.DateTimeField(_("xác nhận lúc"), null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("minh chứng hồ sơ")
        verbose_name_plural = _("minh chứng hồ sơ")
        ordering = ["kind", "-year", "pk"]
        constraints = [
            state_is_known("status", EvidenceStatus, "evidence_status_known"),
            state_is_known("kind", EvidenceKind, "evidence_kind_known"),
            reason_required(
                "status",
                [EvidenceStatus.REJECTED],
                "reason",
                "evidence_rejection_has_reason",
            ),
            # An initiative names itself and its scope; a rating has its level.
            models.CheckConstraint(
                condition=~Q(kind__in=list(INITIATIVE_KINDS))
                | (~Q(title="") & ~Q(scope="")),
                name="evidence_initiative_complete",
            ),
            models.CheckConstraint(
                condition=~Q(kind=EvidenceKind.RATING) | ~Q(rating=""),
                name="evidence_rating_complete",
            ),
        ]

    def __str__(self) -> str:
        if self.kind == EvidenceKind.RATING:
            return f"{self.get_kind_display()} {self.year}: {self.get_rating_display()}"
        return f"{self.get_kind_display()} {self.year}: {self.title}"

    @property
    def is_removable(self) -> bool:
        """The unit may take it back: not confirmed (the office's check stays)."""
        return self.status != EvidenceStatus.CONFIRMED
