"""Evidence a unit supplies with its dossier, and the office's check of it (issue #17,
point 8; models/evidence.py). The unit adds or removes it while the dossier is its to
edit; the office confirms it or rejects it with a reason through the one kernel
(workflows.EVIDENCE). Every write audited with the dossier."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.services.audit import log_action
from thidua.common.text import nfc
from thidua.organizations.enums import InitiativeScope, Rating

from ..enums import EvidenceKind, EvidenceStatus
from ..models import DossierEvidence, Nomination
from ..models.evidence import INITIATIVE_KINDS
from ..rules import proposes_for
from ..selectors import active_attachments
from ..workflows import EVIDENCE
from .nomination import EDITABLE

__all__ = ["add_evidence", "remove_evidence", "review_evidence"]

# How far back a claim may go: the longest run of years a title looks at (the
# Chiến sĩ thi đua toàn quốc's six years) and some margin.
YEARS_BACK = 10


def _lock_for_unit(nomination: Nomination, actor) -> Nomination:
    if actor is not None and not proposes_for(actor, nomination.proposing_unit):
        raise ValidationError(_("Chỉ đơn vị đề nghị được bổ sung minh chứng."))
    locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if locked.state not in EDITABLE:
        raise ValidationError(
            _(
                "Hồ sơ đã gửi, không bổ sung hoặc rút minh chứng được nữa (chỉ khi hồ "
                "sơ còn nháp hoặc bị trả lại)."
            )
        )
    return locked


def _check_claim(nomination: Nomination, evidence: DossierEvidence) -> dict:
    errors = {}
    if evidence.kind not in EvidenceKind.values:
        return {"kind": [_("Loại minh chứng không hợp lệ.")]}
    if not (nomination.year - YEARS_BACK < evidence.year <= nomination.year):
        errors["year"] = [
            _("Năm phải từ %(a)s đến %(b)s (năm xét của hồ sơ).")
            % {"a": nomination.year - YEARS_BACK + 1, "b": nomination.year}
        ]
    if evidence.kind in INITIATIVE_KINDS:
        if nomination.person_id is None:
            errors["kind"] = [_("Sáng kiến, đề tài chỉ dùng cho hồ sơ cá nhân.")]
        if not evidence.title:
            errors["title"] = [_("Phải ghi tên sáng kiến, đề tài.")]
        if evidence.scope not in InitiativeScope.values:
            errors["scope"] = [_("Phải chọn phạm vi ảnh hưởng.")]
        evidence.rating = ""
    else:
        if evidence.rating not in Rating.values:
            errors["rating"] = [_("Phải chọn mức xếp loại.")]
        evidence.title = evidence.scope = ""
    return errors


def add_evidence(
    nomination: Nomination,
    *,
    kind: str,
    year: int,
    title: str = "",
    scope: str = "",
    rating: str = "",
    decision_number: str = "",
    decision_date: datetime.date | None = None,
    decided_by: str = "",
    attachment_id: int | None = None,
    actor=None,
) -> DossierEvidence:
    """The unit claims an initiative, a research work or a yearly rating for its
    dossier, with the file that proves it when it uploaded one; pending until the
    office checks it."""
    evidence = DossierEvidence(
        nomination=nomination,
        kind=kind,
        year=year,
        title=nfc(title.strip()),
        scope=scope,
        rating=rating,
        decision_number=nfc(decision_number.strip()),
        decision_date=decision_date,
        decided_by=nfc(decided_by.strip()),
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    with transaction.atomic():
        locked = _lock_for_unit(nomination, actor)
        errors = _check_claim(locked, evidence)
        if attachment_id is not None:
            evidence.attachment = (
                active_attachments(locked).filter(pk=attachment_id).first()
            )
            if evidence.attachment is None:
                errors["attachment"] = [_("Tài liệu không còn trong hồ sơ.")]
        if errors:
            raise ValidationError(errors)
        evidence.save()
        log_action(
            locked,
            "nominations.evidence_add",
            actor=actor,
            agency_id=locked.proposing_unit_id,
            data={"evidence": evidence.pk, "claim": str(evidence)},
        )
    return evidence


def remove_evidence(nomination: Nomination, evidence_pk: int, *, actor=None) -> None:
    """The unit takes back a claim not yet confirmed, while the dossier is its to edit
    (a confirmed one stays: the office's check is part of the dossier's history)."""
    with transaction.atomic():
        locked = _lock_for_unit(nomination, actor)
        evidence = locked.evidence.filter(pk=evidence_pk).first()
        if evidence is None:
            raise ValidationError(_("Minh chứng không còn trong hồ sơ."))
        if evidence.status == EvidenceStatus.CONFIRMED:
            raise ValidationError(_("Minh chứng đã được xác nhận, không rút được nữa."))
        claim = str(evidence)
        evidence.delete()
        log_action(
            locked,
            "nominations.evidence_remove",
            actor=actor,
            agency_id=locked.proposing_unit_id,
            data={"evidence": evidence_pk, "claim": claim},
        )


def review_evidence(
    evidence: DossierEvidence, to: str, *, actor=None, reason: str = ""
) -> DossierEvidence:
    """The office confirms a claim (the verdict counts it from now on) or rejects it
    with the reason the unit reads (workflows.EVIDENCE)."""

    def effect(locked: DossierEvidence, move) -> list[str]:
        locked.reason = nfc(reason.strip())
        locked.checked_at = timezone.now()
        locked.checked_by = (
            actor if actor is not None and actor.is_authenticated else None
        )
        return ["reason", "checked_at", "checked_by"]

    return EVIDENCE.transition(
        evidence,
        to,
        actor=actor,
        reason=reason,
        effect=effect,
        data=lambda locked: {"evidence": locked.pk, "claim": str(locked)},
        lock=lambda query: query.select_related("nomination__round"),
    )
