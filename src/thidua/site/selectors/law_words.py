"""The law's settings in words, for the administrators' page on the law
(``site.selectors.law``): what each field of the eligibility engine's Policy decides,
each reported change of the 2026 amendment, and their values as people read them
(70 %, "có", dd/mm/yyyy) — never a field's or a regime's code alone."""

from fractions import Fraction
from typing import Any

from thidua.eligibility.catalog import DISCIPLINE_NAMES, NAMES, RATING_NAMES

__all__ = [
    "LAW2026_CHANGES",
    "POLICY_FIELDS",
    "money",
    "number",
    "policy_value",
]

# The reported changes of Luật 06/2026/QH16 (settings THIDUA_LAW2026_CHANGES).
LAW2026_CHANGES = {
    "cstdcs_htxs_and_initiative": (
        "Chiến sĩ thi đua cơ sở cần hoàn thành xuất sắc nhiệm vụ và có sáng kiến "
        "(thay vì một trong hai)"
    ),
    "bk_bo_tinh_two_cstdcs_only": (
        "Bằng khen bộ, ngành, tỉnh cho cá nhân chỉ xét theo 02 năm liên tục đạt Chiến "
        "sĩ thi đua cơ sở"
    ),
}

# What each field of thidua.eligibility.Policy decides.
POLICY_FIELDS = {
    "quotas": "Tỉ lệ khống chế số đề nghị",
    "quota_rounding": "Cách làm tròn số người tính theo tỉ lệ",
    "council_vote_share": (
        "Tỉ lệ phiếu đồng ý của Hội đồng Thi đua – Khen thưởng cho mọi danh hiệu, "
        "hình thức"
    ),
    "council_vote_shares": (
        "Tỉ lệ phiếu đồng ý của Hội đồng Thi đua – Khen thưởng theo danh hiệu, hình thức"
    ),
    "council_vote_base": "Tỉ lệ phiếu của Hội đồng tính trên",
    "cash_rounding": "Làm tròn tiền thưởng",
    "cash_rounding_unit": "Làm tròn tiền thưởng đến (đồng)",
    "cash_multiples": "Hệ số tiền thưởng so với mức lương cơ sở",
    "collective_cash_factor": "Tiền thưởng của tập thể so với cá nhân (số lần)",
    # A field the engine is getting (households' cash); words ready for it.
    "household_cash_factor": "Tiền thưởng của hộ gia đình so với cá nhân (số lần)",
    "ldtt_min_service_months": (
        "Số tháng công tác tối thiểu trong năm để xét Lao động tiên tiến"
    ),
    "ldtt_max_absent_days": "Số ngày nghỉ tối đa trong năm để xét Lao động tiên tiến",
    "ldtt_excluding_discipline": (
        "Bị kỷ luật trong năm từ mức này trở lên thì không xét Lao động tiên tiến"
    ),
    "ttldtt_min_share_ldtt": (
        "Tỉ lệ cá nhân đạt Lao động tiên tiến để xét Tập thể lao động tiên tiến"
    ),
    "ttldtt_share_strict": "Tỉ lệ Lao động tiên tiến phải vượt (không chỉ bằng) mức trên",
    "bk_bo_tinh_collective_htxs_years": (
        "Số năm liên tục hoàn thành xuất sắc nhiệm vụ để tập thể được Bằng khen bộ, "
        "ngành, tỉnh"
    ),
    "bk_ttg_collective_htxs_years": (
        "Số năm liên tục hoàn thành xuất sắc nhiệm vụ để tập thể được Bằng khen của "
        "Thủ tướng Chính phủ"
    ),
    "bk_ttg_years_after_bk_bo_tinh": (
        "05 năm xét Bằng khen của Thủ tướng Chính phủ tính tiếp sau thời gian của Bằng "
        "khen bộ, ngành, tỉnh"
    ),
    "hcld3_use_nd91_criteria": (
        "Xét Huân chương Lao động hạng Ba cho cá nhân theo tiêu chuẩn của Nghị định "
        "91/2017/NĐ-CP, Điều 24"
    ),
    "legacy_use_2022_criteria": (
        "Hồ sơ theo quy định trước năm 2024: xét Cờ thi đua của Chính phủ theo tiêu "
        "chuẩn của Luật Thi đua, khen thưởng 2022"
    ),
    "giay_khen_min_rating": "Mức xếp loại tối thiểu để được tặng Giấy khen",
    "co_bo_tinh_requires_ttldxs": (
        "Cờ thi đua bộ, ngành, tỉnh cần danh hiệu Tập thể lao động xuất sắc"
    ),
    "discipline_partial_year": "Năm hết thời hạn kỷ luật",
    "nd91_guards": (
        "Hồ sơ theo quy định trước năm 2024: không xét khi đang bị xem xét kỷ luật, "
        "chỉ tính thành tích sau thời hạn kỷ luật"
    ),
    "law2026_cstdcs_htxs_and_initiative": LAW2026_CHANGES["cstdcs_htxs_and_initiative"],
    "law2026_bk_bo_tinh_two_cstdcs_only": LAW2026_CHANGES["bk_bo_tinh_two_cstdcs_only"],
    "issuer": "Tên cơ quan ban hành quy chế",
}

