from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ..enums import Comparison, PassBasis

__all__ = ["CouncilVotingRule"]


class CouncilVotingRule(models.Model):
    """A council's own pass rule (quy chế), for a title and/or regime or as its default.

    ``title_code`` / ``regime`` left empty (NULL) match any. The most specific row wins:
    (title, regime) > (title, any) > (any, regime) > (any, any) > built-in defaults.
    """

    council = models.ForeignKey(
        "organizations.Council", on_delete=models.CASCADE, related_name="voting_rules"
    )
    title_code = models.CharField(
        _("danh hiệu, hình thức"), max_length=40, null=True, blank=True
    )
    regime = models.CharField(_("chế độ pháp lý"), max_length=20, null=True, blank=True)
    numerator = models.PositiveSmallIntegerField(_("tử số"))
    denominator = models.PositiveSmallIntegerField(_("mẫu số"))
    comparison = models.CharField(
        _("so sánh"),
        max_length=3,
        choices=Comparison.choices,
        default=Comparison.AT_LEAST,
    )
    basis = models.CharField(
        _("cơ sở tính"),
        max_length=12,
        choices=PassBasis.choices,
        default=PassBasis.ALL_MEMBERS,
    )
    source = models.CharField(_("căn cứ (quy chế)"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("quy tắc biểu quyết của hội đồng")
        verbose_name_plural = _("quy tắc biểu quyết của hội đồng")
        constraints = [
            models.CheckConstraint(
                condition=Q(denominator__gt=0) & Q(numerator__lte=F("denominator")),
                name="voting_rule_fraction_valid",
            ),
            models.UniqueConstraint(
                fields=["council", "title_code", "regime"],
                name="voting_rule_title_regime_once",
            ),
            models.UniqueConstraint(
                fields=["council", "title_code"],
                condition=Q(regime__isnull=True),
                name="voting_rule_title_once",
            ),
            models.UniqueConstraint(
                fields=["council", "regime"],
                condition=Q(title_code__isnull=True),
                name="voting_rule_regime_once",
            ),
            models.UniqueConstraint(
                fields=["council"],
                condition=Q(title_code__isnull=True, regime__isnull=True),
                name="voting_rule_default_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.council_id}: {self.title_code or '*'} / {self.regime or '*'}"
