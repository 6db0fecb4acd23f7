"""Annulment of a whole decision (Luật TĐKT 2022 Art 94): every award it wrote."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from thidua.awards.services.annulment import annul_award, check_annulment
from thidua.common.text import nfc

from ..enums import DecisionState
from ..models import Decision
from ..selectors import decision_awards
from ..workflows import DECISION, THROUGH_ANNULMENT

__all__ = ["annul_decision"]


def annul_decision(decision: Decision, *, actor=None, **details) -> int:
    """Annul the decision as a whole: every award it wrote that still stands is
    revoked, and the decision moves to "annulled"; all or nothing."""
    check_annulment(**details)
    annulled = []

    def effect(_locked, _move) -> list[str]:
        awards = decision_awards(decision).filter(revoked=False).order_by("pk")
        for entry in awards:
            annul_award(entry, actor=actor, **details)
            annulled.append(entry.pk)
        if not annulled:
            raise ValidationError(_("Quyết định không còn khen thưởng nào để hủy bỏ."))
        return []

    DECISION.transition(
        decision,
        DecisionState.ANNULLED,
        actor=actor,
        reason=details["reason"],
        through=THROUGH_ANNULMENT,
        effect=effect,
        data=lambda _decision: {
            "annulment_decision": nfc(details["annulment_decision"]),
            "awards": annulled,
        },
        lock=lambda query: query.select_related("round__agency"),
    )
    return len(annulled)
