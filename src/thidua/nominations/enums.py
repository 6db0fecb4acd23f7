"""States of a nomination and the one transition table (issue #5 item 3)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.common.choices import StateChoices

__all__ = [
    "ACTIVE_STATES",
    "OPEN_STATES",
    "AttachmentKind",
    "EvidenceKind",
    "EvidenceStatus",
    "NominationState",
    "ReevaluationStatus",
    "ReevaluationTrigger",
    "RoundKind",
    "UNIT_KINDS",
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
    "nhap",
    "da_gui",
    "tra_lai",
    "da_tham_dinh",
    "trinh_hoi_dong",
    "hoi_dong_da_xet",
    "cong_khai",
    "da_quyet_dinh",
    "trinh_cap_tren",
    "da_khen_thuong",
)


class AttachmentKind(models.TextChoices):
    REPORT = "bao_cao_thanh_tich", _("Báo cáo thành tích")
    PEER_REVIEW = "bien_ban_binh_xet", _("Biên bản bình xét")
    INITIATIVE = "chung_nhan_sang_kien", _("Giấy chứng nhận sáng kiến, đề tài")
    OTHER = "khac", _("Tài liệu khác")


# The files a unit uploads once per round for all its dossiers there (the minutes of
# its bình xét meeting list every person it proposes): the checklist counts them as
# present in each dossier.
UNIT_KINDS = (AttachmentKind.PEER_REVIEW,)

# Dossiers not yet decided nor closed: the law's changes may still change their verdict
# (a re-evaluation recomputes these only). Sent up, a dossier waits for the higher
# level's decision; decided, awarded, not awarded and cancelled ones are over.
OPEN_STATES = tuple(
    state for state in ACTIVE_STATES if state not in ("da_quyet_dinh", "da_khen_thuong")
)


class ReevaluationStatus(StateChoices):
    """A re-evaluation of the open dossiers, as its background job moves it."""

    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang đánh giá lại")
    DONE = "done", _("Đã xong")
    FAILED = "failed", _("Không thực hiện được")

    @classmethod
    def colors(cls) -> dict:
        return {
            cls.QUEUED: "secondary",
            cls.RUNNING: "info",
            cls.DONE: "success",
            cls.FAILED: "danger",
        }


class ReevaluationTrigger(models.TextChoices):
    """Why a re-evaluation ran."""

    ADMIN = "quan_tri", _("Quản trị yêu cầu")
    LAW = "quy_dinh", _("Quy định hoặc tham số thay đổi")
    FIRST = "lan_dau", _("Ghi nhận kết quả lần đầu")


class EvidenceKind(models.TextChoices):
    """What a unit supplies with a dossier for the eligibility verdict to use."""

    INITIATIVE = "sang_kien", _("Sáng kiến")
    RESEARCH = "de_tai", _("Đề tài, đề án, công trình khoa học")
    RATING = "xep_loai", _("Xếp loại chất lượng hằng năm")


class EvidenceStatus(StateChoices):
    """The office confirms (or rejects, with its reason) what the unit supplied; only
    confirmed evidence counts in the verdict."""

    PENDING = "cho_xac_nhan", _("Chờ xác nhận")
    CONFIRMED = "da_xac_nhan", _("Đã xác nhận")
    REJECTED = "khong_xac_nhan", _("Không xác nhận")

    @classmethod
    def colors(cls) -> dict:
        return {
            cls.PENDING: "warning",
            cls.CONFIRMED: "success",
            cls.REJECTED: "danger",
        }
