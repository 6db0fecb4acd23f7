from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thidua.common.constraints import reason_required, state_is_known
from thidua.documents.models import DelegatedSignerFields

from ..enums import UNAPPROVED, UNNUMBERED, DecisionState

__all__ = ["Decision", "DecisionItem"]


class Decision(DelegatedSignerFields):
    """A Quyết định khen thưởng of the agency head, within the authority table.

    Drafted by the TĐKT office, approved (or returned) by the head or a deputy who
    signs for him, numbered and issued by the clerk. The signer block is written from
    the approver's staff record at approval. Decisions issued before the approval step
    existed are ``legacy``: issued without an approver on record."""

    round = models.ForeignKey(
        "nominations.NominationRound",
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    # Taken by the clerk at issue; empty before.
    issued_document = models.OneToOneField(
        "documents.IssuedDocument",
        on_delete=models.PROTECT,
        related_name="decision",
        null=True,
        blank=True,
    )
    summary = models.CharField(_("trích yếu"), max_length=500)
    legal_basis = models.TextField(_("căn cứ ban hành"), blank=True)
    # The date the office proposes; the clerk's issue date is the decision's.
    planned_on = models.DateField(_("ngày dự kiến ký"), null=True, blank=True)
    state = models.CharField(
        _("trạng thái"),
        max_length=12,
        choices=DecisionState.choices,
        default=DecisionState.DRAFT,
    )
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_decisions",
    )
    approved_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    legacy = models.BooleanField(
        _("ban hành trước khi có bước duyệt"), default=False, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        ordering = ["-created_at"]
        constraints = [
            state_is_known("state", DecisionState, "decision_state_known"),
            reason_required(
                "state",
                [DecisionState.RETURNED],
                "return_reason",
                "decision_return_has_reason",
            ),
            # Numbered exactly from the clerk's step on.
            models.CheckConstraint(
                condition=Q(state__in=UNNUMBERED, issued_document__isnull=True)
                | (~Q(state__in=UNNUMBERED) & Q(issued_document__isnull=False)),
                name="decision_numbered_once_issued",
            ),
            # Approved (and so issued) only with the approver on record, save the
            # decisions issued before the step existed.
            models.CheckConstraint(
                condition=Q(state__in=UNAPPROVED)
                | Q(approved_by__isnull=False, approved_at__isnull=False)
                | (Q(legacy=True) & ~Q(state__in=UNNUMBERED)),
                name="decision_approved_on_record",
            ),
        ]

    def __str__(self) -> str:
        if self.issued_document_id is None:
            return _("Dự thảo quyết định: %(s)s") % {"s": self.summary}
        return self.issued_document.symbol

    def get_absolute_url(self) -> str:
        return reverse("decisions:decision-detail", args=[self.pk])

    @property
    def awards_written(self) -> bool:
        """Its awardees are in the register (they stay there, revoked, once annulled)."""
        return self.state in (DecisionState.REGISTERED, DecisionState.ANNULLED)

    @property
    def is_annulled(self) -> bool:
        return self.state == DecisionState.ANNULLED


class DecisionItem(models.Model):
    """One awardee of a decision, with the cash amount computed by the engine."""

    decision = models.ForeignKey(
        Decision, on_delete=models.PROTECT, related_name="items"
    )
    nomination = models.OneToOneField(
        "nominations.Nomination", on_delete=models.PROTECT, related_name="decision_item"
    )
    # The register entry this item wrote once the decision's files existed
    # (services.decision.write_awards); empty until then. Awards recorded from paper
    # decisions have no item.
    award = models.OneToOneField(
        "awards.Award",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decision_item",
    )
    position = models.PositiveSmallIntegerField()
    cash_amount = models.PositiveBigIntegerField(_("tiền thưởng (đồng)"))
    cash_basis = models.CharField(_("căn cứ tính tiền"), max_length=500)

    class Meta:
        verbose_name = _("người được khen thưởng")
        verbose_name_plural = _("người được khen thưởng")
        ordering = ["decision", "position"]

    def __str__(self) -> str:
        return str(self.nomination)
