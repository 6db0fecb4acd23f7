"""Decisions within the authority: the office drafts (list, cash from the engine), the
head approves or returns, the clerk numbers and issues; rendered, then the register."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.awards.services.register import record_award
from thidua.common.jobs import checkpoint, enqueue_on_commit
from thidua.common.services.audit import log_action
from thidua.common.text import nfc
from thidua.documents.kinds import PersonalSigner
from thidua.documents.models import IssuedDocument
from thidua.documents.services.approval import approve, send_back, signer_block
from thidua.documents.services.numbering import issue_document
from thidua.documents.tasks import task_render_document
from thidua.eligibility.authority import can_decide
from thidua.eligibility.cash import cash_award, same_period_unpaid
from thidua.nominations.enums import NominationState
from thidua.nominations.models import Nomination
from thidua.nominations.services.nomination import transition_nomination

from ..enums import DecisionState
from ..models import Decision, DecisionItem
from ..workflows import DECISION, THROUGH_FILES

__all__ = [
    "DECIDABLE_STATES",
    "approve_decision",
    "draft_decision",
    "issue_decision",
    "personal_signer",
    "return_decision",
    "signer_block",
    "submit_decision",
    "write_awards",
    "write_missing_awards",
]

DECIDABLE_STATES = (NominationState.COUNCIL_DONE, NominationState.PUBLIC_NOTICE)


def _problems(round_, nominations, day, *, drafting: bool) -> list[str]:
    """Why some of ``nominations`` cannot be decided by the round's agency on ``day``."""
    problems = []
    for nomination in nominations:
        if nomination.round_id != round_.pk or nomination.state not in DECIDABLE_STATES:
            problems.append(
                _("%(n)s: chưa được Hội đồng xét hoặc không thuộc đợt xét.")
                % {"n": nomination}
            )
        elif drafting and DecisionItem.objects.filter(nomination=nomination).exists():
            problems.append(
                _("%(n)s: đã có trong một dự thảo quyết định khác.") % {"n": nomination}
            )
        elif not can_decide(round_.agency.level, nomination.code, day):
            problems.append(
                _("%(n)s: vượt thẩm quyền của %(a)s, cần trình cấp trên.")
                % {"n": nomination, "a": round_.agency.name}
            )
    return problems


def draft_decision(
    round_,
    nominations: list[Nomination],
    *,
    planned_on: datetime.date,
    legal_basis: str = "",
    actor=None,
) -> Decision:
    """The TĐKT office drafts one Quyết định for ``nominations`` (all decided by the
    council, all within the agency head's authority on ``planned_on``): the list and
    each cash amount from the engine at that date. No number, no signer yet: the head
    approves it (:func:`approve_decision`), the clerk issues it (:func:`issue_decision`)."""
    if not nominations:
        raise ValidationError(_("Chọn ít nhất một hồ sơ."))
    if actor is not None and not actor.has_perm(
        "organizations.change_agency", round_.agency
    ):
        raise PermissionDenied
    with transaction.atomic():
        order = [n.pk for n in nominations]
        fresh = {
            n.pk: n for n in Nomination.objects.select_for_update().filter(pk__in=order)
        }
        nominations = [fresh[pk] for pk in order]
        problems = _problems(round_, nominations, planned_on, drafting=True)
        if problems:
            raise ValidationError([_("Không thể ra quyết định:"), *problems])
        names = sorted({n.get_code_display() for n in nominations})
        summary = _("Về việc tặng %(what)s năm %(year)s") % {
            "what": ", ".join(names),
            "year": round_.year,
        }
        decision = Decision.objects.create(
            round=round_,
            summary=summary,
            legal_basis=nfc(legal_basis),
            planned_on=planned_on,
            state=DecisionState.DRAFT,
        )
        cash = [
            cash_award(
                n.code,
                planned_on,
                kind="individual" if n.person_id else "collective",
            )
            for n in nominations
        ]
        unpaid = same_period_unpaid(
            [
                ((n.person_id, n.agency_id), n.year, award)
                for n, award in zip(nominations, cash, strict=True)
            ]
        )
        DecisionItem.objects.bulk_create(
            DecisionItem(
                decision=decision,
                nomination=nomination,
                position=index + 1,
                cash_amount=0 if index in unpaid else award.amount or 0,
                cash_basis=unpaid.get(index, award.basis_text),
            )
            for index, (nomination, award) in enumerate(
                zip(nominations, cash, strict=True)
            )
        )
        log_action(
            decision,
            "decisions.draft",
            actor=actor,
            agency_id=round_.agency_id,
            data={"items": len(nominations)},
        )
    return decision


def submit_decision(decision: Decision, *, actor=None) -> Decision:
    """The office puts its draft (or the returned one) before the head."""
    return DECISION.transition(
        decision,
        DecisionState.AWAITING,
        actor=actor,
        lock=lambda query: query.select_related("round__agency"),
    )


