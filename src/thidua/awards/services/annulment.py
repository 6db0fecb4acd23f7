"""Annulment of an award in the register (Luật TĐKT 2022 Art 94)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.common.services.audit import log_action
from thidua.common.text import nfc

from ..models import Award

__all__ = ["annul_award", "check_annulment"]


def check_annulment(*, reason: str, annulment_decision: str, **_details) -> None:
    """An annulment names its reason and the decision that annuls (both, or the user is
    told about each missing one at once)."""
    errors = {}
    if not reason.strip():
        errors["reason"] = [_("Phải ghi lý do hủy bỏ.")]
    if not annulment_decision.strip():
        errors["annulment_decision"] = [_("Phải ghi số, ngày quyết định hủy bỏ.")]
    if errors:
        raise ValidationError(errors)


def annul_award(
    award: Award,
    *,
    reason: str,
    annulment_decision: str,
    annulled_on: datetime.date,
    recovery_note: str = "",
    actor=None,
) -> Award:
    """Mark the award annulled (never deleted) and flag the subject's later awards for
    re-examination, since they may rest on this one."""
    check_annulment(reason=reason, annulment_decision=annulment_decision)
    with transaction.atomic():
        locked = Award.objects.select_for_update().get(pk=award.pk)
        if locked.revoked:
            raise ValidationError(_("Khen thưởng này đã bị hủy bỏ."))
        locked.revoked = True
        locked.revoked_reason = nfc(reason)
        locked.annulment_decision = nfc(annulment_decision)
        locked.annulled_on = annulled_on
        locked.recovery_note = nfc(recovery_note)
        locked.save(
            update_fields=[
                "revoked",
                "revoked_reason",
                "annulment_decision",
                "annulled_on",
                "recovery_note",
            ]
        )
        later = Award.objects.filter(
            person=locked.person,
            agency=locked.agency,
            year__gt=locked.year,
            revoked=False,
        )
        flagged = list(later.values_list("pk", flat=True))
        later.update(
            needs_review=True,
            review_note=_("Khen thưởng %(code)s năm %(y)s đã bị hủy bỏ (%(d)s).")
            % {"code": locked.code, "y": locked.year, "d": locked.annulment_decision},
        )
        subject = locked.person or locked.agency
        log_action(
            subject,
            "awards.annul",
            actor=actor,
            agency_id=locked.person.unit_id if locked.person else locked.agency_id,
            data={
                "award": locked.pk,
                "code": locked.code,
                "year": locked.year,
                "reason": locked.revoked_reason,
                "decision": locked.annulment_decision,
                "flagged": flagged,
            },
        )
    return locked
