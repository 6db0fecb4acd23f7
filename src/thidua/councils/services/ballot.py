"""The secret ballot, opened and cast: one paper for a list of agenda items.

Opening freezes, per item, the roster (members seated today, less those recused) and the
pass rule, and makes the box's key pair; the private half is kept only wrapped under a
tally code shown once to the officer (``councils.sealing``). Casting seals the member's
whole paper — every row answered — to the box's public key; the database learns that
the member handed in a paper, and nothing of what is in it. Counting is in
``services.count``.
"""

import hashlib
import struct
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
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
    BallotBox,
    BallotParticipation,
    BallotRoster,
    Meeting,
    Recusal,
    SealedPaper,
)
from ..sealing import fingerprint, new_box_keys, new_code, normalise_code, seal_paper
from ..selectors import seated_members
from ._common import audit_actor, officer_seat
from .pass_rules import resolve_pass_rule

__all__ = [
    "OpenedBox",
    "cast_paper",
    "checked_choices",
    "encode_paper",
    "hash_receipt",
    "open_ballots",
]

MSG_NOT_OPENED = gettext_noop("Nội dung này chưa được mở phiếu.")
MSG_CLOSED = gettext_noop("Phiếu đã đóng, không thể bỏ phiếu.")
MSG_ALREADY_VOTED = gettext_noop("Thành viên đã bỏ phiếu trong lượt này.")
MSG_NOT_ON_ROSTER = gettext_noop("Thành viên không có trong danh sách bỏ phiếu.")

# A paper's plaintext: the receipt's SHA-256, then (ballot id, choice byte) per row in
# id order. One byte per choice keeps every paper of a box the same size per row count.
_CHOICE_BYTE = {VoteChoice.YES: b"Y", VoteChoice.NO: b"N"}
_ROW = struct.Struct(">QB")


def hash_receipt(token: str) -> str:
    """SHA-256 of the receipt as the voter types it (case, spaces and dashes ignored)."""
    return hashlib.sha256(normalise_code(token).encode()).hexdigest()


def encode_paper(receipt_hash: str, choices: Mapping[int, str]) -> bytes:
    rows = b"".join(
        _ROW.pack(ballot_id, _CHOICE_BYTE[choices[ballot_id]][0])
        for ballot_id in sorted(choices)
    )
    return bytes.fromhex(receipt_hash) + rows


@dataclass(frozen=True)
class OpenedBox:
    """A box just opened, and its tally code: shown once, never stored."""

    box: BallotBox
    code: str


def _unresolved_conflicts(items: list[AgendaItem]) -> list[AgendaConflict]:
    recused = Recusal.objects.filter(agenda_item__in=items).values_list(
        "agenda_item_id", "member_id"
    )
    recused = set(recused)
    return [
        c
        for c in AgendaConflict.objects.filter(
            agenda_item__in=items, cleared_at__isnull=True
        ).select_related("member__person", "agenda_item")
        if (c.agenda_item_id, c.member_id) not in recused
    ]


def open_ballots(meeting: Meeting, items, *, actor) -> OpenedBox:
    """Open one ballot paper for ``items`` of a meeting in session (secretary or chair).

    Per item, freezes the roster — the members seated today, less those recused from
    it — and the pass rule in force for its title and regime. Refused as a whole if an
    item already has a ballot or a conflict of interest is unresolved."""
    items = sorted(items, key=lambda i: (i.position, i.pk))
    if not items:
        raise ValidationError(_("Chọn ít nhất một nội dung để mở phiếu."))
    with transaction.atomic():
        meeting = (
            Meeting.objects.select_for_update()
            .select_related("council")
            .get(pk=meeting.pk)
        )
        if meeting.state != MeetingState.OPEN:
            raise ValidationError(
                _("Phiên họp chưa khai mạc hoặc đã kết thúc, không thể mở phiếu.")
            )
        if any(item.meeting_id != meeting.pk for item in items):
            raise ValidationError(_("Nội dung không thuộc phiên họp này."))
        now = timezone.now()
        today = timezone.localdate(now)
        seat = officer_seat(meeting.council, actor, on=today)
        taken = Ballot.objects.filter(agenda_item__in=items).select_related(
            "agenda_item"
        )
        if taken:
            raise ValidationError(
                _("Nội dung đã được mở phiếu: %(items)s.")
                % {"items": "; ".join(b.agenda_item.label for b in taken)}
            )
        unresolved = _unresolved_conflicts(items)
        if unresolved:
            raise ValidationError(
                _(
                    "Chưa mở phiếu được: thành viên có xung đột lợi ích chưa rút khỏi "
                    "việc xét hoặc chưa được cho phép biểu quyết: %(names)s."
                )
                % {
                    "names": "; ".join(
                        f"{c.member.person} ({c.agenda_item.label})" for c in unresolved
                    )
                }
            )
        seated = list(
            seated_members(meeting.council, on=today).values_list("pk", flat=True)
        )
        recused = set(
            Recusal.objects.filter(agenda_item__in=items).values_list(
                "agenda_item_id", "member_id"
            )
        )
        rosters = {
            item.pk: [pk for pk in seated if (item.pk, pk) not in recused]
            for item in items
        }
        empty = [item.label for item in items if not rosters[item.pk]]
        if empty:
            raise ValidationError(
                _("Không có thành viên nào được bỏ phiếu cho nội dung: %(items)s.")
                % {"items": "; ".join(empty)}
            )
        keys = new_box_keys()
        number = (
            BallotBox.objects.filter(meeting=meeting).aggregate(n=Max("number"))["n"]
            or 0
        ) + 1
        box = BallotBox.objects.create(
            meeting=meeting,
            number=number,
            state=BallotState.OPEN,
            opened_at=now,
            public_key=keys.public_key,
            wrapped_private_key=keys.wrapped_private_key,
            key_fingerprint=fingerprint(keys.public_key),
        )
        for item in items:
            rule = resolve_pass_rule(meeting.council, item.title_code, item.regime)
            ballot = Ballot.objects.create(
                agenda_item_id=item.pk,
                box=box,
                state=BallotState.OPEN,
                opened_at=now,
                roster_size=len(rosters[item.pk]),
                pass_numerator=rule.numerator,
                pass_denominator=rule.denominator,
                pass_comparison=rule.comparison,
                pass_basis=rule.basis,
                rule_label=rule.label[:255],
            )
            BallotRoster.objects.bulk_create(
                BallotRoster(ballot=ballot, member_id=pk) for pk in rosters[item.pk]
            )
        log_action(
            box,
            "councils.ballot.open",
            actor=audit_actor(actor),
            agency_id=meeting.council.agency_id,
            data={
                "agenda_items": [item.pk for item in items],
                "by_member": seat.pk,
                "rosters": {str(k): v for k, v in rosters.items()},
                "key_fingerprint": box.key_fingerprint,
            },
        )
    return OpenedBox(box=box, code=keys.code)


