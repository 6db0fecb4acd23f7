"""Closing a ballot box: open the sealed papers with the tally code, shuffle, count.

Everything happens in one transaction: the papers are opened in memory, their rows
written as ``BallotVote`` rows (a choice per item, nothing else) in an order drawn
from the operating system's random source, the receipt hashes written sorted, the
sealed papers deleted and the wrapped key erased, the results computed in integers.
After that commit nobody can open a leftover sealed paper, and the rows that remain
carry no order, time or transaction that follows the members' papers.
"""

import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from thidua.common.services.audit import log_action

from ..enums import BallotState, VoteChoice
from ..models import (
    Ballot,
    BallotBox,
    BallotParticipation,
    BallotReceipt,
    BallotResult,
    BallotVote,
    SealedPaper,
)
from ..sealing import BadTallyCode, open_paper, unwrap_private_key
from ._common import audit_actor, officer_seat
from .ballot import _ROW, MSG_NOT_OPENED, hash_receipt
from .pass_rules import PassRule, passes

__all__ = [
    "Tally",
    "close_box",
    "find_counted_receipt",
    "published_receipts",
    "receipt_is_published",
    "tally",
]

MSG_NOT_CLOSED = gettext_noop("Chưa đóng phiếu, không thể xem kết quả.")
_CHOICE_OF_BYTE = {ord("Y"): VoteChoice.YES, ord("N"): VoteChoice.NO}
_shuffler = secrets.SystemRandom()


def _opened_papers(box: BallotBox, code: str) -> tuple[list[tuple[int, str]], list]:
    """(ballot id, choice) of every row of every paper, and the receipt hashes."""
    if not box.sealed:  # carried over from before sealing: votes already in the clear
        return [], []
    try:
        private = unwrap_private_key(box.wrapped_private_key, box.public_key, code)
    except BadTallyCode:
        raise ValidationError(
            _(
                "Mã kiểm phiếu không đúng. Nhập đúng mã đã được cấp khi mở phiếu "
                "(chữ hoa hay thường, dấu gạch và khoảng trắng không quan trọng)."
            )
        ) from None
    rows, receipts = [], []
    for paper in SealedPaper.objects.filter(box=box).iterator():
        plain = open_paper(private, paper.sealed)
        receipts.append(plain[:32].hex())
        for offset in range(32, len(plain), _ROW.size):
            ballot_id, choice = _ROW.unpack_from(plain, offset)
            rows.append((ballot_id, _CHOICE_OF_BYTE[choice]))
    return rows, receipts


def close_box(box: BallotBox, code: str, *, actor) -> list[BallotResult]:
    """Close the box (secretary or chair, with the tally code), count every ballot in it
    and store the results once. A wrong code changes nothing."""
    with transaction.atomic():
        locked = (
            BallotBox.objects.select_for_update()
            .select_related("meeting__council")
            .get(pk=box.pk)
        )
        council = locked.meeting.council
        if locked.state != BallotState.OPEN:
            raise ValidationError(_("Phiếu đã đóng."))
        now = timezone.now()
        seat = officer_seat(council, actor, on=timezone.localdate(now))
        ballots = list(
            Ballot.objects.select_for_update().filter(box=locked).order_by("pk")
        )
        rows, receipts = _opened_papers(locked, code)
        _check_box(locked, rows, receipts)
        _shuffler.shuffle(rows)
        BallotVote.objects.bulk_create(
            BallotVote(ballot_id=ballot_id, choice=choice) for ballot_id, choice in rows
        )
        BallotReceipt.objects.bulk_create(
            BallotReceipt(box=locked, receipt_hash=h) for h in sorted(receipts)
        )
        SealedPaper.objects.filter(box=locked).delete()
        Ballot.objects.filter(box=locked).update(
            state=BallotState.CLOSED, closed_at=now
        )
        locked.state, locked.closed_at = BallotState.CLOSED, now
        locked.wrapped_private_key = None
        locked.save(update_fields=["state", "closed_at", "wrapped_private_key"])
        results = [_result(ballot, now) for ballot in ballots]
        log_action(
            locked,
            "councils.ballot.close",
            actor=audit_actor(actor),
            agency_id=council.agency_id,
            data={
                "by_member": seat.pk,
                "papers": len(receipts),
                "results": {
                    str(r.ballot_id): {
                        "yes": r.yes,
                        "no": r.no,
                        "abstained_or_absent": r.abstained_or_absent,
                        "roster_size": r.roster_size,
                        "passed": r.passed,
                        "rule": r.rule,
                    }
                    for r in results
                },
            },
        )
    box.state, box.closed_at, box.wrapped_private_key = (
        locked.state,
        locked.closed_at,
        None,
    )
    return results


