"""Choices of council meetings and secret ballots."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

__all__ = [
    "OFFICER_ROLES",
    "BallotState",
    "Comparison",
    "MeetingState",
    "PassBasis",
    "QuorumRule",
    "VoteChannel",
    "VoteChoice",
]


class MeetingState(models.TextChoices):
    SCHEDULED = "scheduled", pgettext_lazy("meeting state", "Đã lên lịch")
    OPEN = "open", pgettext_lazy("meeting state", "Đang họp")
    CLOSED = "closed", pgettext_lazy("meeting state", "Đã kết thúc")


class BallotState(models.TextChoices):
    OPEN = "open", pgettext_lazy("ballot state", "Đang bỏ phiếu")
    CLOSED = "closed", pgettext_lazy("ballot state", "Đã đóng phiếu")
    # The tally code was lost (or the paper was wrong): the sealed papers destroyed
    # unopened, the items put to the vote again (councils/services/void.py).
    VOID = "void", pgettext_lazy("ballot state", "Đã hủy, không kiểm phiếu")


class VoteChoice(models.TextChoices):
    YES = "dong_y", _("Đồng ý")
    NO = "khong_dong_y", _("Không đồng ý")


class VoteChannel(models.TextChoices):
    ONLINE = "online", _("Bỏ phiếu tại cuộc họp")
    WRITTEN = "written", _("Phiếu bằng văn bản (vắng mặt)")


class PassBasis(models.TextChoices):
    # The denominator is the frozen roster: every member seated when the ballot
    # opened, present or not, less those recused from the item.
    ALL_MEMBERS = "all_members", _("Trên tổng số thành viên hội đồng")
    # The denominator is the number of ballots cast (online and written).
    VOTES_CAST = "votes_cast", _("Trên tổng số phiếu bầu")


class Comparison(models.TextChoices):
    AT_LEAST = "gte", _("Từ … trở lên (≥)")
    MORE_THAN = "gt", _("Trên … (>)")


class QuorumRule(models.TextChoices):
    """[U] configurable: no national text was found; the council's quy chế decides."""

    MORE_THAN_HALF = "more_than_half", _("Quá nửa số thành viên có mặt")
    TWO_THIRDS = "two_thirds", _("Từ hai phần ba số thành viên có mặt")
    NONE = "none", _("Không yêu cầu")


# Who may open and close ballots of a meeting (CouncilRole values).
OFFICER_ROLES = ("thu_ky", "chu_tich")