def approve_decision(decision: Decision, *, actor) -> Decision:
    """The head, or whoever signs for him (KT., Q., TUQ., TL.), approves the draft:
    he and the time are recorded, and the signer block is his, from his staff record
    (documents.services.approval)."""
    return approve(
        DECISION,
        decision,
        DecisionState.APPROVED,
        actor=actor,
        agency_of=lambda locked: locked.round.agency,
        lock=lambda query: query.select_related("round__agency"),
    )


def return_decision(decision: Decision, *, actor, reason: str) -> Decision:
    """The head sends the draft back to the office, with the reason."""
    return send_back(
        DECISION,
        decision,
        DecisionState.RETURNED,
        actor=actor,
        reason=reason,
        lock=lambda query: query.select_related("round__agency"),
    )


def issue_decision(
    decision: Decision, *, issued_on: datetime.date, actor=None
) -> Decision:
    """The clerk issues the approved decision: takes the number and the date, the
    nominations become decided, the rendering is queued; the awards are written to
    the register only once the files exist (:func:`write_awards`)."""

    def effect(locked: Decision, _move) -> list[str]:
        round_ = locked.round
        items = list(locked.items.select_related("nomination"))
        order = [item.nomination_id for item in items]
        fresh = {
            n.pk: n for n in Nomination.objects.select_for_update().filter(pk__in=order)
        }
        nominations = [fresh[pk] for pk in order]
        problems = _problems(round_, nominations, issued_on, drafting=False)
        if problems:
            raise ValidationError([_("Không thể ra quyết định:"), *problems])
        document = issue_document(
            type_code="QĐ",
            agency=round_.agency,
            issued_on=issued_on,
            summary=locked.summary,
            signer_title=locked.signer_title,
            signer_name=locked.signer_name,
            source_kind="decision",
            source_id=locked.pk,
            actor=actor,
        )
        locked.issued_document = document
        # Decided by this decision: the clerk's permission on it was checked by the
        # kernel; the nominations follow in her name (the TĐKT office's nomination
        # rights are not hers, hence ``checked``) — in the approving head's when the
        # caller names nobody (a trusted service, a command).
        by = actor if actor is not None else locked.approved_by
        for nomination in nominations:
            transition_nomination(
                nomination, NominationState.DECIDED, actor=by, checked=True
            )
        enqueue_on_commit(task_render_document, document.pk)
        return ["issued_document"]

    return DECISION.transition(
        decision,
        DecisionState.ISSUED,
        actor=actor,
        effect=effect,
        data=lambda locked: {
            "symbol": locked.issued_document.symbol,
            "items": locked.items.count(),
        },
        lock=lambda query: query.select_related("round__agency"),
    )


def personal_signer(decision_id: int) -> PersonalSigner:
    """Who signs the decision's PDF with his own certificate: the approver, with the
    signer block written at approval (a decision issued before the approval step has
    no approver on record, hence no person)."""
    decision = Decision.objects.select_related("approved_by__person").get(
        pk=decision_id
    )
    approver = decision.approved_by
    return PersonalSigner(
        person=approver.person if approver else None,
        name=decision.signer_name,
        title=decision.signer_title,
        user=approver,
    )


def write_awards(decision_id: int) -> int:
    """After the decision's files exist: write every awardee into the register, mark
    the nominations awarded, and move the decision to "registered". Called in the
    transaction that marks the document ready (the decision kind's after-render hook,
    documents/kinds.py), so either all of it happens or none; idempotent (a decision's
    awards are written once)."""
    written = []

    def effect(decision: Decision, _move) -> list[str]:
        document = decision.issued_document
        for item in decision.items.select_related(
            "nomination__person", "nomination__agency"
        ):
            nomination = item.nomination
            item.award = record_award(
                person=nomination.person,
                agency=nomination.agency,
                code=nomination.code,
                award_type=nomination.award_type,
                year=nomination.year,
                decision_number=document.symbol,
                decision_date=document.issued_on,
                # Signed "KT.", the decision is still the head's.
                decided_by=f"{decision.signer_principal or decision.signer_title} "
                f"{decision.round.agency.name}",
                cash_amount=item.cash_amount,
            )
            item.save(update_fields=["award"])
            transition_nomination(nomination, NominationState.AWARDED)
            written.append(item.award.pk)
            checkpoint("decisions.write_awards")
        return []

    with transaction.atomic():
        decision = Decision.objects.select_for_update().get(pk=decision_id)
        if decision.state != DecisionState.ISSUED:
            return 0
        DECISION.transition(
            decision,
            DecisionState.REGISTERED,
            check_permission=False,
            through=THROUGH_FILES,
            effect=effect,
            data=lambda _decision: {"awards": len(written)},
            lock=lambda query: query.select_related("issued_document", "round__agency"),
        )
    return len(written)


def write_missing_awards() -> int:
    """Periodic repair (thidua.common.jobs): a decision whose document is ready while
    its awards are not in the register — left by a version that wrote them after the
    document, in a separate step a crash could cut — gets them now."""
    pending = Decision.objects.filter(
        state=DecisionState.ISSUED, issued_document__status=IssuedDocument.Status.READY
    ).values_list("pk", flat=True)
    return sum(1 for pk in pending if write_awards(pk))