def _check_box(box: BallotBox, rows, receipts) -> None:
    """The papers match who handed them in, row by row (a row naming another box's
    ballot cannot match a participation of this box): else the box was tampered
    with."""
    participations = dict(
        BallotParticipation.objects.filter(ballot__box=box)
        .values("ballot_id")
        .annotate(n=Count("pk"))
        .values_list("ballot_id", "n")
    )
    papers = (
        BallotParticipation.objects.filter(ballot__box=box)
        .values("member_id")
        .distinct()
        .count()
    )
    per_ballot: dict[int, int] = {}
    for ballot_id, _choice in rows:
        per_ballot[ballot_id] = per_ballot.get(ballot_id, 0) + 1
    if box.sealed and (
        len(receipts) != papers
        or len(set(receipts)) != len(receipts)
        or per_ballot != {k: v for k, v in participations.items() if v}
    ):
        raise IntegrityError("ballot box inconsistent: papers != participations")
    if box.sealed and BallotVote.objects.filter(ballot__box=box).exists():
        # Counted votes exist only after close: these were slipped in while open.
        raise IntegrityError("ballot box inconsistent: votes in the clear before close")


def _result(ballot: Ballot, now) -> BallotResult:
    counts = BallotVote.objects.filter(ballot=ballot).aggregate(
        yes=Count("pk", filter=Q(choice=VoteChoice.YES)),
        no=Count("pk", filter=Q(choice=VoteChoice.NO)),
        cast=Count("pk"),
    )
    if counts["cast"] > ballot.roster_size:
        raise IntegrityError("ballot box inconsistent: more votes than the roster")
    rule = PassRule(
        ballot.pass_numerator,
        ballot.pass_denominator,
        ballot.pass_comparison,
        ballot.pass_basis,
    )
    return BallotResult.objects.create(
        ballot=ballot,
        yes=counts["yes"],
        no=counts["no"],
        abstained_or_absent=ballot.roster_size - counts["cast"],
        roster_size=ballot.roster_size,
        passed=passes(
            counts["yes"],
            roster_size=ballot.roster_size,
            votes_cast=counts["cast"],
            rule=rule,
        ),
        rule=ballot.rule_label,
        computed_at=now,
    )


def _closed(ballot: Ballot | None) -> Ballot:
    if ballot is None or ballot.pk is None:
        raise ValidationError(_(MSG_NOT_OPENED))
    fresh = Ballot.objects.get(pk=ballot.pk)
    if fresh.state != BallotState.CLOSED:
        raise ValidationError(_(MSG_NOT_CLOSED))
    return fresh


@dataclass(frozen=True)
class Tally:
    yes: int
    no: int
    abstained_or_absent: int
    roster_size: int
    participations: int
    passed: bool
    rule: str


def tally(ballot: Ballot | None) -> Tally:
    """The stored result of a closed ballot; refused while it is open, whoever asks."""
    closed = _closed(ballot)
    result = BallotResult.objects.get(ballot=closed)
    return Tally(
        yes=result.yes,
        no=result.no,
        abstained_or_absent=result.abstained_or_absent,
        roster_size=result.roster_size,
        participations=BallotParticipation.objects.filter(ballot=closed).count(),
        passed=result.passed,
        rule=result.rule,
    )


def _closed_box(box: BallotBox | None) -> BallotBox:
    if box is None or box.pk is None:
        raise ValidationError(_(MSG_NOT_OPENED))
    fresh = BallotBox.objects.get(pk=box.pk)
    if fresh.state != BallotState.CLOSED:
        raise ValidationError(_(MSG_NOT_CLOSED))
    return fresh


def published_receipts(box: BallotBox | None) -> list[str]:
    """After close: the sorted receipt hashes, never with a choice. Each member checks
    their own is in it; anyone checks its length equals the papers handed in."""
    closed = _closed_box(box)
    return list(
        BallotReceipt.objects.filter(box=closed)
        .order_by("receipt_hash")
        .values_list("receipt_hash", flat=True)
    )


def receipt_is_published(box: BallotBox | None, receipt: str) -> bool:
    """Whether the receipt a member kept is among the counted papers (after close)."""
    closed = _closed_box(box)
    return BallotReceipt.objects.filter(
        box=closed, receipt_hash=hash_receipt(receipt)
    ).exists()


def find_counted_receipt(receipt: str) -> BallotBox | None:
    """The closed box whose count includes this receipt, for the public check page."""
    found = (
        BallotReceipt.objects.filter(
            receipt_hash=hash_receipt(receipt), box__state=BallotState.CLOSED
        )
        .select_related("box__meeting__council")
        .first()
    )
    return found.box if found else None
