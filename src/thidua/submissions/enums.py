from django.utils.translation import gettext_lazy as _

from thidua.common.choices import StateChoices

__all__ = ["FINAL_OUTCOMES", "ItemOutcome"]


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
