from django.utils.translation import gettext_lazy as _

from thidua.common.choices import StateChoices

__all__ = ["UNAPPROVED", "UNNUMBERED", "DecisionState"]


class DecisionState(StateChoices):
    """Where a Quyết định khen thưởng stands (decisions/workflows.py)."""

    # Drafted by the TĐKT office (list, amounts, legal basis): no number yet.
    DRAFT = "du_thao", _("Dự thảo")
    # Before the head of the agency (or the deputy who signs for him, KT.).
    AWAITING = "cho_duyet", _("Chờ thủ trưởng duyệt")
    # Sent back to the office with the reason.
    RETURNED = "tra_lai", _("Trả lại")
    # Approved: the signer block is the approver's; the clerk takes the number.
    APPROVED = "da_duyet", _("Đã duyệt, chờ lấy số")
    # Numbered in the register, its files being made: nothing in the award register yet.
    ISSUED = "da_ban_hanh", _("Đã cấp số, đang tạo tệp")
    # Files made and signed; every awardee written into the register in that same step.
    REGISTERED = "da_ghi_so", _("Đã ghi sổ khen thưởng")
    # Annulled as a whole (Luật TĐKT 2022 Art 94): every award it wrote revoked.
    ANNULLED = "da_huy_bo", _("Đã hủy bỏ")

    @classmethod
    def colors(cls) -> dict:
        return {
            cls.DRAFT: "secondary",
            cls.AWAITING: "warning",
            cls.RETURNED: "danger",
            cls.APPROVED: "info",
            cls.ISSUED: "secondary",
            cls.REGISTERED: "success",
            cls.ANNULLED: "danger",
        }


# Before the clerk's step: no number, no document.
UNNUMBERED = (
    DecisionState.DRAFT,
    DecisionState.AWAITING,
    DecisionState.RETURNED,
    DecisionState.APPROVED,
)
# Before the head's approval: no approver on record.
UNAPPROVED = UNNUMBERED[:3]