def _check_attendance(box: BallotBox, member: CouncilMember, *, written: bool) -> None:
    attendance = Attendance.objects.filter(
        meeting_id=box.meeting_id, member=member
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


def _already_voted(box: BallotBox, member: CouncilMember) -> bool:
    return BallotParticipation.objects.filter(ballot__box=box, member=member).exists()


def _rows_of(box: BallotBox, member: CouncilMember) -> list[Ballot]:
    """The ballots of the box on which the member is on the roster."""
    return list(
        Ballot.objects.filter(box=box, roster__member=member)
        .select_related("agenda_item")
        .order_by("agenda_item__position", "pk")
    )


def checked_choices(rows: list[Ballot], choices: Mapping) -> dict[int, str]:
    """Every row answered with a valid choice, nothing else: else name the rows."""
    given = {str(k): v for k, v in choices.items()}
    unknown = set(given) - {str(b.pk) for b in rows}
    if unknown:
        raise ValidationError(_("Phiếu có nội dung không thuộc lượt bỏ phiếu này."))
    missing = [b.agenda_item.label for b in rows if given.get(str(b.pk)) is None]
    if missing:
        raise ValidationError(
            _("Chưa chọn “Đồng ý” hoặc “Không đồng ý” cho: %(items)s.")
            % {"items": "; ".join(missing)}
        )
    invalid = [
        b.agenda_item.label for b in rows if given[str(b.pk)] not in VoteChoice.values
    ]
    if invalid:
        raise ValidationError(
            _("Lựa chọn không hợp lệ (chỉ “Đồng ý” hoặc “Không đồng ý”) ở: %(items)s.")
            % {"items": "; ".join(invalid)}
        )
    return {b.pk: given[str(b.pk)] for b in rows}


def cast_paper(
    box: BallotBox,
    member: CouncilMember,
    choices: Mapping,
    *,
    written: bool = False,
    actor=None,
) -> str:
    """Seal one member's whole paper (``{ballot id: choice}``, every row answered) and
    return the receipt, shown to the member and never stored.

    ``written`` records the paper ballot of an absent member who was allowed one
    (entered by the secretary). The unique (ballot, member) participation is the last
    defence against a second paper."""
    if box is None or box.pk is None:
        raise ValidationError(_(MSG_NOT_OPENED))
    receipt = new_code(20)
    channel = VoteChannel.WRITTEN if written else VoteChannel.ONLINE
    try:
        with transaction.atomic():
            locked = (
                BallotBox.objects.select_for_update()
                .select_related("meeting__council")
                .get(pk=box.pk)
            )
            if locked.state != BallotState.OPEN:
                raise ValidationError(_(MSG_CLOSED))
            if not locked.sealed:
                raise ValidationError(
                    _(
                        "Lượt bỏ phiếu này được mở từ phiên bản trước, không nhận thêm "
                        "phiếu; hãy đóng phiếu để kiểm."
                    )
                )
            if locked.meeting.state != MeetingState.OPEN:
                raise ValidationError(_("Phiên họp không còn diễn ra."))
            rows = _rows_of(locked, member)
            if not rows:
                if Recusal.objects.filter(
                    agenda_item__ballot__box=locked, member=member
                ).exists():
                    raise ValidationError(
                        _(
                            "Thành viên đã rút khỏi việc xét các nội dung của lượt "
                            "này (xung đột lợi ích)."
                        )
                    )
                raise ValidationError(_(MSG_NOT_ON_ROSTER))
            _check_attendance(locked, member, written=written)
            if _already_voted(locked, member):
                raise ValidationError(_(MSG_ALREADY_VOTED))
            checked = checked_choices(rows, choices)
            BallotParticipation.objects.bulk_create(
                BallotParticipation(ballot=b, member=member, channel=channel)
                for b in rows
            )
            SealedPaper.objects.create(
                box=locked,
                sealed=seal_paper(
                    bytes(locked.public_key),
                    encode_paper(hash_receipt(receipt), checked),
                ),
            )
            # Who handed in a paper and how; never a choice, the receipt or the paper.
            log_action(
                locked,
                "councils.ballot.participate",
                actor=audit_actor(actor),
                agency_id=locked.meeting.council.agency_id,
                data={"member": member.pk, "channel": channel},
            )
    except IntegrityError:
        # A concurrent twin got there first (or the pre-check was bypassed).
        if BallotParticipation.objects.filter(ballot__box=box, member=member).exists():
            raise ValidationError(_(MSG_ALREADY_VOTED)) from None
        raise
    return receipt
