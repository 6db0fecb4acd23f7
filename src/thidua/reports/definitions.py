"""The statistical forms TĐKT offices send upward, as data (shared/domain/nd30-and-forms.md §5).

A form is rows × columns; each row and column carries a :class:`Match` over the award
register's aggregated groups, or ``None`` when the register does not record what it
counts (doanh nghiệp, hộ gia đình, leader categories): those cells are left blank, never
shown as 0. Every row and column carries its source tag — "V" (read in a secondary
source: the vendor rendering S-f) or "U" (unconfirmed, inferred) — and the form sets are
versioned per circular, because the forms of TT 18/2025/TT-BNV have not been seen.
"""

import datetime
from dataclasses import replace

from thidua.eligibility.catalog import NAMES, PRESIDENT_FORMS

from .layout import ANY, TT02, Column, Form, Group, Line, Match, Regime
from .organisation_forms import F0601, F0604, F0605

__all__ = [
    "DEFAULT_REGIME",
    "FORMS_BY_LEVEL",
    "REGIMES",
    "Column",
    "Form",
    "Group",
    "Line",
    "Match",
    "Regime",
    "regime_for",
]

# HCLĐ hạng Ba first, as TT 02/2023 lists it, then the Thủ tướng's forms, then the
# other forms the President confers.
STATE = ("HCLD_3", "CO_CP", "BK_TTG", "CSTDTQ", *PRESIDENT_FORMS[1:])
MINISTRY_PROVINCE = ("BK_BO_TINH", "CSTD_BO_TINH", "CO_BO_TINH", "KNC_BO_TINH")
BASE = ("CSTDCS", "LDTT", "CSTT", "TTLDXS", "TTLDTT", "GIAY_KHEN")
FORMS_BY_LEVEL = (
    ("Cấp Nhà nước", STATE),
    ("Cấp bộ, ban, ngành, tỉnh", MINISTRY_PROVINCE),
    ("Cấp cơ sở", BASE),
)


def _codes(*codes: str) -> frozenset[str]:
    return frozenset(codes)


def _types(*types: str) -> frozenset[str]:
    return frozenset(types)


# Rows shared by 0602 and 0603: recipient (subject type, person category) and method.
NOT_RECORDED = "không ghi trong sổ khen thưởng"


def _recipient_rows(first: int) -> tuple[Line, ...]:
    n = first
    rows = [
        Line(f"{n:02d}", "Tập thể", Match(collective=True), indent=1),
        Line(
            f"{n + 1:02d}", "Trong đó: Doanh nghiệp", None, indent=2, note=NOT_RECORDED
        ),
        Line(f"{n + 2:02d}", "Hộ gia đình", None, indent=1, note=NOT_RECORDED),
        Line(f"{n + 3:02d}", "Cá nhân", Match(collective=False), indent=1),
        Line(
            f"{n + 4:02d}",
            "Lãnh đạo cấp bộ, tỉnh và tương đương trở lên",
            None,
            indent=2,
            note=NOT_RECORDED,
        ),
        Line(
            f"{n + 5:02d}",
            "Lãnh đạo cấp vụ, sở và tương đương",
            None,
            indent=2,
            note=NOT_RECORDED,
        ),
        Line(f"{n + 6:02d}", "Doanh nhân", None, indent=2, note=NOT_RECORDED),
        Line(
            f"{n + 7:02d}",
            "Lãnh đạo khác từ phó phòng trở lên",
            None,
            indent=2,
            note=NOT_RECORDED,
        ),
        Line(
            f"{n + 8:02d}",
            "Người trực tiếp lao động, sản xuất, học tập, chiến đấu, "
            "phục vụ chiến đấu (công nhân, nông dân…)",
            Match(collective=False, direct=True),
            indent=2,
            note="cá nhân có đánh dấu “người trực tiếp lao động, công tác”",
        ),
    ]
    return tuple(rows)


