from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thidua.documents.models import DelegatedSignerFields

from ..enums import DecisionState

__all__ = ["Decision", "DecisionItem"]


class Decision(DelegatedSignerFields):
    """A Quyết định khen thưởng of the agency head, within the authority table."""

    round = models.ForeignKey(
        "nominations.NominationRound",
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    issued_document = models.OneToOneField(
        "documents.IssuedDocument", on_delete=models.PROTECT, related_name="decision"
    )
    summary = models.CharField(_("trích yếu"), max_length=500)
    state = models.CharField(
        _("trạng thái"),
        max_length=12,
        choices=DecisionState.choices,
        default=DecisionState.ISSUED,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=DecisionState.values), name="decision_state_known"
            ),
        ]

    def __str__(self) -> str:
        return self.issued_document.symbol

    def get_absolute_url(self) -> str:
        return reverse("decisions:decision-detail", args=[self.pk])

    @property
    def awards_written(self) -> bool:
        """Its awardees are in the register (they stay there, revoked, once annulled)."""
        return self.state != DecisionState.ISSUED

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
