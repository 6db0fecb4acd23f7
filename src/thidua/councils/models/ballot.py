"""The secret ballot. Members vote on one paper for the whole list (a ``BallotBox``
holding one ``Ballot`` per agenda item), as councils do on paper.

While the box is open, a member's paper exists only sealed to the box's public key
(``SealedPaper``: random key, no member, no time; see ``councils.sealing``); who
handed one in is ``BallotParticipation``. At close the papers are opened with the tally
code, shuffled, and written in one batch as ``BallotVote`` rows (a choice per item,
nothing else) and ``BallotReceipt`` rows (sorted hashes, never next to a choice); the
sealed papers and the wrapped key are erased. Votes, participations, receipts, the
frozen roster and results refuse UPDATE and DELETE at the database (migrations 0002,
0008). Never register these in the Django admin, an audit history or an API
serialiser. docs/ballots.md states what this protects against and what it does not.
"""

import uuid

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from thidua.common.constraints import state_is_known

from ..enums import BallotState, Comparison, PassBasis, VoteChannel, VoteChoice

__all__ = [
    "Ballot",
    "BallotBox",
    "BallotParticipation",
    "BallotResult",
    "BallotRoster",
    "BallotReceipt",
    "BallotVote",
    "SealedPaper",
]


class BallotBox(models.Model):
    """One ballot paper for a list of agenda items (lượt bỏ phiếu), opened and closed
    together under one key.

    ``wrapped_private_key`` is the box's private key sealed under the tally code that
    only the officer who opened it was shown; it is erased at close. Boxes carried
    over from before sealing (one per old ballot) have ``sealed=False``."""

    meeting = models.ForeignKey(
        "councils.Meeting", on_delete=models.PROTECT, related_name="ballot_boxes"
    )
    number = models.PositiveSmallIntegerField(_("lượt bỏ phiếu thứ"))
    state = models.CharField(
        _("trạng thái"),
        max_length=8,
        choices=BallotState.choices,
        default=BallotState.OPEN,
    )
    opened_at = models.DateTimeField(_("mở phiếu lúc"))
    closed_at = models.DateTimeField(_("đóng phiếu lúc"), null=True, blank=True)
    sealed = models.BooleanField(default=True)
    public_key = models.BinaryField(max_length=32, default=b"")
    wrapped_private_key = models.BinaryField(max_length=64, null=True)
    key_fingerprint = models.CharField(
        _("dấu nhận diện khóa"), max_length=16, blank=True
    )
    void_reason = models.CharField(
        _("lý do hủy lượt bỏ phiếu"), max_length=500, blank=True
    )

    class Meta:
        verbose_name = _("lượt bỏ phiếu")
        verbose_name_plural = _("lượt bỏ phiếu")
        ordering = ["meeting", "number"]
        constraints = [
            state_is_known("state", BallotState, "ballot_box_state_known"),
            models.UniqueConstraint(
                fields=["meeting", "number"], name="ballot_box_number_once"
            ),
            # Open: no closing time; closed or voided: a closing time and no key
            # left to open the papers with.
            models.CheckConstraint(
                condition=Q(state=BallotState.OPEN, closed_at__isnull=True)
                | Q(
                    state__in=[BallotState.CLOSED, BallotState.VOID],
                    closed_at__isnull=False,
                    wrapped_private_key__isnull=True,
                ),
                name="ballot_box_key_erased_at_close",
            ),
            models.CheckConstraint(
                condition=Q(sealed=False)
                | Q(state__in=[BallotState.CLOSED, BallotState.VOID])
                | Q(wrapped_private_key__isnull=False),
                name="ballot_box_sealed_has_key",
            ),
            # Voided with the reason, which the minutes print; only voided.
            models.CheckConstraint(
                condition=(Q(state=BallotState.VOID) & ~Q(void_reason=""))
                | (~Q(state=BallotState.VOID) & Q(void_reason="")),
                name="ballot_box_void_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Lượt bỏ phiếu {self.number}: {self.meeting}"

    @property
    def is_open(self) -> bool:
        return self.state == BallotState.OPEN

    @property
    def is_void(self) -> bool:
        return self.state == BallotState.VOID


class SealedPaper(models.Model):
    """A member's ballot paper, sealed to the box's key: random key, no member, no
    time. Erased at close, once opened and counted."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    box = models.ForeignKey(
        BallotBox, on_delete=models.PROTECT, related_name="sealed_papers"
    )
    sealed = models.BinaryField()

    class Meta:
        verbose_name = _("phiếu niêm phong")
        verbose_name_plural = _("phiếu niêm phong")
        ordering = ["id"]

    def __str__(self) -> str:
        return "phiếu niêm phong"


class BallotReceipt(models.Model):
    """The hash of a counted paper's receipt, written sorted at close; never with a
    choice, a member or a time."""

    box = models.ForeignKey(
        BallotBox, on_delete=models.PROTECT, related_name="receipts"
    )
    receipt_hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("biên nhận phiếu đã kiểm")
        verbose_name_plural = _("biên nhận phiếu đã kiểm")
        ordering = ["box", "receipt_hash"]
        constraints = [
            models.UniqueConstraint(
                fields=["box", "receipt_hash"], name="ballot_receipt_once"
            )
        ]

    def __str__(self) -> str:
        return "biên nhận"


class Ballot(models.Model):
    """The secret ballot on one agenda item; the pass rule is frozen at opening."""

    agenda_item = models.OneToOneField(
        "councils.AgendaItem", on_delete=models.PROTECT, related_name="ballot"
    )
    box = models.ForeignKey(
        "councils.BallotBox", on_delete=models.PROTECT, related_name="ballots"
    )
    state = models.CharField(
        _("trạng thái"),
        max_length=8,
        choices=BallotState.choices,
        default=BallotState.OPEN,
    )
    opened_at = models.DateTimeField(_("mở phiếu lúc"))
    closed_at = models.DateTimeField(_("đóng phiếu lúc"), null=True, blank=True)
    roster_size = models.PositiveSmallIntegerField(_("số thành viên được bỏ phiếu"))
    pass_numerator = models.PositiveSmallIntegerField()
    pass_denominator = models.PositiveSmallIntegerField()
    pass_comparison = models.CharField(
        max_length=3, choices=Comparison.choices, default=Comparison.AT_LEAST
    )
    pass_basis = models.CharField(
        max_length=12, choices=PassBasis.choices, default=PassBasis.ALL_MEMBERS
    )
    rule_label = models.CharField(_("quy tắc thông qua"), max_length=255)

    class Meta:
        verbose_name = _("phiếu bầu kín")
        verbose_name_plural = _("phiếu bầu kín")
        ordering = ["agenda_item"]
        constraints = [
            state_is_known("state", BallotState, "ballot_state_known"),
            # Closed (or voided) exactly when it has a closing time.
            models.CheckConstraint(
                condition=Q(state=BallotState.OPEN, closed_at__isnull=True)
                | Q(
                    state__in=[BallotState.CLOSED, BallotState.VOID],
                    closed_at__isnull=False,
                ),
                name="ballot_closed_at_follows_state",
            ),
            models.CheckConstraint(
                condition=Q(pass_denominator__gt=0)
                & Q(pass_numerator__lte=F("pass_denominator")),
                name="ballot_pass_fraction_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"Phiếu: {self.agenda_item}"

    @property
    def is_open(self) -> bool:
        return self.state == BallotState.OPEN

    @property
    def is_void(self) -> bool:
        return self.state == BallotState.VOID


class BallotRoster(models.Model):
    """The members entitled to vote, frozen when the ballot opens."""

    ballot = models.ForeignKey(Ballot, on_delete=models.PROTECT, related_name="roster")
    member = models.ForeignKey(
        "organizations.CouncilMember", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("danh sách bỏ phiếu")
        verbose_name_plural = _("danh sách bỏ phiếu")
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "member"], name="ballot_roster_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member_id} ∈ {self.ballot_id}"


class BallotParticipation(models.Model):
    """Who voted, and by which channel; never how. One per member per ballot."""

    ballot = models.ForeignKey(
        Ballot, on_delete=models.PROTECT, related_name="participations"
    )
    member = models.ForeignKey(
        "organizations.CouncilMember", on_delete=models.PROTECT, related_name="+"
    )
    channel = models.CharField(
        max_length=8, choices=VoteChannel.choices, default=VoteChannel.ONLINE
    )

    class Meta:
        verbose_name = _("lượt tham gia bỏ phiếu")
        verbose_name_plural = _("lượt tham gia bỏ phiếu")
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "member"], name="ballot_one_vote_per_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member_id} → {self.ballot_id}"


class BallotVote(models.Model):
    """One counted choice on one item, written at close in a shuffled batch.

    No member, no receipt, no timestamp, a random key; default order is by that key."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ballot = models.ForeignKey(Ballot, on_delete=models.PROTECT, related_name="votes")
    choice = models.CharField(max_length=12, choices=VoteChoice.choices)

    class Meta:
        verbose_name = _("lá phiếu")
        verbose_name_plural = _("lá phiếu")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(choice__in=VoteChoice.values),
                name="ballot_vote_choice_valid",
            ),
        ]

    def __str__(self) -> str:
        # Never the choice: a vote may end up in a log line or an error page.
        return "lá phiếu"


class BallotResult(models.Model):
    """The tally, computed once at close and immutable afterwards."""

    ballot = models.OneToOneField(
        Ballot, on_delete=models.PROTECT, related_name="result"
    )
    yes = models.PositiveSmallIntegerField(_("đồng ý"))
    no = models.PositiveSmallIntegerField(_("không đồng ý"))
    abstained_or_absent = models.PositiveSmallIntegerField(
        _("không bỏ phiếu hoặc vắng")
    )
    roster_size = models.PositiveSmallIntegerField(_("số thành viên được bỏ phiếu"))
    passed = models.BooleanField(_("được thông qua"))
    rule = models.CharField(_("quy tắc thông qua"), max_length=255)
    computed_at = models.DateTimeField(_("kiểm phiếu lúc"))

    class Meta:
        verbose_name = _("kết quả kiểm phiếu")
        verbose_name_plural = _("kết quả kiểm phiếu")
        constraints = [
            models.CheckConstraint(
                condition=Q(roster_size=F("yes") + F("no") + F("abstained_or_absent")),
                name="ballot_result_counts_add_up",
            ),
        ]

    def __str__(self) -> str:
        return f"Kết quả: {self.ballot}"

    @property
    def votes_cast(self) -> int:
        return self.yes + self.no
