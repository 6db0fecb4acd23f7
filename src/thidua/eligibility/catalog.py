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
    "DEFAULT_COLLECTIVE_CODES",
    "DEFAULT_INDIVIDUAL_CODES",
    "DISCIPLINE_NAMES",
    "HERO_CODES",
    "HONOUR_CODES",
    "INDIVIDUAL_CODES",
    "INDIVIDUAL_ONLY_FORMS",
    "KINDS",
    "KIND_NAMES",
    "NAMES",
    "NOT_PREREQUISITE_TYPES",
    "ORDER_CODES",
    "PRESIDENT_FORMS",
    "PEOPLES_TITLE_CODES",
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
    "HCLD_2": "Huân chương Lao động hạng Nhì",
    "HCLD_1": "Huân chương Lao động hạng Nhất",
    "HCDL_3": "Huân chương Độc lập hạng Ba",
    "HCDL_2": "Huân chương Độc lập hạng Nhì",
    "HCDL_1": "Huân chương Độc lập hạng Nhất",
    "HCBVTQ_3": "Huân chương Bảo vệ Tổ quốc hạng Ba",
    "HCBVTQ_2": "Huân chương Bảo vệ Tổ quốc hạng Nhì",
    "HCBVTQ_1": "Huân chương Bảo vệ Tổ quốc hạng Nhất",
    "HCCC_3": "Huân chương Chiến công hạng Ba",
    "HCCC_2": "Huân chương Chiến công hạng Nhì",
    "HCCC_1": "Huân chương Chiến công hạng Nhất",
    "HC_DDKDT": "Huân chương Đại đoàn kết dân tộc",
    "HC_DUNG_CAM": "Huân chương Dũng cảm",
    "KNC_BO_TINH": "Kỷ niệm chương của bộ, ban, ngành, tỉnh",
    "AHLD": "Anh hùng Lao động",
    "AHLLVT": "Anh hùng Lực lượng vũ trang nhân dân",
    "NGND": "Nhà giáo nhân dân",
    "NGUT": "Nhà giáo ưu tú",
    "TTND": "Thầy thuốc nhân dân",
    "TTUT": "Thầy thuốc ưu tú",
    "NSND": "Nghệ sĩ nhân dân",
    "NSUT": "Nghệ sĩ ưu tú",
    "NNND": "Nghệ nhân nhân dân",
    "NNUT": "Nghệ nhân ưu tú",
}
# Danh hiệu vinh dự nhà nước (Luật TĐKT 2022 Art 9: a form of commendation, conferred
# by the President): the two Anh hùng for individuals and collectives, the "nhân dân" and
# "ưu tú" titles of teachers, doctors, artists and craftsmen for individuals.
HERO_CODES = ("AHLD", "AHLLVT")
PEOPLES_TITLE_CODES = ("NGND", "NGUT", "TTND", "TTUT", "NSND", "NSUT", "NNND", "NNUT")
HONOUR_CODES = HERO_CODES + PEOPLES_TITLE_CODES
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
    # Huân chương are named in full even in sentences.
    **{code: NAMES[code] for code in NAMES if code.startswith("HC")},
    "KNC_BO_TINH": "Kỷ niệm chương bộ/tỉnh",
    **{code: NAMES[code] for code in HONOUR_CODES},
    "AHLLVT": "Anh hùng LLVTND",
}
CODES: tuple[str, ...] = tuple(NAMES)
# What a subject is evaluated against when a case names no codes: the titles and
# forms a unit proposes every year, and the first class of the Huân chương Lao động.
DEFAULT_INDIVIDUAL_CODES = (
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
DEFAULT_COLLECTIVE_CODES = (
    "TTLDTT",
    "TTLDXS",
    "CO_BO_TINH",
    "CO_CP",
    "GIAY_KHEN",
    "BK_BO_TINH",
    "BK_TTG",
    "HCLD_3",
)
# The higher classes and the other Huân chương an agency proposes upward (Luật TĐKT
# 2022 Art 33: the President confers them), and its own Kỷ niệm chương: evaluated
# when named. Huân chương Dũng cảm and Đại đoàn kết dân tộc, and Kỷ niệm chương, are
# for individuals only.
ORDER_CODES = (
    "HCLD_2",
    "HCLD_1",
    "HCDL_3",
    "HCDL_2",
    "HCDL_1",
    "HCBVTQ_3",
    "HCBVTQ_2",
    "HCBVTQ_1",
    "HCCC_3",
    "HCCC_2",
    "HCCC_1",
)
INDIVIDUAL_ONLY_FORMS = ("HC_DDKDT", "HC_DUNG_CAM", "KNC_BO_TINH", *PEOPLES_TITLE_CODES)
# The forms the President confers (Luật TĐKT 2022 Art 77), above every agency of the
# tree: the Huân chương and the danh hiệu vinh dự nhà nước.
PRESIDENT_FORMS = ("HCLD_3", *ORDER_CODES, "HC_DDKDT", "HC_DUNG_CAM", *HONOUR_CODES)
# Every code a subject of the kind may be proposed for.
INDIVIDUAL_CODES = (
    DEFAULT_INDIVIDUAL_CODES + ORDER_CODES + HERO_CODES + INDIVIDUAL_ONLY_FORMS
)
COLLECTIVE_CODES = DEFAULT_COLLECTIVE_CODES + ORDER_CODES + HERO_CODES
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
    return DEFAULT_INDIVIDUAL_CODES if kind == INDIVIDUAL else DEFAULT_COLLECTIVE_CODES
