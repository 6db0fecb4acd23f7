"""Annulment of a whole decision (Luật TĐKT 2022 Art 94): every award it wrote."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.awards.models import Award
from thidua.awards.services.annulment import annul_award

from ..models import Decision

__all__ = ["annul_decision", "decision_awards"]


def decision_awards(decision: Decision):
    """The register entries the decision wrote (linked from its items)."""
    return Award.objects.filter(decision_item__decision=decision)


def annul_decision(decision: Decision, *, actor=None, **details) -> int:
    """Annul every award the decision wrote; all or nothing."""
    with transaction.atomic():
        awards = list(decision_awards(decision).filter(revoked=False).order_by("pk"))
        if not awards:
            raise ValidationError(_("Quyết định không còn khen thưởng nào để hủy bỏ."))
        for entry in awards:
            annul_award(entry, actor=actor, **details)
    return len(awards)
