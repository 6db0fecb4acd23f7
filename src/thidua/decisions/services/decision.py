"""Decisions within the authority: number, cash from the engine, render, then the register."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.awards.services.register import record_award
from thidua.common.jobs import checkpoint, enqueue_on_commit
from thidua.common.services.audit import log_action
from thidua.documents.models import IssuedDocument
from thidua.documents.services.numbering import issue_document
from thidua.documents.tasks import task_render_document
from thidua.eligibility.authority import can_decide
from thidua.eligibility.cash import cash_award
from thidua.nominations.enums import NominationState
from thidua.nominations.models import Nomination
from thidua.nominations.services.nomination import transition_nomination

from ..enums import DecisionState
from ..models import Decision, DecisionItem
from ..workflows import DECISION, THROUGH_FILES

__all__ = ["DECIDABLE_STATES", "issue_decision", "write_awards", "write_missing_awards"]

DECIDABLE_STATES = (NominationState.COUNCIL_DONE, NominationState.PUBLIC_NOTICE)


def issue_decision(
    round_,
    nominations: list[Nomination],
    *,
    issued_on: datetime.date,
    signer_title: str,
    signer_name: str,
    signer_authority: str = "",
    signer_principal: str = "",
    actor=None,
) -> Decision:
    """Issue one Quyết định for ``nominations`` (all decided by the council, all within
    the agency head's authority on ``issued_on``). Takes the number, computes each cash
    amount from the engine at the decision date, queues the rendering; the awards are
    written to the register only once the files exist (:func:`write_awards`)."""
    if not nominations:
        raise ValidationError(_("Chọn ít nhất một hồ sơ."))
    level = round_.agency.level
    with transaction.atomic():
        order = [n.pk for n in nominations]
        fresh = {
            n.pk: n for n in Nomination.objects.select_for_update().filter(pk__in=order)
        }
        nominations = [fresh[pk] for pk in order]
        problems = []
        for nomination in nominations:
            if (
                nomination.round_id != round_.pk
                or nomination.state not in DECIDABLE_STATES
            ):
                problems.append(
                    _("%(n)s: chưa được Hội đồng xét hoặc không thuộc đợt xét.")
                    % {"n": nomination}
                )
            elif not can_decide(level, nomination.code, issued_on):
                problems.append(
                    _("%(n)s: vượt thẩm quyền của %(a)s, cần trình cấp trên.")
                    % {"n": nomination, "a": round_.agency.name}
                )
        if problems:
            raise ValidationError([_("Không thể ra quyết định:"), *problems])
        names = sorted({n.get_code_display() for n in nominations})
        summary = _("Về việc tặng %(what)s năm %(year)s") % {
            "what": ", ".join(names),
            "year": round_.year,
        }
        document = issue_document(
            type_code="QĐ",
            agency=round_.agency,
            issued_on=issued_on,
            summary=summary,
            signer_title=signer_title,
            signer_name=signer_name,
            source_kind="decision",
            actor=actor,
        )
        decision = Decision.objects.create(
            round=round_,
            issued_document=document,
            summary=summary,
            signer_title=signer_title,
            signer_name=signer_name,
            signer_authority=signer_authority,
            signer_principal=signer_principal,
        )
        document.source_id = decision.pk
        document.save(update_fields=["source_id"])
        for position, nomination in enumerate(nominations, start=1):
            kind = "individual" if nomination.person_id else "collective"
            cash = cash_award(nomination.code, issued_on, kind=kind)
            DecisionItem.objects.create(
                decision=decision,
                nomination=nomination,
                position=position,
                cash_amount=cash.amount,
                cash_basis=f"{cash.multiple} × {cash.base_salary:,} đ ({cash.base_source})",
            )
            transition_nomination(nomination, NominationState.DECIDED, actor=actor)
        log_action(
            decision,
            "decisions.issue",
            actor=actor,
            agency_id=round_.agency_id,
            data={"symbol": document.symbol, "items": len(nominations)},
        )

        enqueue_on_commit(task_render_document, document.pk)
    return decision


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
                decided_by=f"{decision.signer_title} {decision.round.agency.name}",
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
