"""Stable codes of the eligibility engine: titles, awards, ratings, scopes, types.

These codes are part of the public contract (case JSON, CLI, API, tests); never
rename one. Display names are Vietnamese; ``SHORT_NAMES`` are the abbreviations
officers use in sentences ("CSTĐCS", "BK TTg").
"""

__all__ = [
    "AWARD_TYPES",
    "CODES",
    "COLLECTIVE_CODES",
    "DISCIPLINE_FORMS",
    "DISCIPLINE_NAMES",
    "INDIVIDUAL_CODES",
    "KINDS",
    "KIND_NAMES",
    "NAMES",
    "NOT_PREREQUISITE_TYPES",
    "RATINGS",
    "RATING_NAMES",
    "RATING_RANK",
    "SCOPES",
    "SCOPE_NAMES",
    "SCOPE_RANK",
    "SHORT_NAMES",
    "TITLE_CODES",
    "codes_for_kind",
]

INDIVIDUAL = "individual"
KIND_NAMES = {"individual": "cá nhân", "collective": "tập thể"}
COLLECTIVE = "collective"
KINDS = (INDIVIDUAL, COLLECTIVE)

# Catalog order is the order of results when a case names no codes.
NAMES: dict[str, str] = {
    "LDTT": "Lao động tiên tiến",
    "CSTT": "Chiến sĩ tiên tiến",
    "CSTDCS": "Chiến sĩ thi đua cơ sở",
    "CSTD_BO_TINH": "Chiến sĩ thi đua bộ, ban, ngành, tỉnh",
    "CSTDTQ": "Chiến sĩ thi đua toàn quốc",
    "TTLDTT": "Tập thể lao động tiên tiến",
    "TTLDXS": "Tập thể lao động xuất sắc",
    "CO_BO_TINH": "Cờ thi đua của bộ, ban, ngành, tỉnh",
    "CO_CP": "Cờ thi đua của Chính phủ",
    "GIAY_KHEN": "Giấy khen",
    "BK_BO_TINH": "Bằng khen của bộ, ban, ngành, tỉnh",
    "BK_TTG": "Bằng khen của Thủ tướng Chính phủ",
    "HCLD_3": "Huân chương Lao động hạng Ba",
}
SHORT_NAMES: dict[str, str] = {
    "LDTT": "LĐTT",
    "CSTT": "CSTT",
    "CSTDCS": "CSTĐCS",
    "CSTD_BO_TINH": "CSTĐ bộ/tỉnh",
    "CSTDTQ": "CSTĐ toàn quốc",
    "TTLDTT": "TTLĐTT",
    "TTLDXS": "TTLĐXS",
    "CO_BO_TINH": "Cờ thi đua bộ/tỉnh",
    "CO_CP": "Cờ thi đua Chính phủ",
    "GIAY_KHEN": "Giấy khen",
    "BK_BO_TINH": "Bằng khen bộ/tỉnh",
    "BK_TTG": "Bằng khen Thủ tướng",
    "HCLD_3": "Huân chương Lao động hạng Ba",
}
CODES: tuple[str, ...] = tuple(NAMES)
INDIVIDUAL_CODES = (
    "LDTT",
    "CSTT",
    "CSTDCS",
    "CSTD_BO_TINH",
    "CSTDTQ",
    "GIAY_KHEN",
    "BK_BO_TINH",
    "BK_TTG",
    "HCLD_3",
)
COLLECTIVE_CODES = (
    "TTLDTT",
    "TTLDXS",
    "CO_BO_TINH",
    "CO_CP",
    "GIAY_KHEN",
    "BK_BO_TINH",
    "BK_TTG",
    "HCLD_3",
)
# Emulation titles (danh hiệu thi đua) may appear in ``years.Y.titles``;
# forms of commendation (hình thức khen thưởng) belong in ``awards``.
TITLE_CODES = frozenset(
    {
        "LDTT",
        "CSTT",
        "CSTDCS",
        "CSTD_BO_TINH",
        "CSTDTQ",
        "TTLDTT",
        "TTLDXS",
        "CO_BO_TINH",
        "CO_CP",
    }
)

RATINGS = ("HTXS", "HTT", "HT", "KHT")
RATING_RANK = {"KHT": 0, "HT": 1, "HTT": 2, "HTXS": 3}
RATING_NAMES = {
    "HTXS": "hoàn thành xuất sắc nhiệm vụ",
    "HTT": "hoàn thành tốt nhiệm vụ",
    "HT": "hoàn thành nhiệm vụ",
    "KHT": "không hoàn thành nhiệm vụ",
}

SCOPES = ("co_so", "bo_tinh", "toan_quoc")
SCOPE_RANK = {"co_so": 1, "bo_tinh": 2, "toan_quoc": 3}
SCOPE_NAMES = {
    "co_so": "cấp cơ sở",
    "bo_tinh": "cấp bộ/tỉnh",
    "toan_quoc": "toàn quốc",
}

AWARD_TYPES = (
    "cong_trang",
    "chuyen_de",
    "dot_xuat",
    "cong_hien",
    "nien_han",
    "doi_ngoai",
)
# NĐ 98/2023 Art 4 (principle 3): extraordinary and thematic awards are never a
# basis for a higher merit-based award.
NOT_PREREQUISITE_TYPES = frozenset({"dot_xuat", "chuyen_de"})

# Disciplinary forms for cán bộ, công chức, viên chức, in rising severity; the
# rank lets a rule say "from cảnh cáo upwards".
DISCIPLINE_FORMS = {
    "khien_trach": 1,
    "canh_cao": 2,
    "ha_bac_luong": 3,
    "giang_chuc": 4,
    "cach_chuc": 5,
    "bai_nhiem": 6,
    "buoc_thoi_viec": 7,
}
DISCIPLINE_NAMES = {
    "khien_trach": "khiển trách",
    "canh_cao": "cảnh cáo",
    "ha_bac_luong": "hạ bậc lương",
    "giang_chuc": "giáng chức",
    "cach_chuc": "cách chức",
    "bai_nhiem": "bãi nhiệm",
    "buoc_thoi_viec": "buộc thôi việc",
}


def codes_for_kind(kind: str) -> tuple[str, ...]:
    """The catalog codes a subject of ``kind`` is evaluated against by default."""
    return INDIVIDUAL_CODES if kind == INDIVIDUAL else COLLECTIVE_CODES
