from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["FINAL_OUTCOMES", "OUTCOME_COLORS", "ItemOutcome"]


class ItemOutcome(models.TextChoices):
    """Where one nominee of a tờ trình stands at the receiving agency."""

    PENDING = "cho_xu_ly", _("Chờ xử lý")
    RETURNED = "tra_lai", _("Trả lại")
    FORWARDED = "trinh_tiep", _("Đã trình cấp trên")
    AWARDED = "khen_thuong", _("Được khen thưởng")
    NOT_AWARDED = "khong_khen_thuong", _("Không khen thưởng")


FINAL_OUTCOMES = (ItemOutcome.AWARDED, ItemOutcome.NOT_AWARDED)

# Badge colour of each outcome (Bootstrap text-bg-*), declared with the states.
OUTCOME_COLORS = {
    ItemOutcome.PENDING: "warning",
    ItemOutcome.RETURNED: "secondary",
    ItemOutcome.FORWARDED: "info",
    ItemOutcome.AWARDED: "success",
    ItemOutcome.NOT_AWARDED: "secondary",
}
