"""Choices and the state machine of an emulation movement."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.common.choices import StateChoices

__all__ = [
    "COLLECTIVE_TITLES",
    "EDITABLE",
    "UNAPPROVED",
    "UNISSUED",
    "INDIVIDUAL_TITLES",
    "DutyActor",
    "IndicatorState",
    "MovementKind",
    "MovementState",
    "RecipientKind",
    "RegistrationState",
]


class MovementKind(models.TextChoices):
    """Luật TĐKT 2022 Art 16 cl.1; the old "theo đợt" maps to chuyên đề."""

    REGULAR = "thuong_xuyen", _("Thường xuyên")
    THEMATIC = "chuyen_de", _("Theo chuyên đề (theo đợt)")


class MovementState(StateChoices):
    DRAFT = "nhap", pgettext_lazy("movement state", "Nháp")
    # The launch document before the head, returned with a reason, or approved and
    # waiting for the clerk's number (workflows.MOVEMENT).
    AWAITING = "cho_duyet", pgettext_lazy("movement state", "Chờ thủ trưởng duyệt")
    RETURNED = "tra_lai", pgettext_lazy("movement state", "Trả lại")
    APPROVED = "da_duyet", pgettext_lazy("movement state", "Đã duyệt, chờ lấy số")
    ISSUED = "da_ban_hanh", pgettext_lazy("movement state", "Đã ban hành")
    RUNNING = "dang_thuc_hien", pgettext_lazy("movement state", "Đang thực hiện")
    INTERIM = "da_so_ket", pgettext_lazy("movement state", "Đã sơ kết")
    FINAL = "da_tong_ket", pgettext_lazy("movement state", "Đã tổng kết")
    CLOSED = "ket_thuc", pgettext_lazy("movement state", "Kết thúc")

    @classmethod
    def colors(cls) -> dict:
        # A draft is grey; once issued, the movement is green whatever its stage.
        return {
            cls.DRAFT: "secondary",
            cls.AWAITING: "warning",
            cls.RETURNED: "danger",
            cls.APPROVED: "info",
            cls.ISSUED: "success",
            cls.RUNNING: "success",
            cls.INTERIM: "success",
            cls.FINAL: "success",
            cls.CLOSED: "success",
        }


# Not issued yet: no number, seen by the launching office (and the head, the clerk).
UNISSUED = (
    MovementState.DRAFT,
    MovementState.AWAITING,
    MovementState.RETURNED,
    MovementState.APPROVED,
)
UNAPPROVED = UNISSUED[:3]
# The office edits the text while it is its own: a draft, or returned to it.
EDITABLE = (MovementState.DRAFT, MovementState.RETURNED)


class IndicatorState(StateChoices):
    """Where an indicator stands against the straight line from its baseline to its
    target (services/progress.py); not stored."""

    MET = "dat", _("Đã đạt")
    ON_TRACK = "dung_tien_do", _("Đúng tiến độ")
    AT_RISK = "cham", _("Có nguy cơ không đạt")
    MISSED = "khong_dat", _("Không đạt")
    NOT_REPORTED = "chua_bao_cao", _("Chưa báo cáo")

    @classmethod
    def colors(cls) -> dict:
        return {
            cls.MET: "success",
            cls.ON_TRACK: "primary",
            cls.AT_RISK: "danger",
            cls.MISSED: "danger",
            cls.NOT_REPORTED: "secondary",
        }

    @property
    def is_behind(self) -> bool:
        """At risk of missing its target, or missed it: the board marks it."""
        return self in (IndicatorState.AT_RISK, IndicatorState.MISSED)


class DutyActor(models.TextChoices):
    UNITS = "don_vi", _("Các phòng, đơn vị")
    OFFICE = "van_phong", _("Văn phòng (bộ phận tham mưu TĐKT)")
    COUNCIL = "hoi_dong", _("Hội đồng Thi đua – Khen thưởng")
    AGENCY = "co_quan", _("Cơ quan, đơn vị được nêu tên")
    OTHER = "khac", _("Khác")


class RecipientKind(models.TextChoices):
    AGENCY = "co_quan", _("Cơ quan, đơn vị")
    COUNCIL = "hoi_dong", _("Hội đồng")
    CLUSTER = "cum_khoi", _("Thành viên cụm, khối")
    SUBUNITS = "don_vi_truc_thuoc", _("Các phòng, đơn vị trực thuộc")
    TEXT = "khac", _("Khác (ghi rõ)")


# Titles a unit and its members register for (catalog codes of the eligibility engine).
INDIVIDUAL_TITLES = [
    ("LDTT", _("Lao động tiên tiến")),
    ("CSTDCS", _("Chiến sĩ thi đua cơ sở")),
    ("CSTD_BO_TINH", _("Chiến sĩ thi đua cấp bộ, ngành, tỉnh")),
    ("CSTDTQ", _("Chiến sĩ thi đua toàn quốc")),
]
COLLECTIVE_TITLES = [
    ("TTLDTT", _("Tập thể lao động tiên tiến")),
    ("TTLDXS", _("Tập thể lao động xuất sắc")),
    ("CO_BO_TINH", _("Cờ thi đua của bộ, ngành, tỉnh")),
    ("CO_CP", _("Cờ thi đua của Chính phủ")),
]


class RegistrationState(models.TextChoices):
    DRAFT = "nhap", pgettext_lazy("registration state", "Nháp")
    SUBMITTED = "da_gui", pgettext_lazy("registration state", "Đã gửi")
    RETURNED = "tra_lai", pgettext_lazy("registration state", "Trả lại")
    APPROVED = "da_duyet", pgettext_lazy("registration state", "Đã duyệt")
