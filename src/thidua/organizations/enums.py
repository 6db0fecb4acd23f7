"""Choices for the organisation registry."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.common.choices import StateChoices
from thidua.eligibility.results import BLOCKED, ELIGIBLE, NOT_ELIGIBLE

__all__ = [
    "AgencyLevel",
    "ClusterKind",
    "CouncilRole",
    "DisciplineForm",
    "EducationLevel",
    "Gender",
    "InitiativeKind",
    "InitiativeScope",
    "PersonCategory",
    "Rating",
    "ReviewKind",
    "TdktBody",
    "VerdictStatus",
]


class AgencyLevel(models.TextChoices):
    CENTRAL = "trung_uong", _("Trung ương")
    PROVINCE = "tinh", _("Tỉnh, thành phố")
    DEPARTMENT = "so_ban_nganh", _("Sở, ban, ngành")
    UNIT = "phong_don_vi", _("Phòng, đơn vị thuộc sở")
    DISTRICT = "huyen", _("Huyện (trước 01/07/2025)")
    COMMUNE = "xa", _("Xã, phường, đặc khu")


class Gender(models.TextChoices):
    MALE = "nam", _("Nam")
    FEMALE = "nu", _("Nữ")


class PersonCategory(models.TextChoices):
    CAN_BO = "can_bo", _("Cán bộ")
    CONG_CHUC = "cong_chuc", _("Công chức")
    VIEN_CHUC = "vien_chuc", _("Viên chức")
    NGUOI_LAO_DONG = "nguoi_lao_dong", _("Người lao động")


class Rating(models.TextChoices):
    """Yearly rating of task completion (xếp loại chất lượng)."""

    HTXS = "HTXS", _("Hoàn thành xuất sắc nhiệm vụ")
    HTT = "HTT", _("Hoàn thành tốt nhiệm vụ")
    HT = "HT", _("Hoàn thành nhiệm vụ")
    KHT = "KHT", _("Không hoàn thành nhiệm vụ")


class DisciplineForm(models.TextChoices):
    KHIEN_TRACH = "khien_trach", _("Khiển trách")
    CANH_CAO = "canh_cao", _("Cảnh cáo")
    HA_BAC_LUONG = "ha_bac_luong", _("Hạ bậc lương")
    GIANG_CHUC = "giang_chuc", _("Giáng chức")
    CACH_CHUC = "cach_chuc", _("Cách chức")
    BUOC_THOI_VIEC = "buoc_thoi_viec", _("Buộc thôi việc")


class ReviewKind(models.TextChoices):
    """Pending matters that forbid proposing a commendation (NĐ 98/2023 Art 4)."""

    DISCIPLINE = "xem_xet_ky_luat", _("Đang xem xét kỷ luật")
    INVESTIGATION = "dieu_tra", _("Đang bị điều tra, thanh tra, kiểm tra")
    COMPLAINT = "khieu_nai", _("Có đơn khiếu nại, tố cáo đang giải quyết")


class InitiativeKind(models.TextChoices):
    INITIATIVE = "sang_kien", _("Sáng kiến")
    RESEARCH = "de_tai", _("Đề tài, đề án, công trình khoa học")


class InitiativeScope(models.TextChoices):
    CO_SO = "co_so", _("Cấp cơ sở")
    BO_TINH = "bo_tinh", _("Cấp bộ, ngành, tỉnh")
    TOAN_QUOC = "toan_quoc", _("Toàn quốc")


class CouncilRole(models.TextChoices):
    CHAIR = "chu_tich", pgettext_lazy("council role", "Chủ tịch")
    VICE_CHAIR = "pho_chu_tich", pgettext_lazy("council role", "Phó Chủ tịch")
    STANDING = (
        "uy_vien_thuong_truc",
        pgettext_lazy("council role", "Ủy viên thường trực"),
    )
    MEMBER = "uy_vien", pgettext_lazy("council role", "Ủy viên")
    SECRETARY = "thu_ky", pgettext_lazy("council role", "Thư ký")


class ClusterKind(models.TextChoices):
    CUM = "cum", _("Cụm thi đua")
    KHOI = "khoi", _("Khối thi đua")


class EducationLevel(models.TextChoices):
    """Trình độ đào tạo as counted by form 0605.N/BNV-TĐKT (TT 02/2023)."""

    SO_CAP = "so_cap", _("Sơ cấp")
    TRUNG_CAP = "trung_cap", _("Trung cấp")
    CAO_DANG = "cao_dang", _("Cao đẳng")
    DAI_HOC = "dai_hoc", _("Đại học")
    TREN_DAI_HOC = "tren_dai_hoc", _("Trên đại học")


class TdktBody(models.TextChoices):
    """The kinds of organisation doing TĐKT work counted by form 0604.N/BNV-TĐKT."""

    VU = "vu", _("Vụ (hoặc tương đương) làm công tác TĐKT của bộ, ngành")
    PHONG_THUOC_VU = "phong_thuoc_vu", _("Phòng, ban thuộc vụ làm công tác TĐKT")
    BAN_THUOC_SNV = "ban_thuoc_snv", _("Ban Thi đua – Khen thưởng thuộc Sở Nội vụ")
    PHONG_THUOC_SNV = (
        "phong_thuoc_snv",
        _("Phòng Thi đua – Khen thưởng thuộc Sở Nội vụ"),
    )


class VerdictStatus(StateChoices):
    """The eligibility engine's verdict on one title (thidua.eligibility.results), as
    the "Xét khen thưởng" tab shows it."""

    ELIGIBLE = ELIGIBLE, _("Đủ điều kiện")
    NOT_ELIGIBLE = NOT_ELIGIBLE, _("Chưa đủ điều kiện")
    BLOCKED = BLOCKED, _("Không được đề nghị")

    @classmethod
    def colors(cls) -> dict:
        return {
            cls.ELIGIBLE: "success",
            cls.NOT_ELIGIBLE: "secondary",
            cls.BLOCKED: "danger",
        }