def _method_rows(first: int) -> tuple[Line, ...]:
    methods = (
        (
            "Thường xuyên",
            _types("cong_trang"),
            "U",  # the mapping to "Thường xuyên" is not confirmed by the form's text
            "loại hình “theo công trạng và thành tích”",
        ),
        ("Chuyên đề", _types("chuyen_de"), "V", ""),
        ("Đột xuất", _types("dot_xuat"), "V", ""),
        ("Đối ngoại", _types("doi_ngoai"), "V", ""),
        ("Cống hiến", _types("cong_hien"), "V", ""),
        ("Niên hạn", _types("nien_han"), "V", ""),
        ("Kháng chiến", None, "V", "sổ khen thưởng chưa có loại hình kháng chiến"),
    )
    return tuple(
        Line(
            f"{first + i:02d}",
            label,
            Match(award_types=types) if types else None,
            tag=tag,
            indent=1,
            note=note,
        )
        for i, (label, types, tag, note) in enumerate(methods)
    )


TT03 = "Thông tư số 03/2018/TT-BNV"

F0602 = Form(
    code="0602.N/BNV-TĐKT",
    title="Số lượng khen thưởng cấp Nhà nước",
    circular=TT02,
    unit="Lượt",
    scope=Match(codes=_codes(*STATE)),
    rows=(
        Line("01", "Tổng số"),
        Line("", "1. Chia theo cơ quan trình Thủ tướng Chính phủ", None, heading=True),
        Line(
            "02",
            "Bộ, ban, ngành, đoàn thể Trung ương",
            None,
            tag="U",
            indent=1,
            note="sổ khen thưởng không ghi cơ quan trình",
        ),
        Line(
            "03",
            "Tỉnh, thành phố trực thuộc Trung ương",
            None,
            tag="U",
            indent=1,
            note="sổ khen thưởng không ghi cơ quan trình",
        ),
        Line("", "2. Chia theo đối tượng", None, heading=True),
        *_recipient_rows(6),
        Line("", "3. Chia theo phương thức khen thưởng", None, heading=True),
        *_method_rows(15),
    ),
    columns=(
        Column("total", "Tổng số"),
        Column(
            "hcld3_tt",
            "Huân chương Lao động hạng Ba – Tập thể",
            Match(codes=_codes("HCLD_3"), collective=True),
        ),
        Column(
            "hcld3_cn",
            "Huân chương Lao động hạng Ba – Cá nhân",
            Match(codes=_codes("HCLD_3"), collective=False),
        ),
        Column(
            "co_cp",
            "Cờ thi đua của Chính phủ (tập thể)",
            Match(codes=_codes("CO_CP"), collective=True),
        ),
        Column(
            "bk_ttg_tt",
            "Bằng khen của Thủ tướng – Tập thể",
            Match(codes=_codes("BK_TTG"), collective=True),
        ),
        Column(
            "bk_ttg_cn",
            "Bằng khen của Thủ tướng – Cá nhân",
            Match(codes=_codes("BK_TTG"), collective=False),
        ),
        Column(
            "cstdtq",
            "Chiến sĩ thi đua toàn quốc (cá nhân)",
            Match(codes=_codes("CSTDTQ"), collective=False),
        ),
    ),
    notes=(
        "Biểu chính thức có một cột cho mỗi hình thức khen thưởng cấp Nhà nước; ở đây chỉ "
        "có các hình thức mà sổ khen thưởng ghi nhận.",
        "Mã số 04–05 không có trong bản mẫu đã thấy.",
    ),
)

