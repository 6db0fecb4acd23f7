"""The secret ballot: open (freeze the roster and the rule), cast, close (tally once).

Secrecy rests on what is *not* stored: a vote row has no member, no timestamp and a
random key; the participation row says who voted, never how. Both are written in one
transaction. Nothing reads the votes before the ballot is closed, whoever asks, and no
audit entry ever carries a choice or a receipt.
"""

import base64
import hashlib
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from thidua.common.services.audit import log_action
from thidua.organizations.models import CouncilMember

from ..enums import BallotState, MeetingState, VoteChannel, VoteChoice
from ..models import (
    AgendaConflict,
    AgendaItem,
    Attendance,
    Ballot,
    BallotParticipation,
    BallotResult,
    BallotRoster,
    BallotVote,
    Meeting,
    Recusal,
)
from ..selectors import seated_members
from ._common import audit_actor, officer_seat
from .pass_rules import PassRule, passes, resolve_pass_rule

__all__ = [
    "Tally",
    "cast_vote",
    "close_ballot",
    "hash_receipt",
    "open_ballot",
    "published_receipts",
    "receipt_is_published",
    "tally",
]

MSG_NOT_OPENED = gettext_noop("Nội dung này chưa được mở phiếu.")
MSG_CLOSED = gettext_noop("Phiếu đã đóng, không thể bỏ phiếu.")
MSG_ALREADY_VOTED = gettext_noop("Thành viên đã bỏ phiếu cho nội dung này.")
MSG_NOT_ON_ROSTER = gettext_noop("Thành viên không có trong danh sách bỏ phiếu.")
MSG_RECUSED = gettext_noop(
    "Thành viên đã rút khỏi việc xét nội dung này (xung đột lợi ích)."
)
MSG_NOT_CLOSED = gettext_noop("Chưa đóng phiếu, không thể xem kết quả.")


def hash_receipt(token: str) -> str:
    """SHA-256 of the receipt as the voter types it (case, spaces and dashes ignored)."""
    normalised = "".join(token.split()).replace("-", "").upper()
    return hashlib.sha256(normalised.encode()).hexdigest()


def _new_receipt() -> str:
    """160 random bits as 32 base32 characters in groups of four, easy to read out."""
    raw = base64.b32encode(secrets.token_bytes(20)).decode()
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def open_ballot(item: AgendaItem, *, actor) -> Ballot:
    """Open the secret ballot on an item (secretary or chair, meeting in session).

    Freezes the roster — the members seated today, less those recused from the item —
    and the pass rule in force for the item's title and regime."""
    with transaction.atomic():
        meeting = (
            Meeting.objects.select_for_update()
            .select_related("council")
            .get(pk=item.meeting_id)
        )
        if meeting.state != MeetingState.OPEN:
            raise ValidationError(
                _("Phiên họp chưa khai mạc hoặc đã kết thúc, không thể mở phiếu.")
            )
        now = timezone.now()
        today = timezone.localdate(now)
        seat = officer_seat(meeting.council, actor, on=today)
        if Ballot.objects.filter(agenda_item_id=item.pk).exists():
            raise ValidationError(_("Nội dung này đã được mở phiếu."))
        recused = Recusal.objects.filter(agenda_item_id=item.pk).values("member_id")
        unresolved = (
            AgendaConflict.objects.filter(
                agenda_item_id=item.pk, cleared_at__isnull=True
            )
            .exclude(member_id__in=recused)
            .select_related("member__person")
        )
        if unresolved:
            raise ValidationError(
                _(
                    "Chưa mở phiếu được: thành viên có xung đột lợi ích chưa rút khỏi "
                    "việc xét hoặc chưa được cho phép biểu quyết: %(names)s."
                )
                % {"names": ", ".join(str(c.member.person) for c in unresolved)}
            )
        roster = list(
            seated_members(meeting.council, on=today)
            .exclude(pk__in=recused)
            .values_list("pk", flat=True)
        )
        if not roster:
            raise ValidationError(
                _("Không có thành viên nào được bỏ phiếu cho nội dung này.")
            )
        rule = resolve_pass_rule(meeting.council, item.title_code, item.regime)
        ballot = Ballot.objects.create(
            agenda_item_id=item.pk,
            state=BallotState.OPEN,
            opened_at=now,
            roster_size=len(roster),
            pass_numerator=rule.numerator,
            pass_denominator=rule.denominator,
            pass_comparison=rule.comparison,
            pass_basis=rule.basis,
            rule_label=rule.label[:255],
        )
        BallotRoster.objects.bulk_create(
            BallotRoster(ballot=ballot, member_id=pk) for pk in roster
        )
        log_action(
            ballot,
            "councils.ballot.open",
            actor=audit_actor(actor),
            agency_id=meeting.council.agency_id,
            data={
                "agenda_item": item.pk,
                "by_member": seat.pk,
                "roster": roster,
                "rule": ballot.rule_label,
            },
        )
    return ballot


def _already_voted(ballot: Ballot, member: CouncilMember) -> bool:
    return BallotParticipation.objects.filter(ballot=ballot, member=member).exists()


def _check_voter(ballot: Ballot, member: CouncilMember, *, written: bool) -> None:
    if Recusal.objects.filter(
        agenda_item_id=ballot.agenda_item_id, member=member
    ).exists():
        raise ValidationError(_(MSG_RECUSED))
    if not BallotRoster.objects.filter(ballot=ballot, member=member).exists():
        raise ValidationError(_(MSG_NOT_ON_ROSTER))
    attendance = Attendance.objects.filter(
        meeting_id=ballot.agenda_item.meeting_id, member=member
    ).first()
    if written:
        if attendance is None or attendance.present:
            raise ValidationError(
                _(
                    "Thành viên có mặt bỏ phiếu tại cuộc họp; phiếu bằng văn bản chỉ "
                    "dành cho thành viên vắng mặt."
                )
            )
        if not attendance.written_vote_allowed:
            raise ValidationError(
                _("Thành viên vắng mặt chưa được phép gửi phiếu bằng văn bản.")
            )
    elif attendance is None or not attendance.present:
        raise ValidationError(
            _(
                "Thành viên không có mặt tại cuộc họp; chỉ được gửi phiếu bằng văn bản "
                "khi được cho phép."
            )
        )


