"""The secret ballot. Who voted (``BallotParticipation``) and how (``BallotVote``) are
stored apart: no column, key order or timestamp links a vote to a member.

``BallotVote`` has a random UUID4 key, no member column, no timestamp, and is ordered by
its key, so neither the primary key nor the default ordering reveals the order of
insertion. Votes, participations, the frozen roster and results refuse UPDATE and DELETE
at the database (migration 0002). Never register ``BallotVote`` in the Django admin,
with an audit history, or in any API serialiser.
"""

import uuid

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from thidua.common.constraints import state_is_known

from ..enums import BallotState, Comparison, PassBasis, VoteChannel, VoteChoice

__all__ = [
    "Ballot",
    "BallotParticipation",
    "BallotResult",
    "BallotRoster",
    "BallotVote",
]


class Ballot(models.Model):
    """The secret ballot on one agenda item; the pass rule is frozen at opening."""

    agenda_item = models.OneToOneField(
        "councils.AgendaItem", on_delete=models.PROTECT, related_name="ballot"
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
            # Closed exactly when it has a closing time.
            models.CheckConstraint(
                condition=Q(state=BallotState.OPEN, closed_at__isnull=True)
                | Q(state=BallotState.CLOSED, closed_at__isnull=False),
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
    """How someone voted, with the hash of the receipt given to the voter.

    No member, no timestamp, a random key; default order is by that key."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ballot = models.ForeignKey(Ballot, on_delete=models.PROTECT, related_name="votes")
    choice = models.CharField(max_length=12, choices=VoteChoice.choices)
    receipt_hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("lá phiếu")
        verbose_name_plural = _("lá phiếu")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "receipt_hash"], name="ballot_vote_receipt_unique"
            ),
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
