"""Validators for the registry: CCCD numbers, dates."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

__all__ = [
    "CCCD_PROVINCE_CODES",
    "validate_cccd",
    "validate_cccd_for",
    "validate_not_future",
]

# Place-of-birth codes of the 63 provinces (TT 07/2016/TT-BCA, amended by
# TT 59/2021/TT-BCA). Kept as data: the 2025 merger of provinces did not renumber
# issued cards.
CCCD_PROVINCE_CODES = frozenset(
    [
        "001",
        "002",
        "004",
        "006",
        "008",
        "010",
        "011",
        "012",
        "014",
        "015",
        "017",
        "019",
        "020",
        "022",
        "024",
        "025",
        "026",
        "027",
        "030",
        "031",
        "033",
        "034",
        "035",
        "036",
        "037",
        "038",
        "040",
        "042",
        "044",
        "045",
        "046",
        "048",
        "049",
        "051",
        "052",
        "054",
        "056",
        "058",
        "060",
        "062",
        "064",
        "066",
        "067",
        "068",
        "070",
        "072",
        "074",
        "075",
        "077",
        "079",
        "080",
        "082",
        "083",
        "084",
        "086",
        "087",
        "089",
        "091",
        "092",
        "093",
        "094",
        "095",
        "096",
    ]
)
# Fourth digit: gender and century of birth.
_CENTURY_BASE = {0: 1900, 2: 2000, 4: 2100, 6: 2200, 8: 1800}


def validate_cccd(value: str) -> None:
    """A CCCD is 12 digits starting with a province code."""
    if not value or len(value) != 12 or not value.isdigit():
        raise ValidationError(_("Số CCCD phải gồm đúng 12 chữ số."), code="cccd_format")
    if value[:3] not in CCCD_PROVINCE_CODES:
        raise ValidationError(
            _("Số CCCD có mã tỉnh %(code)s không hợp lệ.") % {"code": value[:3]},
            code="cccd_province",
        )


def validate_cccd_for(value: str, *, gender: str | None, birth_date) -> None:
    """Check the gender/century digit and the year digits against the person."""
    validate_cccd(value)
    if not settings.THIDUA_CCCD_CHECK_CONSISTENCY or not gender or not birth_date:
        return
    digit = int(value[3])
    century = _CENTURY_BASE[digit - digit % 2]
    is_female = digit % 2 == 1
    if is_female != (gender == "nu"):
        raise ValidationError(
            _("Số CCCD không khớp giới tính (chữ số thứ 4 là %(d)s).") % {"d": digit},
            code="cccd_gender",
        )
    if century + int(value[4:6]) != birth_date.year:
        raise ValidationError(
            _("Số CCCD không khớp năm sinh %(year)s.") % {"year": birth_date.year},
            code="cccd_year",
        )


def validate_not_future(value: datetime.date) -> None:
    if value and value > timezone.localdate():
        raise ValidationError(_("Ngày không được ở tương lai."), code="future_date")