def cast_vote(
    ballot: Ballot | None,
    member: CouncilMember,
    choice: str,
    *,
    written: bool = False,
    actor=None,
) -> str:
    """Record one member's secret vote; return the receipt, shown to them once.

    ``written`` records the sealed paper ballot of an absent member who was allowed
    one (entered by the secretary). Only the receipt's SHA-256 is stored. The unique
    (ballot, member) constraint is the last defence against a second vote."""
    if ballot is None or ballot.pk is None:
        raise ValidationError(_(MSG_NOT_OPENED))
    if choice not in VoteChoice.values:
        raise ValidationError(
            _("Lựa chọn không hợp lệ: chỉ “Đồng ý” hoặc “Không đồng ý”.")
        )
    receipt = _new_receipt()
    channel = VoteChannel.WRITTEN if written else VoteChannel.ONLINE
    try:
        with transaction.atomic():
            locked = (
                Ballot.objects.select_for_update()
                .select_related("agenda_item__meeting__council")
                .get(pk=ballot.pk)
            )
            if locked.state != BallotState.OPEN:
                raise ValidationError(_(MSG_CLOSED))
            _check_voter(locked, member, written=written)
            if _already_voted(locked, member):
                raise ValidationError(_(MSG_ALREADY_VOTED))
            BallotParticipation.objects.create(
                ballot=locked, member=member, channel=channel
            )
            BallotVote.objects.create(
                ballot=locked, choice=choice, receipt_hash=hash_receipt(receipt)
            )
            # Who took part and how; never the choice, the receipt or the vote id.
            log_action(
                locked,
                "councils.ballot.participate",
                actor=audit_actor(actor),
                agency_id=locked.agenda_item.meeting.council.agency_id,
                data={"member": member.pk, "channel": channel},
            )
    except IntegrityError:
        # A concurrent twin got there first (or the pre-check was bypassed).
        if BallotParticipation.objects.filter(ballot=ballot, member=member).exists():
            raise ValidationError(_(MSG_ALREADY_VOTED)) from None
        raise
    return receipt


def close_ballot(ballot: Ballot, *, actor) -> BallotResult:
    """Close the ballot (secretary or chair), count in integers, store the result once."""
    with transaction.atomic():
        locked = (
            Ballot.objects.select_for_update()
            .select_related("agenda_item__meeting__council")
            .get(pk=ballot.pk)
        )
        council = locked.agenda_item.meeting.council
        if locked.state != BallotState.OPEN:
            raise ValidationError(_("Phiếu đã đóng."))
        now = timezone.now()
        seat = officer_seat(council, actor, on=timezone.localdate(now))
        counts = BallotVote.objects.filter(ballot=locked).aggregate(
            yes=Count("pk", filter=Q(choice=VoteChoice.YES)),
            no=Count("pk", filter=Q(choice=VoteChoice.NO)),
            cast=Count("pk"),
        )
        participations = BallotParticipation.objects.filter(ballot=locked).count()
        if counts["cast"] != participations or counts["cast"] > locked.roster_size:
            raise IntegrityError(
                "ballot box inconsistent: votes != participations or > roster"
            )
        locked.state, locked.closed_at = BallotState.CLOSED, now
        locked.save(update_fields=["state", "closed_at"])
        rule = _frozen_rule(locked)
        result = BallotResult.objects.create(
            ballot=locked,
            yes=counts["yes"],
            no=counts["no"],
            abstained_or_absent=locked.roster_size - counts["cast"],
            roster_size=locked.roster_size,
            passed=passes(
                counts["yes"],
                roster_size=locked.roster_size,
                votes_cast=counts["cast"],
                rule=rule,
            ),
            rule=locked.rule_label,
            computed_at=now,
        )
        log_action(
            locked,
            "councils.ballot.close",
            actor=audit_actor(actor),
            agency_id=council.agency_id,
            data={
                "by_member": seat.pk,
                "yes": result.yes,
                "no": result.no,
                "abstained_or_absent": result.abstained_or_absent,
                "roster_size": result.roster_size,
                "passed": result.passed,
                "rule": result.rule,
            },
        )
    ballot.state, ballot.closed_at = locked.state, locked.closed_at
    return result


def _frozen_rule(ballot: Ballot) -> PassRule:
    return PassRule(
        ballot.pass_numerator,
        ballot.pass_denominator,
        ballot.pass_comparison,
        ballot.pass_basis,
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


def tally(ballot: Ballot | None, *, actor=None) -> Tally:
    """The stored result of a closed ballot. Refused while open, whoever asks:
    ``actor`` is accepted for the callers' symmetry and deliberately ignored."""
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


def published_receipts(ballot: Ballot | None) -> list[str]:
    """After close: the sorted receipt hashes, never with a choice. Each member checks
    their own is in it; anyone checks its length equals the participations."""
    closed = _closed(ballot)
    return sorted(
        BallotVote.objects.filter(ballot=closed).values_list("receipt_hash", flat=True)
    )


def receipt_is_published(ballot: Ballot | None, receipt: str) -> bool:
    """Whether the receipt a member kept is among the counted ballots (after close)."""
    closed = _closed(ballot)
    return BallotVote.objects.filter(
        ballot=closed, receipt_hash=hash_receipt(receipt)
    ).exists()
