"""The award vocabulary every app that names an award uses: the codes of the
eligibility engine's catalog and the kinds of award (loại hình khen thưởng)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.eligibility.catalog import NAMES

__all__ = ["AWARD_CODES", "AwardType"]

AWARD_CODES = [(code, name) for code, name in NAMES.items()]


class AwardType(models.TextChoices):
    """Loại hình khen thưởng (Luật TĐKT 2022 Art 8)."""

    CONG_TRANG = "cong_trang", _("Theo công trạng và thành tích")
    CHUYEN_DE = "chuyen_de", _("Theo đợt, chuyên đề")
    DOT_XUAT = "dot_xuat", _("Đột xuất")
    CONG_HIEN = "cong_hien", _("Quá trình cống hiến")
    NIEN_HAN = "nien_han", _("Niên hạn")
    DOI_NGOAI = "doi_ngoai", _("Đối ngoại")
