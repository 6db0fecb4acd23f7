from django.utils.translation import gettext_lazy as _

from thidua.common.choices import StateChoices

__all__ = ["DecisionState"]


class DecisionState(StateChoices):
    """Where a Quyết định khen thưởng stands (decisions/workflows.py)."""

    # Numbered in the register, its files being made: nothing in the award register yet.
    ISSUED = "da_ban_hanh", _("Đã cấp số, đang tạo tệp")
    # Files made and signed; every awardee written into the register in that same step.
    REGISTERED = "da_ghi_so", _("Đã ghi sổ khen thưởng")
    # Annulled as a whole (Luật TĐKT 2022 Art 94): every award it wrote revoked.
    ANNULLED = "da_huy_bo", _("Đã hủy bỏ")

    @classmethod
    def colors(cls) -> dict:
        return {
            cls.ISSUED: "secondary",
            cls.REGISTERED: "success",
            cls.ANNULLED: "danger",
        }