_CHOICES = {
    "quota_rounding": {
        "floor": "làm tròn xuống",
        "half_up": "làm tròn đến số gần nhất",
        "ceil": "làm tròn lên",
    },
    "council_vote_base": {
        "all_members": "tổng số thành viên Hội đồng",
        "present": "số thành viên có mặt",
    },
    "cash_rounding": {
        "ceil": "làm tròn lên",
        "nearest": "làm tròn đến số gần nhất",
        "none": "không làm tròn",
    },
    "discipline_partial_year": {
        "exclude": "không tính thành tích năm đó",
        "include": "tính thành tích năm đó",
    },
}
_QUOTA_BASES = {"members": "thành viên", "cluster_leaders": "đơn vị dẫn đầu cụm, khối"}
_QUOTA_PER = {"unit": "mỗi đơn vị", "list": "cả danh sách"}
_SHARES = {"council_vote_share", "ttldtt_min_share_ldtt"}


def number(value: Fraction | int) -> str:
    """A number as Vietnamese writes it: 1,5; 2/3 where no short decimal is exact."""
    value = Fraction(value)
    if value.denominator == 1:
        return f"{value.numerator:,}".replace(",", ".")
    for places in (1, 2, 3):
        scaled = value * 10**places
        if scaled.denominator == 1:
            whole, part = divmod(scaled.numerator, 10**places)
            return f"{whole},{part:0{places}d}"
    return f"{value.numerator}/{value.denominator}"


def share(value: Fraction) -> str:
    """A share as a percentage where it is a whole one (70 %), else as a fraction."""
    percent = Fraction(value) * 100
    if percent.denominator == 1:
        return f"{percent.numerator} %"
    return number(value)


def money(amount: int) -> str:
    """2.340.000 đ."""
    return f"{number(amount)} đ"


def _code_values(items, as_share: bool) -> str:
    return "; ".join(
        f"{NAMES.get(code, code)}: {share(v) if as_share else number(v)}"
        for code, v in items
    )


def policy_value(name: str, value: Any) -> str:
    """The value of the Policy field ``name`` in words."""
    if value is None:
        return "không đặt"
    if isinstance(value, bool):
        return "có" if value else "không"
    if name in _CHOICES:
        return _CHOICES[name].get(value, str(value))
    if name in _SHARES:
        return share(value)
    if name in ("council_vote_shares", "cash_multiples"):
        if not value:
            return "không đặt"
        return _code_values(value, name == "council_vote_shares")
    if name == "quotas":
        if not value:
            return "không đặt"
        return "; ".join(
            f"{NAMES.get(q.code, q.code)} không quá {share(q.max_share)} số "
            f"{NAMES.get(q.base) or _QUOTA_BASES.get(q.base, q.base)} "
            f"{_QUOTA_PER.get(q.per, q.per)}"
            for q in value
        )
    if name == "ldtt_excluding_discipline":
        return DISCIPLINE_NAMES.get(value, value)
    if name == "giay_khen_min_rating":
        return RATING_NAMES.get(value, value)
    if isinstance(value, Fraction | int):
        return number(value)
    return str(value) or "không đặt"
