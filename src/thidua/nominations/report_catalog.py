"""Which achievement-report template (báo cáo thành tích) applies, and the period it
covers (nd30-and-forms.md §6.1–6.3).

The template is chosen from the regime of the review year and the kind of subject,
then stored on the report, so a report written under NĐ 98 stays a NĐ 98 report after
the regime changes. Confidence per entry is in docs/reports-dossier.md; ``[U]`` marks
what is unconfirmed against the official annex.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from thidua.eligibility.regimes import REGIMES, select_regime

__all__ = [
    "REPORT_LOOKBACK_YEARS",
    "TEMPLATES",
    "ReportTemplate",
    "lookback_years",
    "template_for",
]


@dataclass(frozen=True)
class ReportTemplate:
    key: str
    collective: bool
    label: str


TEMPLATES: dict[str, ReportTemplate] = {
    t.key: t
    for t in (
        # NĐ 91/2017: Mẫu 01 collective, Mẫu 02 individual [V-S].
        ReportTemplate("nd91_mau01", True, _("Mẫu 01, Nghị định 91/2017/NĐ-CP")),
        ReportTemplate("nd91_mau02", False, _("Mẫu 02, Nghị định 91/2017/NĐ-CP")),
        # NĐ 98/2023 Phụ lục I: Mẫu 02 collective, Mẫu 03 individual [V-S].
        ReportTemplate("nd98_mau02", True, _("Mẫu 02, Nghị định 98/2023/NĐ-CP")),
        ReportTemplate("nd98_mau03", False, _("Mẫu 03, Nghị định 98/2023/NĐ-CP")),
        # NĐ 152/2025: the 11 report types are named, not numbered, in our source; the
        # numbers are inferred from the list order [U] (only Mẫu 05 is seen, in QĐ 638).
        ReportTemplate(
            "nd152_co_thi_dua_cp",
            True,
            _(
                "Báo cáo thành tích đề nghị tặng Cờ thi đua của Chính phủ, Nghị định "
                "152/2025/NĐ-CP"
            ),
        ),
        ReportTemplate(
            "nd152_cstd_toan_quoc",
            False,
            _(
                "Báo cáo thành tích đề nghị tặng danh hiệu Chiến sĩ thi đua toàn quốc, "
                "Nghị định 152/2025/NĐ-CP"
            ),
        ),
        ReportTemplate(
            "nd152_cong_trang_tap_the",
            True,
            _("Báo cáo thành tích công trạng tập thể, Nghị định 152/2025/NĐ-CP"),
        ),
        ReportTemplate(
            "nd152_cong_trang_ca_nhan",
            False,
            _(
                "Báo cáo thành tích công trạng cá nhân (Mẫu 05 theo QĐ 638/QĐ-BNV), "
                "Nghị định 152/2025/NĐ-CP"
            ),
        ),
    )
}

_BY_REGIME = {
    ("nd91_2017", False): "nd91_mau02",
    ("nd91_2017", True): "nd91_mau01",
    ("nd98_2023", False): "nd98_mau03",
    ("nd98_2023", True): "nd98_mau02",
    ("nd152_2025", False): "nd152_cong_trang_ca_nhan",
    ("nd152_2025", True): "nd152_cong_trang_tap_the",
}
# NĐ 152 has its own report type for these two (same sections rendered here [U]).
_ND152_BY_CODE = {"CO_CP": "nd152_co_thi_dua_cp", "CSTDTQ": "nd152_cstd_toan_quoc"}


def template_for(year: int, *, collective: bool, code: str = "") -> str:
    """The template key for a nomination of review ``year``."""
    regime = select_regime(year)
    # A regime carried over from another (the 2026 amendment, from NĐ 152/2025) keeps
    # its report forms until its own are known.
    while (regime, collective) not in _BY_REGIME and REGIMES[regime].carried_from:
        regime = REGIMES[regime].carried_from
    if regime == "nd152_2025" and code in _ND152_BY_CODE:
        return _ND152_BY_CODE[code]
    return _BY_REGIME[(regime, collective)]


# Years of achievements the report covers, ending with the review year (footnote [4] of
# NĐ 98 Mẫu 03 [V-S] for HCLĐ, BK TTg, CSTĐTQ, CSTĐ bộ/tỉnh; the rest of that footnote
# was truncated in our source, so the other entries follow the criteria of the title
# or form and are unconfirmed [U]).
REPORT_LOOKBACK_YEARS: dict[str, int] = {
    "HCLD_3": 5,  # Huân chương Lao động: continuously ≥ 5 years [V-S]
    "HCLD_2": 5,  # the same footnote covers every class of the HCLĐ [V-S]
    "HCLD_1": 5,
    "BK_TTG": 5,  # [V-S]
    "CSTDTQ": 6,  # [V-S]
    "CSTD_BO_TINH": 3,  # [V-S]
    "BK_BO_TINH": 2,  # [U] two years of HTXS in the criteria
    "CO_CP": 1,  # [U]
    "CO_BO_TINH": 1,  # [U]
    "CSTDCS": 1,  # [U]
    "TTLDXS": 1,  # [U]
    "TTLDTT": 1,  # [U]
    "LDTT": 1,  # [U]
    "CSTT": 1,  # [U]
    "GIAY_KHEN": 1,  # [U]
}


def lookback_years(code: str) -> int:
    return REPORT_LOOKBACK_YEARS.get(code, 1)