F0603 = Form(
    code="0603.N/BNV-TĐKT",
    title="Số lượng khen thưởng cấp bộ, ban, ngành, đoàn thể Trung ương và tỉnh",
    circular=TT02,
    unit="Lượt",
    scope=Match(codes=_codes(*MINISTRY_PROVINCE)),
    rows=(
        Line("01", "Tổng số"),
        Line("", "1. Chia theo đối tượng", None, heading=True),
        *_recipient_rows(2),
        Line("", "2. Chia theo phương thức khen thưởng", None, heading=True),
        *_method_rows(11),
    ),
    columns=(
        Column("total", "Tổng số"),
        Column("bk", "Bằng khen", Match(codes=_codes("BK_BO_TINH"))),
        Column(
            "cstd",
            "Chiến sĩ thi đua cấp bộ, ngành, tỉnh",
            Match(codes=_codes("CSTD_BO_TINH")),
        ),
        Column("co", "Cờ thi đua", Match(codes=_codes("CO_BO_TINH"))),
        Column(
            "huy_hieu",
            "Huy hiệu (kỷ niệm chương)",
            None,
            note="sổ khen thưởng chưa có kỷ niệm chương",
        ),
    ),
    receipt_tag="U",
)


def _project_rows() -> tuple[Line, ...]:
    rows = [Line("01", "Tổng số")]
    for index, (label, codes) in enumerate(FORMS_BY_LEVEL, start=1):
        rows.append(
            Line(f"{index + 1:02d}", f"{index}. {label}", Match(codes=_codes(*codes)))
        )
        rows.extend(
            Line(
                f"{index + 1:02d}.{i}", NAMES[code], Match(codes=_codes(code)), indent=1
            )
            for i, code in enumerate(codes, start=1)
        )
    return tuple(rows)


TK01 = Form(
    code="TK01.N/TĐKT",
    title="Tổng hợp khen thưởng theo hình thức, cấp và đối tượng",
    circular="Biểu của thidua (không phải biểu chính thức)",
    unit="Lượt",
    scope=ANY,
    rows=_project_rows(),
    columns=(
        Column("total", "Tổng số"),
        Column("tt", "Tập thể", Match(collective=True)),
        Column("ho", "Hộ gia đình", None, note=NOT_RECORDED),
        Column("cn", "Cá nhân", Match(collective=False)),
        Column("nu", "Cá nhân nữ", Match(collective=False, gender="nu")),
        Column(
            "dtts",
            "Cá nhân người dân tộc thiểu số",
            Match(collective=False, minority=True),
        ),
        Column(
            "nu_dtts",
            "Nữ dân tộc thiểu số",
            Match(collective=False, gender="nu", minority=True),
        ),
        Column(
            "tructiep",
            "Người trực tiếp lao động, công tác",
            Match(collective=False, direct=True),
        ),
    ),
    official=False,
    receipt="",
    notes=(
        "Biểu riêng của thidua: các biểu 0602, 0603 không chia theo giới tính, dân tộc "
        "và không thống kê khen thưởng cấp cơ sở.",
    ),
)

REGIMES: dict[str, Regime] = {
    "tt02_2023": Regime(
        key="tt02_2023",
        circular=TT02,
        effective="10/05/2023",
        forms=(F0601, F0602, F0603, F0604, F0605, TK01),
    ),
    # TT 03/2018: same rows in the vendor renderings; which of 0702/0703 is which is [U].
    # Its 0701 (movements) has other duration rows whose codes are not known: left out.
    "tt03_2018": Regime(
        key="tt03_2018",
        circular=TT03,
        effective="2018",
        forms=(
            replace(F0602, code="0702.N/BNV-TĐKT", circular=TT03, receipt_tag="U"),
            replace(F0603, code="0703.N/BNV-TĐKT", circular=TT03, receipt_tag="U"),
            TK01,
        ),
    ),
    # TT 18/2025/TT-BNV (08/10/2025): forms not seen yet — add a Regime here once they are.
}
DEFAULT_REGIME = "tt02_2023"


def regime_for(period_end) -> Regime:
    """The circular in force at the end of the period (TT 2/2023 from 10/05/2023)."""
    if period_end < datetime.date(2023, 5, 10):
        return REGIMES["tt03_2018"]
    return REGIMES[DEFAULT_REGIME]
