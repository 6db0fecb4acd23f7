from django.utils.translation import gettext_lazy as _

from thidua.common.choices import StateChoices

__all__ = [
    "FINAL_OUTCOMES",
    "UNAPPROVED",
    "UNNUMBERED",
    "ItemOutcome",
    "SubmissionState",
]


class ItemOutcome(StateChoices):
    """Where one nominee of a tờ trình stands at the receiving agency."""

    PENDING = "cho_xu_ly", _("Chờ xử lý")
    RETURNED = "tra_lai", _("Trả lại")
    FORWARDED = "trinh_tiep", _("Đã trình cấp trên")
    AWARDED = "khen_thuong", _("Được khen thưởng")
    NOT_AWARDED = "khong_khen_thuong", _("Không khen thưởng")

    @classmethod
    def colors(cls) -> dict:
        return {
            cls.PENDING: "warning",
            cls.RETURNED: "secondary",
            cls.FORWARDED: "info",
            cls.AWARDED: "success",
            cls.NOT_AWARDED: "secondary",
        }


FINAL_OUTCOMES = (ItemOutcome.AWARDED, ItemOutcome.NOT_AWARDED)


class SubmissionState(StateChoices):
    """Where a tờ trình of this installation stands (submissions/workflows.py): drafted
    by the TĐKT office, approved by the head (or whoever signs for him), numbered and
    sent by the clerk. One imported from a package is received as sent."""

    DRAFT = "du_thao", _("Dự thảo")
    AWAITING = "cho_duyet", _("Chờ thủ trưởng duyệt")
    RETURNED = "tra_lai", _("Trả lại")
    APPROVED = "da_duyet", _("Đã duyệt, chờ lấy số")
    ISSUED = "da_ban_hanh", _("Đã trình cấp trên")

    @classmethod
    def colors(cls) -> dict:
        return {
            cls.DRAFT: "secondary",
            cls.AWAITING: "warning",
            cls.RETURNED: "danger",
            cls.APPROVED: "info",
            cls.ISSUED: "success",
        }


# Before the clerk's step: no number, nothing sent; before the approval: no approver.
UNNUMBERED = (
    SubmissionState.DRAFT,
    SubmissionState.AWAITING,
    SubmissionState.RETURNED,
    SubmissionState.APPROVED,
)
UNAPPROVED = UNNUMBERED[:3]
