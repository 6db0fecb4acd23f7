"""What the receiving agency makes of each nominee of a tờ trình it received (workflows
.ITEM): its appraisal, a return to the level below, the higher level's final decision
flowing back down the chain into the proposing agency's nomination and award register.
Every change is audited in the same transaction."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.services.register import record_award
from thidua.common.services.audit import log_action
from thidua.common.text import nfc
from thidua.eligibility.cash import cash_award
from thidua.eligibility.errors import CaseError
from thidua.nominations.enums import NominationState
from thidua.nominations.services.nomination import STALE, transition_nomination

from ..enums import ItemOutcome
from ..models import SubmissionItem
from ..rules import is_receiving_office
from ..workflows import FROM_ABOVE, ITEM

__all__ = ["appraise_item", "move_item", "record_outcome", "return_item"]


def _item_data(extra: dict):
    return lambda item: {"item": item.position, "subject": item.subject_name, **extra}


def move_item(
    item,
    to,
    actor,
    *,
    reason="",
    through="",
    expected_version=None,
    data=None,
    fields=None,
    check_permission=False,
):
    """One item's outcome through the kernel (workflows.ITEM), filed in its tờ trình's
    history; ``fields`` are set with it (the decision's number, date, signer…)."""

    def effect(locked, _move) -> list[str]:
        for name, value in (fields or {}).items():
            setattr(locked, name, value)
        if reason.strip():
            locked.reason = nfc(reason)
        locked.version += 1
        return [*(fields or {}), "reason", "version", "updated_at"]

    return ITEM.transition(
        item,
        to,
        actor=actor,
        reason=reason,
        through=through,
        expected_version=expected_version,
        check_permission=check_permission and actor is not None,
        effect=effect,
        data=_item_data(data or {}),
        lock=lambda query: query.select_related("submission__to_agency"),
    )


def _lock_item(item: SubmissionItem, actor, expected_version) -> SubmissionItem:
    locked = (
        SubmissionItem.objects.select_for_update()
        .select_related("submission__to_agency")
        .get(pk=item.pk)
    )
    if expected_version is not None and locked.version != expected_version:
        raise ValidationError(STALE, code="stale")
    if actor is not None and not is_receiving_office(actor, locked.submission):
        raise PermissionDenied
    return locked


def appraise_item(item, *, appraisal: str, actor=None, expected_version=None):
    """The receiving office's appraisal note on one nominee (Ban TĐKT thẩm định)."""
    if not appraisal.strip():
        raise ValidationError({"appraisal": [_("Phải ghi ý kiến thẩm định.")]})
    with transaction.atomic():
        locked = _lock_item(item, actor, expected_version)
        if locked.outcome != ItemOutcome.PENDING:
            raise ValidationError(_("Hồ sơ không còn chờ xử lý."))
        locked.appraisal = nfc(appraisal)
        locked.version += 1
        locked.save(update_fields=["appraisal", "version", "updated_at"])
        log_action(
            locked.submission,
            "submissions.appraise",
            actor=actor,
            agency_id=locked.submission.to_agency_id,
            data=_item_data({"appraisal": locked.appraisal})(locked),
        )
    return locked


def return_item(item, *, reason: str, actor=None, expected_version=None):
    """Send one nominee back with a reason: the item below (or the nomination, at the
    bottom) is open again for the lower office to complete and send anew."""
    if not reason.strip():
        raise ValidationError({"reason": [_("Phải ghi rõ lý do trả lại.")]})
    reason = nfc(reason)
    with transaction.atomic():
        locked = move_item(
            item,
            ItemOutcome.RETURNED,
            actor,
            reason=reason,
            expected_version=expected_version,
            data={"reason": reason},
            check_permission=True,
        )
        by = locked.submission.to_agency.name
        why = _("%(a)s trả lại: %(r)s") % {"a": by, "r": reason}
        if locked.source_id is not None:
            move_item(
                locked.source,
                ItemOutcome.PENDING,
                actor,
                reason=why,
                through=FROM_ABOVE,
                data={"reason": reason},
            )
        elif locked.nomination_id:
            transition_nomination(
                locked.nomination,
                NominationState.COUNCIL_DONE,
                actor=actor,
                reason=why,
                upward=True,
            )
    return locked


def record_outcome(
    item,
    *,
    awarded: bool,
    decision_number: str = "",
    decision_date: datetime.date | None = None,
    decision_signer: str = "",
    decided_by: str = "",
    reason: str = "",
    actor=None,
    expected_version=None,
):
    """Record the final decision of the higher level (awarded with its number, date and
    signer; or not awarded with a reason). It flows down every item of the chain and,
    at the bottom, into the proposing agency's nomination and award register."""
    errors = {}
    if awarded:
        if not decision_number.strip():
            errors["decision_number"] = [_("Phải ghi số quyết định.")]
        if decision_date is None:
            errors["decision_date"] = [_("Phải ghi ngày quyết định.")]
        elif decision_date > timezone.localdate():
            errors["decision_date"] = [_("Ngày quyết định không được ở tương lai.")]
        if not decision_signer.strip():
            errors["decision_signer"] = [_("Phải ghi người ký quyết định.")]
        if not decided_by.strip():
            errors["decided_by"] = [_("Phải ghi cấp quyết định.")]
    elif not reason.strip():
        errors["reason"] = [_("Phải ghi rõ lý do không khen thưởng.")]
    if errors:
        raise ValidationError(errors)
    outcome = ItemOutcome.AWARDED if awarded else ItemOutcome.NOT_AWARDED
    fields = {
        "reason": nfc(reason),
        "decision_number": nfc(decision_number),
        "decision_date": decision_date,
        "decision_signer": nfc(decision_signer),
        "decided_by": nfc(decided_by),
    }
    decided = {name: value for name, value in fields.items() if name != "reason"}
    data = {"outcome": outcome, "decision_number": fields["decision_number"]}
    with transaction.atomic():
        locked = move_item(
            item,
            outcome,
            actor,
            reason=fields["reason"],
            expected_version=expected_version,
            fields=decided,
            data=data,
            check_permission=True,
        )
        node = locked
        while True:
            if node.source_id is None and node.nomination_id:
                _settle_nomination(node, awarded, actor)
            if node.source_id is None:
                break
            node = move_item(
                node.source,
                outcome,
                actor,
                reason=fields["reason"],
                through=FROM_ABOVE,
                fields=decided,
                data=data,
            )
    return locked


def _settle_nomination(item: SubmissionItem, awarded: bool, actor) -> None:
    nomination = item.nomination
    if not awarded:
        transition_nomination(
            nomination,
            NominationState.NOT_AWARDED,
            actor=actor,
            reason=item.reason,
            upward=True,
        )
        return
    kind = "individual" if nomination.person_id else "collective"
    try:  # the amount the higher level pays, from the engine; unknown multiple → 0
        cash = cash_award(nomination.code, item.decision_date, kind=kind).amount or 0
    except CaseError:
        cash = 0
    record_award(
        person=nomination.person,
        agency=nomination.agency,
        code=nomination.code,
        award_type=nomination.award_type,
        year=nomination.year,
        decision_number=item.decision_number,
        decision_date=item.decision_date,
        decided_by=f"{item.decided_by} ({item.decision_signer})",
        cash_amount=cash,
        actor=actor,
    )
    transition_nomination(nomination, NominationState.AWARDED, actor=actor, upward=True)
