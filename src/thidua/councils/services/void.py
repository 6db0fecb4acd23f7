"""Voiding an open ballot box (hủy lượt bỏ phiếu) and putting its items to the vote
again.

The tally code is shown once, to whoever opened the box, and nothing can recover it
(docs/ballots.md): if it is lost the papers can never be opened, and the meeting could
never close. The secretary or chair then voids the box with the reason: the sealed
papers are destroyed unopened, the key is erased, the box and its ballots are frozen as
"void" (the participations stay: who handed in a paper is on record, as on paper), and
each item goes back on the agenda as a new item, with the recusals, declared conflicts
and clearances of the first one carried over through the same services (audited each).
The minutes and the tally record print the voided box with its reason.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.services.audit import log_action
from thidua.common.text import nfc

from ..enums import BallotState
from ..models import AgendaItem, Ballot, BallotBox, BallotParticipation, SealedPaper
from ._common import audit_actor, officer_seat
from .meeting import add_agenda_item, clear_conflict, declare_conflict, recuse

__all__ = ["AGAIN_SUFFIX", "void_box"]

AGAIN_SUFFIX = " (bỏ phiếu lại)"


def void_box(box: BallotBox, *, reason: str, actor) -> list[AgendaItem]:
    """Void the open box (secretary or chair, with the reason) and put its items on
    the agenda again; returns the new items, in the order of the old ones."""
    reason = nfc(reason or "").strip()
    if not reason:
        raise ValidationError(
            {
                "reason": [
                    _("Cần ghi lý do hủy lượt bỏ phiếu (ví dụ: mất mã kiểm phiếu).")
                ]
            }
        )
    if len(reason) > 500:
        raise ValidationError(
            {"reason": [_("Lý do hủy lượt bỏ phiếu dài quá 500 ký tự.")]}
        )
    with transaction.atomic():
        locked = (
            BallotBox.objects.select_for_update()
            .select_related("meeting__council")
            .get(pk=box.pk)
        )
        council = locked.meeting.council
        if locked.state != BallotState.OPEN:
            raise ValidationError(
                _("Lượt bỏ phiếu này đã đóng hoặc đã hủy, không hủy được nữa.")
            )
        now = timezone.now()
        seat = officer_seat(council, actor, on=timezone.localdate(now))
        ballots = list(
            Ballot.objects.select_for_update()
            .filter(box=locked)
            .select_related("agenda_item")
            .order_by("agenda_item__position", "pk")
        )
        papers = (
            BallotParticipation.objects.filter(ballot__box=locked)
            .values("member_id")
            .distinct()
            .count()
        )
        SealedPaper.objects.filter(box=locked).delete()
        Ballot.objects.filter(box=locked).update(state=BallotState.VOID, closed_at=now)
        BallotBox.objects.filter(pk=locked.pk).update(
            state=BallotState.VOID,
            closed_at=now,
            wrapped_private_key=None,
            void_reason=reason,
        )
        log_action(
            locked,
            "councils.ballot.void",
            actor=audit_actor(actor),
            agency_id=council.agency_id,
            data={
                "by_member": seat.pk,
                "reason": reason,
                "papers_destroyed": papers,
                "agenda_items": [ballot.agenda_item_id for ballot in ballots],
            },
        )
        again = [_put_again(ballot.agenda_item, actor) for ballot in ballots]
    # The caller's object shows the box as it now is.
    box.refresh_from_db(
        fields=["state", "closed_at", "wrapped_private_key", "void_reason"]
    )
    return again


def _put_again(item: AgendaItem, actor) -> AgendaItem:
    """The item once more on the agenda, as the council had settled it: the same
    nominee and title, the same recusals, declared conflicts and clearances."""
    label = item.label
    if not label.endswith(AGAIN_SUFFIX):
        label = label[: 500 - len(AGAIN_SUFFIX)] + AGAIN_SUFFIX
    new = add_agenda_item(
        item.meeting,
        label=label,
        title_code=item.title_code,
        regime=item.regime,
        nomination=item.nomination,
        nominee_person=item.nominee_person,
        nominee_unit=item.nominee_unit,
        actor=actor,
    )
    found = {c.member_id for c in new.conflicts.all()}
    for conflict in item.conflicts.select_related("member").order_by("pk"):
        if conflict.member_id not in found:
            declare_conflict(
                new,
                conflict.member,
                reason=conflict.declared_reason or _("Xung đột lợi ích"),
                actor=actor,
            )
        if conflict.cleared_at is not None:
            clear_conflict(
                new, conflict.member, reason=conflict.cleared_reason, actor=actor
            )
    for recusal in item.recusals.select_related("member").order_by("pk"):
        recuse(new, recusal.member, reason=recusal.reason, actor=actor)
    return new
