"""The award vocabulary every app that names an award uses: the codes of the
eligibility engine's catalog and the kinds of award (loại hình khen thưởng)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.eligibility.catalog import HONOUR_CODES, NAMES, TITLE_CODES

__all__ = ["AWARD_CODES", "AwardType", "grouped_choices"]

AWARD_CODES = [(code, name) for code, name in NAMES.items()]


class AwardType(models.TextChoices):
    """Loại hình khen thưởng (Luật TĐKT 2022 Art 8)."""

    CONG_TRANG = "cong_trang", _("Theo công trạng và thành tích")
    CHUYEN_DE = "chuyen_de", _("Theo đợt, chuyên đề")
    DOT_XUAT = "dot_xuat", _("Đột xuất")
    CONG_HIEN = "cong_hien", _("Quá trình cống hiến")
    NIEN_HAN = "nien_han", _("Niên hạn")
    DOI_NGOAI = "doi_ngoai", _("Đối ngoại")


def grouped_choices(codes) -> list:
    """``codes`` as a select's groups, the way officers look for them: emulation
    titles, Bằng khen and Giấy khen, Huân chương, danh hiệu vinh dự nhà nước, Kỷ niệm
    chương."""
    groups = (
        (_("Danh hiệu thi đua"), lambda c: c in TITLE_CODES),
        (_("Bằng khen, Giấy khen"), lambda c: c.startswith(("BK_", "GIAY_"))),
        (_("Huân chương"), lambda c: c.startswith("HC")),
        (_("Danh hiệu vinh dự nhà nước"), lambda c: c in HONOUR_CODES),
        (_("Kỷ niệm chương"), lambda c: c.startswith("KNC")),
    )
    return [
        (label, [(c, NAMES[c]) for c in codes if belongs(c)])
        for label, belongs in groups
        if any(belongs(c) for c in codes)
    ]
