"""States of a nomination and the one transition table (issue #5 item 3)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

__all__ = [
    "ACTIVE_STATES",
    "FINAL_OUTCOMES",
    "TRANSITIONS",
    "UPWARD",
    "AttachmentKind",
    "ItemOutcome",
    "NominationState",
    "RoundKind",
]


class RoundKind(models.TextChoices):
    YEARLY = "hang_nam", _("Xét khen thưởng hằng năm")
    MOVEMENT = "tong_ket_phong_trao", _("Tổng kết phong trào")
    SUDDEN = "dot_xuat", _("Khen thưởng đột xuất")


class NominationState(models.TextChoices):
    DRAFT = "nhap", pgettext_lazy("nomination", "Nháp")
    SUBMITTED = "da_gui", pgettext_lazy("nomination", "Đã gửi")
    RETURNED = "tra_lai", pgettext_lazy("nomination", "Trả lại")
    APPRAISED = "da_tham_dinh", pgettext_lazy("nomination", "Đã thẩm định")
    TO_COUNCIL = "trinh_hoi_dong", pgettext_lazy("nomination", "Trình Hội đồng")
    COUNCIL_DONE = "hoi_dong_da_xet", pgettext_lazy("nomination", "Hội đồng đã xét")
    PUBLIC_NOTICE = "cong_khai", pgettext_lazy("nomination", "Công khai")
    DECIDED = "da_quyet_dinh", pgettext_lazy("nomination", "Đã quyết định")
    SENT_UP = "trinh_cap_tren", pgettext_lazy("nomination", "Trình cấp trên")
    AWARDED = "da_khen_thuong", pgettext_lazy("nomination", "Đã khen thưởng")
    NOT_AWARDED = "khong_khen_thuong", pgettext_lazy("nomination", "Không khen thưởng")
    CANCELLED = "huy_bo", pgettext_lazy("nomination", "Hủy bỏ")


# A subject cannot have two nominations for the same code and year in these states.
ACTIVE_STATES = (
    "nhap", "da_gui", "tra_lai", "da_tham_dinh", "trinh_hoi_dong", "hoi_dong_da_xet",
    "cong_khai", "da_quyet_dinh", "trinh_cap_tren", "da_khen_thuong",
)  # fmt: skip

UPWARD = "upward"

# (from, to) -> (who may do it, reason required)
#   "unit": the proposing unit; "office": the TĐKT office of the round's agency;
#   "secretary": the council's secretary (or the office when recording the council's result).
#   "upward": only through a tờ trình to the higher agency (services/submission.py), whose
#             office returns it, or records the higher level's decision.
TRANSITIONS = {
    ("nhap", "da_gui"): ("unit", False),
    ("tra_lai", "da_gui"): ("unit", False),
    ("da_gui", "tra_lai"): ("office", True),
    ("da_gui", "da_tham_dinh"): ("office", False),
    ("da_tham_dinh", "tra_lai"): ("office", True),
    ("da_tham_dinh", "trinh_hoi_dong"): ("office", False),
    ("trinh_hoi_dong", "hoi_dong_da_xet"): ("secretary", False),
    ("hoi_dong_da_xet", "cong_khai"): ("office", False),
    ("hoi_dong_da_xet", "da_quyet_dinh"): ("office", False),
    ("hoi_dong_da_xet", "trinh_cap_tren"): (UPWARD, False),
    ("hoi_dong_da_xet", "khong_khen_thuong"): ("office", True),
    ("cong_khai", "da_quyet_dinh"): ("office", False),
    ("cong_khai", "trinh_cap_tren"): (UPWARD, False),
    ("cong_khai", "khong_khen_thuong"): ("office", True),
    ("da_quyet_dinh", "da_khen_thuong"): ("office", False),
    ("trinh_cap_tren", "da_khen_thuong"): (UPWARD, False),
    ("trinh_cap_tren", "khong_khen_thuong"): (UPWARD, True),
    ("trinh_cap_tren", "hoi_dong_da_xet"): (UPWARD, True),
    ("nhap", "huy_bo"): ("unit", True),
    ("tra_lai", "huy_bo"): ("unit", True),
    ("da_khen_thuong", "huy_bo"): ("office", True),
}


class AttachmentKind(models.TextChoices):
    REPORT = "bao_cao_thanh_tich", _("Báo cáo thành tích")
    PEER_REVIEW = "bien_ban_binh_xet", _("Biên bản bình xét")
    INITIATIVE = "chung_nhan_sang_kien", _("Giấy chứng nhận sáng kiến, đề tài")
    OTHER = "khac", _("Tài liệu khác")


class ItemOutcome(models.TextChoices):
    """Where one nominee of a tờ trình stands at the receiving agency."""

    PENDING = "cho_xu_ly", _("Chờ xử lý")
    RETURNED = "tra_lai", _("Trả lại")
    FORWARDED = "trinh_tiep", _("Đã trình cấp trên")
    AWARDED = "khen_thuong", _("Được khen thưởng")
    NOT_AWARDED = "khong_khen_thuong", _("Không khen thưởng")


FINAL_OUTCOMES = (ItemOutcome.AWARDED, ItemOutcome.NOT_AWARDED)
