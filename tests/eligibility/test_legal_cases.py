"""The table of legal cases: each names the article it tests and sits on one side
of a boundary (2 vs 3 consecutive years, 69 % vs 70 %, 5 vs 6 months, discipline
ending the day before or after, regimes of 2023 → 2024 → 2025)."""

from typing import Any, NamedTuple

import pytest

from thidua.eligibility import evaluate

from . import award, collective, ini, merge, person, run, team, yr

E, N, B = "eligible", "not_eligible", "blocked"


class Legal(NamedTuple):
    id: str
    article: str
    case: dict[str, Any]
    code: str
    expected: str
    policy: dict[str, Any] | None = None


CSTDCS_22_23 = {2022: yr("HTXS", "LDTT", "CSTDCS"), 2023: yr("HTXS", "LDTT", "CSTDCS")}
TABLE = [
    # -- LĐTT: Luật 2022 Art 24 cl.1; TT 01/2024 Art 1 cl.5d -------------------------
    Legal(
        "ldtt-htt", "Luật TĐKT 2022 Đ24 k1", person(2024, {2024: yr("HTT")}), "LDTT", E
    ),
    Legal(
        "ldtt-htxs",
        "Luật TĐKT 2022 Đ24 k1",
        person(2024, {2024: yr("HTXS")}),
        "LDTT",
        E,
    ),
    Legal(
        "ldtt-ht", "Luật TĐKT 2022 Đ24 k1", person(2024, {2024: yr("HT")}), "LDTT", N
    ),
    Legal(
        "ldtt-kht", "Luật TĐKT 2022 Đ24 k1", person(2024, {2024: yr("KHT")}), "LDTT", N
    ),
    Legal(
        "ldtt-no-rating",
        "Luật TĐKT 2022 Đ24 k1",
        person(2024, {2023: yr("HTT")}),
        "LDTT",
        N,
    ),
    Legal(
        "ldtt-6-months",
        "TT 01/2024 Đ1 k5 điểm d",
        person(2024, {2024: yr("HTT")}, recruited_on="2024-07-01"),
        "LDTT",
        E,
    ),
    Legal(
        "ldtt-5-months",
        "TT 01/2024 Đ1 k5 điểm d",
        person(2024, {2024: yr("HTT")}, recruited_on="2024-07-02"),
        "LDTT",
        N,
    ),
    Legal(
        "ldtt-6-months-2025",
        "TT 01/2024 Đ1 k5 điểm d (giữ cho NĐ 152/2025)",
        person(2025, {2025: yr("HTT")}, recruited_on="2025-07-01"),
        "LDTT",
        E,
    ),
    Legal(
        "ldtt-5-months-2025",
        "TT 01/2024 Đ1 k5 điểm d (giữ cho NĐ 152/2025)",
        person(2025, {2025: yr("HTT")}, recruited_on="2025-08-01"),
        "LDTT",
        N,
    ),
    Legal(
        "ldtt-old-10-months",
        "TT 02/2011 (tham số nd91)",
        person(2023, {2023: yr("HTT")}, recruited_on="2023-03-01"),
        "LDTT",
        E,
    ),
    Legal(
        "ldtt-old-9-months",
        "TT 02/2011 (tham số nd91)",
        person(2023, {2023: yr("HTT")}, recruited_on="2023-03-02"),
        "LDTT",
        N,
    ),
    Legal(
        "ldtt-old-6-months-2023",
        "TT 02/2011 vs TT 01/2024: 6 tháng chưa đủ ở chế độ cũ",
        person(2023, {2023: yr("HTT")}, recruited_on="2023-07-01"),
        "LDTT",
        N,
    ),
    Legal(
        "ldtt-old-absent-39",
        "TT 02/2011 (tham số nd91)",
        person(2023, {2023: yr("HTT", absent_days=39)}),
        "LDTT",
        E,
    ),
    Legal(
        "ldtt-old-absent-40",
        "TT 02/2011 (tham số nd91)",
        person(2023, {2023: yr("HTT", absent_days=40)}),
        "LDTT",
        N,
    ),
    Legal(
        "ldtt-old-khien-trach-in-year",
        "TT 02/2011 (tham số nd91; không kèm G2)",
        person(
            2023,
            {2023: yr("HTT")},
            discipline=[
                {"form": "khien_trach", "from": "2023-05-01", "to": "2023-11-01"}
            ],
        ),
        "LDTT",
        N,
        {"nd91_guards": False},
    ),
    Legal(
        "ldtt-old-khien-trach-year-before",
        "TT 02/2011 (tham số nd91; không kèm G2)",
        person(
            2023,
            {2023: yr("HTT")},
            discipline=[
                {"form": "khien_trach", "from": "2022-01-01", "to": "2022-12-31"}
            ],
        ),
        "LDTT",
        E,
        {"nd91_guards": False},
    ),
    # -- CSTT: Luật 2022 Art 24 -------------------------------------------------------
    Legal(
        "cstt-armed",
        "Luật TĐKT 2022 Đ24",
        person(2024, {2024: yr("HTT")}, armed_forces=True),
        "CSTT",
        E,
    ),
    Legal(
        "cstt-civilian",
        "Luật TĐKT 2022 Đ24",
        person(2024, {2024: yr("HTT")}),
        "CSTT",
        N,
    ),
    # -- CSTĐCS: Luật 2022 Art 23; old Luật 2003 Art 23 + NĐ 91 Art 9 cl.3 ----------------
    Legal(
        "cstdcs-htxs",
        "Luật TĐKT 2022 Đ23",
        person(2024, {2024: yr("HTXS")}),
        "CSTDCS",
        E,
    ),
    Legal(
        "cstdcs-htt-initiative",
        "Luật TĐKT 2022 Đ23",
        person(2024, {2024: yr("HTT")}, initiatives=[ini(2024)]),
        "CSTDCS",
        E,
    ),
    Legal(
        "cstdcs-htt-only",
        "Luật TĐKT 2022 Đ23",
        person(2024, {2024: yr("HTT")}),
        "CSTDCS",
        N,
    ),
    Legal(
        "cstdcs-initiative-last-year",
        "Luật TĐKT 2022 Đ23",
        person(2024, {2024: yr("HTT")}, initiatives=[ini(2023)]),
        "CSTDCS",
        N,
    ),
    Legal(
        "cstdcs-no-ldtt-new-recruit",
        "Luật TĐKT 2022 Đ23 k1 + TT 01/2024 Đ1 k5 d",
        person(2024, {2024: yr("HTXS")}, recruited_on="2024-09-01"),
        "CSTDCS",
        N,
    ),
    Legal(
        "cstdcs-ldtt-from-input",
        "Luật TĐKT 2022 Đ23 k1 (danh hiệu năm xét lấy từ đầu vào)",
        person(2024, {2024: yr("HT", "LDTT")}, initiatives=[ini(2024)]),
        "CSTDCS",
        E,
    ),
    Legal(
        "cstdcs-2023-htxs-no-initiative",
        "NĐ 91/2017 Đ9 k3: sáng kiến bắt buộc",
        person(2023, {2023: yr("HTXS")}),
        "CSTDCS",
        N,
    ),
    Legal(
        "cstdcs-2023-initiative",
        "NĐ 91/2017 Đ9 k3",
        person(2023, {2023: yr("HTT")}, initiatives=[ini(2023)]),
        "CSTDCS",
        E,
    ),
    Legal(
        "cstdcs-2024-htxs-no-initiative",
        "Luật TĐKT 2022 Đ23 (2024, NĐ 98)",
        person(2024, {2024: yr("HTXS")}),
        "CSTDCS",
        E,
    ),
    Legal(
        "cstdcs-2025-htxs-no-initiative",
        "Luật TĐKT 2022 Đ23 (2025, NĐ 152)",
        person(2025, {2025: yr("HTXS")}),
        "CSTDCS",
        E,
    ),
    # -- CSTĐ bộ/tỉnh: Luật 2022 Art 22 ----------------------------------------------------
    Legal(
        "cstd-tinh-3-years",
        "Luật TĐKT 2022 Đ22",
        person(
            2024, {**CSTDCS_22_23, 2024: yr("HTXS")}, initiatives=[ini(2023, "bo_tinh")]
        ),
        "CSTD_BO_TINH",
        E,
    ),
    Legal(
        "cstd-tinh-2-years",
        "Luật TĐKT 2022 Đ22",
        person(
            2024,
            {2023: yr("HTXS", "LDTT", "CSTDCS"), 2024: yr("HTXS")},
            initiatives=[ini(2023, "bo_tinh")],
        ),
        "CSTD_BO_TINH",
        N,
    ),
    Legal(
        "cstd-tinh-grassroots-initiative",
        "Luật TĐKT 2022 Đ22",
        person(2024, {**CSTDCS_22_23, 2024: yr("HTXS")}, initiatives=[ini(2023)]),
        "CSTD_BO_TINH",
        N,
    ),
    Legal(
        "cstd-tinh-national-initiative",
        "Luật TĐKT 2022 Đ22 (phạm vi rộng hơn đáp ứng)",
        person(
            2024,
            {**CSTDCS_22_23, 2024: yr("HTXS")},
            initiatives=[ini(2024, "toan_quoc")],
        ),
        "CSTD_BO_TINH",
        E,
    ),
    Legal(
        "cstd-tinh-initiative-outside-period",
        "Luật TĐKT 2022 Đ22 (sáng kiến trong 03 năm)",
        person(
            2024, {**CSTDCS_22_23, 2024: yr("HTXS")}, initiatives=[ini(2021, "bo_tinh")]
        ),
        "CSTD_BO_TINH",
        N,
    ),
    Legal(
        "cstd-tinh-gap",
        "Luật TĐKT 2022 Đ22 (liên tục)",
        person(
            2024,
            {
                2021: yr("HTXS", "LDTT", "CSTDCS"),
                2022: yr("HTXS", "LDTT", "CSTDCS"),
                2023: yr("HTT", "LDTT"),
                2024: yr("HTXS"),
            },
            initiatives=[ini(2024, "bo_tinh")],
        ),
        "CSTD_BO_TINH",
        N,
    ),
    Legal(
        "cstd-tinh-previous-2022",
        "NĐ 98/2023 Đ30 k9",
        person(
            2024,
            merge(
                run(2020, 2023, "HTXS", "LDTT", "CSTDCS"),
                {2022: yr("HTXS", "LDTT", "CSTDCS", "CSTD_BO_TINH"), 2024: yr("HTXS")},
            ),
            initiatives=[ini(2023, "bo_tinh")],
        ),
        "CSTD_BO_TINH",
        N,
    ),
    Legal(
        "cstd-tinh-previous-2021",
        "NĐ 98/2023 Đ30 k9",
        person(
            2024,
            merge(
                run(2019, 2023, "HTXS", "LDTT", "CSTDCS"),
                {2021: yr("HTXS", "LDTT", "CSTDCS", "CSTD_BO_TINH"), 2024: yr("HTXS")},
            ),
            initiatives=[ini(2023, "bo_tinh")],
        ),
        "CSTD_BO_TINH",
        E,
    ),
    Legal(
        "cstd-tinh-2023-old",
        "NĐ 91/2017 Đ9 k2",
        person(
            2023,
            {
                2021: yr("HTXS", "LDTT", "CSTDCS"),
                2022: yr("HTXS", "LDTT", "CSTDCS"),
                2023: yr("HTXS"),
            },
            initiatives=[ini(2023, "bo_tinh")],
        ),
        "CSTD_BO_TINH",
        E,
    ),
    # -- CSTĐ toàn quốc: Luật 2022 Art 21 ---------------------------------------------------
    Legal(
        "cstdtq-2-consecutive",
        "Luật TĐKT 2022 Đ21",
        person(
            2024,
            merge(
                run(2019, 2023, "HTXS", "LDTT", "CSTDCS"),
                {
                    2021: yr("HTXS", "LDTT", "CSTDCS", "CSTD_BO_TINH"),
                    2024: yr("HTXS", "CSTD_BO_TINH"),
                },
            ),
            initiatives=[ini(2023, "toan_quoc")],
        ),
        "CSTDTQ",
        E,
    ),
    Legal(
        "cstdtq-not-consecutive",
        "Luật TĐKT 2022 Đ21",
        person(
            2024,
            merge(
                run(2018, 2023, "HTXS", "LDTT", "CSTDCS"),
                {
                    2020: yr("HTXS", "LDTT", "CSTDCS", "CSTD_BO_TINH"),
                    2024: yr("HTXS", "CSTD_BO_TINH"),
                },
            ),
            initiatives=[ini(2023, "toan_quoc")],
        ),
        "CSTDTQ",
        N,
    ),
    Legal(
        "cstdtq-province-initiative-only",
        "Luật TĐKT 2022 Đ21 k2",
        person(
            2024,
            merge(
                run(2019, 2023, "HTXS", "LDTT", "CSTDCS"),
                {
                    2021: yr("HTXS", "LDTT", "CSTDCS", "CSTD_BO_TINH"),
                    2024: yr("HTXS", "CSTD_BO_TINH"),
                },
            ),
            initiatives=[ini(2023, "bo_tinh")],
        ),
        "CSTDTQ",
        N,
    ),
    Legal(
        "cstdtq-second-title-from-verdict",
        "Luật TĐKT 2022 Đ21 + Đ22 (danh hiệu năm xét theo kết quả xét)",
        person(
            2024,
            merge(
                run(2019, 2023, "HTXS", "LDTT", "CSTDCS"),
                {2021: yr("HTXS", "LDTT", "CSTDCS", "CSTD_BO_TINH"), 2024: yr("HTXS")},
            ),
            initiatives=[ini(2023, "toan_quoc")],
        ),
        "CSTDTQ",
        E,
    ),
    Legal(
        "cstdtq-previous-cstdtq",
        "NĐ 98/2023 Đ30 k9 (CSTĐTQ lần tiếp theo)",
        person(
            2024,
            merge(
                run(2019, 2023, "HTXS", "LDTT", "CSTDCS"),
                {
                    2021: yr("HTXS", "LDTT", "CSTDCS", "CSTD_BO_TINH", "CSTDTQ"),
                    2024: yr("HTXS", "CSTD_BO_TINH"),
                },
            ),
            initiatives=[ini(2023, "toan_quoc")],
        ),
        "CSTDTQ",
        N,
    ),
    # -- Bằng khen bộ/tỉnh: Luật 2022 Art 74 cl.1d ------------------------------------------
    Legal(
        "bk-tinh-2-cstdcs",
        "Luật TĐKT 2022 Đ74 k1 điểm d",
        person(2024, {2023: yr("HTXS", "LDTT", "CSTDCS"), 2024: yr("HTXS")}),
        "BK_BO_TINH",
        E,
    ),
    Legal(
        "bk-tinh-1-cstdcs",
        "Luật TĐKT 2022 Đ74 k1 điểm d",
        person(2024, {2023: yr("HTT", "LDTT"), 2024: yr("HTXS")}),
        "BK_BO_TINH",
        N,
    ),
    Legal(
        "bk-tinh-htxs-2-initiatives",
        "Luật TĐKT 2022 Đ74 k1 điểm d (ví dụ của Bộ Nội vụ)",
        person(
            2024,
            {2023: yr("HTXS", "LDTT"), 2024: yr("HTXS")},
            initiatives=[ini(2023), ini(2024)],
        ),
        "BK_BO_TINH",
        E,
    ),
    Legal(
        "bk-tinh-htxs-1-initiative",
        "Luật TĐKT 2022 Đ74 k1 điểm d",
        person(
            2024, {2023: yr("HTXS", "LDTT"), 2024: yr("HTXS")}, initiatives=[ini(2024)]
        ),
        "BK_BO_TINH",
        N,
    ),
    Legal(
        "bk-tinh-htxs-1-year",
        "Luật TĐKT 2022 Đ74 k1 điểm d",
        person(
            2024,
            {2023: yr("HTT", "LDTT"), 2024: yr("HTXS")},
            initiatives=[ini(2024), ini(2024)],
        ),
        "BK_BO_TINH",
        N,
    ),
    Legal(
        "bk-tinh-previous-2023",
        "NĐ 98/2023 Đ30 k9",
        person(
            2024,
            {2023: yr("HTXS", "LDTT", "CSTDCS"), 2024: yr("HTXS")},
            awards=[award("BK_BO_TINH", 2023)],
        ),
        "BK_BO_TINH",
        N,
    ),
    Legal(
        "bk-tinh-previous-2022",
        "NĐ 98/2023 Đ30 k9",
        person(
            2024,
            {2023: yr("HTXS", "LDTT", "CSTDCS"), 2024: yr("HTXS")},
            awards=[award("BK_BO_TINH", 2022)],
        ),
        "BK_BO_TINH",
        E,
    ),
    Legal(
        "bk-tinh-previous-dot-xuat",
        "NĐ 98/2023 Đ4 k3, Đ30 k9 (đột xuất không tính lại thời gian)",
        person(
            2024,
            {2023: yr("HTXS", "LDTT", "CSTDCS"), 2024: yr("HTXS")},
            awards=[award("BK_BO_TINH", 2023, "dot_xuat")],
        ),
        "BK_BO_TINH",
        E,
    ),
    Legal(
        "bk-tinh-previous-decision-date-only-2024",
        "NĐ 98/2023 Đ30 k9 (quyết định không ghi thời gian: tính từ ngày quyết định)",
        person(
            2024,
            {2023: yr("HTXS", "LDTT", "CSTDCS"), 2024: yr("HTXS")},
            awards=[{"code": "BK_BO_TINH", "decision_date": "2024-02-01"}],
        ),
        "BK_BO_TINH",
        N,
    ),
    Legal(
        "bk-tinh-previous-decision-date-only-2023",
        "NĐ 98/2023 Đ30 k9 (quyết định không ghi thời gian: tính từ ngày quyết định)",
        person(
            2024,
            {2023: yr("HTXS", "LDTT", "CSTDCS"), 2024: yr("HTXS")},
            awards=[{"code": "BK_BO_TINH", "decision_date": "2023-02-01"}],
        ),
        "BK_BO_TINH",
        E,
    ),
    # -- Bằng khen Thủ tướng: Luật 2022 Art 73 cl.1b ----------------------------------------
    Legal(
        "bk-ttg-5-years-after",
        "Luật TĐKT 2022 Đ73 k1 điểm b",
        person(
            2024,
            merge(
                run(2020, 2023, "HTT", "LDTT"),
                {
                    2020: yr("HTXS", "LDTT", "CSTDCS"),
                    2022: yr("HTXS", "LDTT", "CSTDCS"),
                    2024: yr("HTXS"),
                },
            ),
            awards=[award("BK_BO_TINH", 2019)],
        ),
        "BK_TTG",
        E,
    ),
    Legal(
        "bk-ttg-4-years-after",
        "Luật TĐKT 2022 Đ73 k1 điểm b",
        person(
            2024,
            merge(
                run(2018, 2023, "HTT", "LDTT"),
                {
                    2021: yr("HTXS", "LDTT", "CSTDCS"),
                    2022: yr("HTXS", "LDTT", "CSTDCS"),
                    2024: yr("HTXS"),
                },
            ),
            awards=[award("BK_BO_TINH", 2020)],
        ),
        "BK_TTG",
        N,
    ),
    Legal(
        "bk-ttg-window-not-after-bk",
        "Luật TĐKT 2022 Đ73 k1 điểm b (tham số bk_ttg_years_after_bk_bo_tinh=false)",
        person(
            2024,
            merge(
                run(2018, 2023, "HTT", "LDTT"),
                {
                    2021: yr("HTXS", "LDTT", "CSTDCS"),
                    2022: yr("HTXS", "LDTT", "CSTDCS"),
                    2024: yr("HTXS"),
                },
            ),
            awards=[award("BK_BO_TINH", 2020)],
        ),
        "BK_TTG",
        E,
        {"bk_ttg_years_after_bk_bo_tinh": False},
    ),
    Legal(
        "bk-ttg-2-cstdcs",
        "Luật TĐKT 2022 Đ73 k1 điểm b",
        person(
            2024,
            merge(
                run(2019, 2024, "HTT", "LDTT"),
                {
                    2020: yr("HTXS", "LDTT", "CSTDCS"),
                    2022: yr("HTXS", "LDTT", "CSTDCS"),
                },
            ),
            awards=[award("BK_BO_TINH", 2018)],
        ),
        "BK_TTG",
        N,
    ),
    Legal(
        "bk-ttg-dot-xuat-bk",
        "NĐ 98/2023 Đ4 k3 (đột xuất không làm căn cứ)",
        person(
            2024,
            merge(
                run(2019, 2023, "HTT", "LDTT"),
                {
                    2020: yr("HTXS", "LDTT", "CSTDCS"),
                    2022: yr("HTXS", "LDTT", "CSTDCS"),
                    2024: yr("HTXS"),
                },
            ),
            awards=[award("BK_BO_TINH", 2018, "dot_xuat")],
        ),
        "BK_TTG",
        N,
    ),
    Legal(
        "bk-ttg-chuyen-de-bk",
        "NĐ 98/2023 Đ4 k3 (chuyên đề không làm căn cứ)",
        person(
            2024,
            merge(
                run(2019, 2023, "HTT", "LDTT"),
                {
                    2020: yr("HTXS", "LDTT", "CSTDCS"),
                    2022: yr("HTXS", "LDTT", "CSTDCS"),
                    2024: yr("HTXS"),
                },
            ),
            awards=[award("BK_BO_TINH", 2018, "chuyen_de")],
        ),
        "BK_TTG",
        N,
    ),
    Legal(
        "bk-ttg-bk-used-by-previous-ttg",
        "Luật TĐKT 2022 Đ5 k2 + NĐ 98/2023 Đ30 k9 (một thành tích một lần khen)",
        person(
            2024,
            merge(
                run(2019, 2023, "HTT", "LDTT"),
                {
                    2020: yr("HTXS", "LDTT", "CSTDCS"),
                    2022: yr("HTXS", "LDTT", "CSTDCS"),
                    2024: yr("HTXS"),
                },
            ),
            awards=[award("BK_BO_TINH", 2012), award("BK_TTG", 2018)],
        ),
        "BK_TTG",
        N,
    ),
    # -- HCLĐ hạng Ba: NĐ 91/2017 Art 24 ---------------------------------------------------
    Legal(
        "hcld3-old-5-years",
        "NĐ 91/2017 Đ24",
        person(
            2022,
            run(2018, 2022, "HTXS", "LDTT"),
            awards=[award("BK_TTG", 2017)],
            initiatives=[ini(2019, "bo_tinh"), ini(2021, "bo_tinh")],
        ),
        "HCLD_3",
        E,
    ),
    Legal(
        "hcld3-old-4-years",
        "NĐ 91/2017 Đ24",
        person(
            2022,
            run(2018, 2022, "HTXS", "LDTT"),
            awards=[award("BK_TTG", 2018)],
            initiatives=[ini(2019, "bo_tinh"), ini(2021, "bo_tinh")],
        ),
        "HCLD_3",
        N,
    ),
    Legal(
        "hcld3-old-1-initiative",
        "NĐ 91/2017 Đ24",
        person(
            2022,
            run(2018, 2022, "HTXS", "LDTT"),
            awards=[award("BK_TTG", 2017)],
            initiatives=[ini(2019, "bo_tinh"), ini(2021)],
        ),
        "HCLD_3",
        N,
    ),
    # Luật 2022 Đ44 k1 e: "Bằng khen Thủ tướng, sau đó 05 năm liên tục trở lên HTT trở
    # lên, trong đó có ít nhất 01 năm HTXS, và 03 lần CSTĐCS" (defect D2: the engine
    # judged 2024+ with NĐ 91 Đ24).
    Legal(
        "hcld3-2024-luat2022",
        "Luật TĐKT 2022 Đ44 k1 điểm e",
        person(
            2024,
            merge(
                run(2019, 2024, "HTT", "LDTT"),
                {
                    2020: yr("HTXS", "LDTT", "CSTDCS"),
                    2022: yr("HTT", "LDTT", "CSTDCS"),
                    2024: yr("HTT", "LDTT", "CSTDCS"),
                },
            ),
            awards=[award("BK_TTG", 2018)],
        ),
        "HCLD_3",
        E,
    ),
    Legal(
        "hcld3-2024-no-htxs-year",
        "Luật TĐKT 2022 Đ44 k1 điểm e (≥ 01 năm HTXS)",
        person(
            2024,
            merge(
                run(2019, 2024, "HTT", "LDTT"),
                {
                    2020: yr("HTT", "LDTT", "CSTDCS"),
                    2022: yr("HTT", "LDTT", "CSTDCS"),
                    2024: yr("HTT", "LDTT", "CSTDCS"),
                },
            ),
            awards=[award("BK_TTG", 2018)],
        ),
        "HCLD_3",
        N,
    ),
    Legal(
        "hcld3-2024-years-before-bk-ttg",
        "Luật TĐKT 2022 Đ44 k1 điểm e (sau Bằng khen Thủ tướng)",
        person(
            2024,
            merge(
                run(2019, 2024, "HTT", "LDTT"),
                {2020: yr("HTXS", "LDTT", "CSTDCS"), 2022: yr("HTT", "LDTT", "CSTDCS")},
                {2024: yr("HTT", "LDTT", "CSTDCS")},
            ),
            awards=[award("BK_TTG", 2021)],
        ),
        "HCLD_3",
        N,
    ),
    Legal(
        "hcld3-2024-old-rule-by-policy",
        "NĐ 91/2017 Đ24 (cơ quan chọn tham số hcld3_use_nd91_criteria)",
        person(
            2024,
            merge(
                run(2019, 2024, "HTT", "LDTT"),
                {
                    2020: yr("HTXS", "LDTT", "CSTDCS"),
                    2022: yr("HTT", "LDTT", "CSTDCS"),
                    2024: yr("HTT", "LDTT", "CSTDCS"),
                },
            ),
            awards=[award("BK_TTG", 2018)],
        ),
        "HCLD_3",
        N,
        {"hcld3_use_nd91_criteria": True},
    ),
    Legal(
        "hcld3-2024-policy-default",
        "Luật TĐKT 2022 Đ44 k1 điểm e",
        person(2024, {2024: yr("HT")}),
        "HCLD_3",
        N,
    ),
    # -- Old rules of NĐ 91/2017 for review years to 2023 (defect D1 and the probable
    # BK bộ/tỉnh defect: the engine judged them with the 2022 criteria).
    Legal(
        "bk-ttg-2023-nd91-5-htxs-5-initiatives",
        "NĐ 91/2017 Đ38 k1 điểm c",
        person(
            2023,
            run(2019, 2023, "HTXS", "LDTT"),
            awards=[award("BK_BO_TINH", 2018)],
            initiatives=[ini(y) for y in range(2019, 2024)],
        ),
        "BK_TTG",
        E,
    ),
    Legal(
        "bk-ttg-2023-nd91-4-initiatives",
        "NĐ 91/2017 Đ38 k1 điểm c (05 sáng kiến)",
        person(
            2023,
            run(2019, 2023, "HTXS", "LDTT"),
            awards=[award("BK_BO_TINH", 2018)],
            initiatives=[ini(y) for y in range(2019, 2023)],
        ),
        "BK_TTG",
        N,
    ),
    Legal(
        "bk-ttg-2023-not-the-2022-criteria",
        "NĐ 91/2017 Đ38 k1 điểm c (không phải Luật 2022 Đ73)",
        person(
            2023,
            merge(
                run(2019, 2023, "HTT", "LDTT"),
                {
                    2019: yr("HTXS", "LDTT", "CSTDCS"),
                    2021: yr("HTXS", "LDTT", "CSTDCS"),
                    2023: yr("HTXS", "LDTT", "CSTDCS"),
                },
            ),
            awards=[award("BK_BO_TINH", 2018)],
        ),
        "BK_TTG",
        N,
    ),
    Legal(
        "bk-tinh-2023-nd91-2-htxs-2-initiatives",
        "NĐ 91/2017 Đ39 k1",
        person(
            2023, run(2022, 2023, "HTXS", "LDTT"), initiatives=[ini(2022), ini(2023)]
        ),
        "BK_BO_TINH",
        E,
    ),
    Legal(
        "bk-tinh-2023-two-cstdcs-not-enough",
        "NĐ 91/2017 Đ39 k1 (không phải Luật 2022 Đ74 k1 d)",
        person(
            2023,
            {2022: yr("HTT", "LDTT", "CSTDCS"), 2023: yr("HTT", "LDTT", "CSTDCS")},
        ),
        "BK_BO_TINH",
        N,
    ),
    # -- TTLĐXS: Luật 2022 Art 27 cl.1 -----------------------------------------------------
    Legal(
        "ttldxs-70",
        "Luật TĐKT 2022 Đ27 k1 c",
        collective(2024, {2024: team(ldtt=14)}),
        "TTLDXS",
        E,
    ),
    Legal(
        "ttldxs-69",
        "Luật TĐKT 2022 Đ27 k1 c",
        collective(2024, {2024: team(members=100, ldtt=69)}),
        "TTLDXS",
        N,
    ),
    Legal(
        "ttldxs-70-of-100",
        "Luật TĐKT 2022 Đ27 k1 c",
        collective(2024, {2024: team(members=100, ldtt=70)}),
        "TTLDXS",
        E,
    ),
    Legal(
        "ttldxs-99-completed",
        "Luật TĐKT 2022 Đ27 k1 c",
        collective(2024, {2024: team(members=100, completed=99, ldtt=80)}),
        "TTLDXS",
        N,
    ),
    Legal(
        "ttldxs-no-cstdcs",
        "Luật TĐKT 2022 Đ27 k1 d",
        collective(2024, {2024: team(cstdcs=0)}),
        "TTLDXS",
        N,
    ),
    Legal(
        "ttldxs-htt",
        "Luật TĐKT 2022 Đ27 k1 a",
        collective(2024, {2024: team("HTT")}),
        "TTLDXS",
        N,
    ),
    Legal(
        "ttldxs-old-disciplined",
        "Luật TĐKT 2003 Đ27",
        collective(2023, {2023: team(disciplined=1)}),
        "TTLDXS",
        N,
    ),
    Legal(
        "ttldxs-new-disciplined",
        "Luật TĐKT 2022 Đ27 (không có điều kiện kỷ luật)",
        collective(2024, {2024: team(disciplined=1)}),
        "TTLDXS",
        E,
    ),
    # -- TTLĐTT: Luật 2003 Art 28 (old > 50 %); Luật 2022 Art 28 as policy --------------------
    Legal(
        "ttldtt-old-55",
        "Luật TĐKT 2003 Đ28",
        collective(2023, {2023: team("HTT", ldtt=11, cstdcs=0)}),
        "TTLDTT",
        E,
    ),
    Legal(
        "ttldtt-old-50",
        "Luật TĐKT 2003 Đ28 (trên 50 %)",
        collective(2023, {2023: team("HTT", ldtt=10, cstdcs=0)}),
        "TTLDTT",
        N,
    ),
    Legal(
        "ttldtt-new-50-default",
        "Luật TĐKT 2022 Đ28 (tham số)",
        collective(2024, {2024: team("HTT", ldtt=10, cstdcs=0)}),
        "TTLDTT",
        N,
    ),
    Legal(
        "ttldtt-new-50-policy",
        "Luật TĐKT 2022 Đ28 k3 (cơ quan quy định trên 50 %)",
        collective(2024, {2024: team("HTT", ldtt=11, cstdcs=0)}),
        "TTLDTT",
        E,
        {"ttldtt_min_share_ldtt": 0.5},
    ),
    Legal(
        "ttldtt-new-70-default",
        "Luật TĐKT 2022 Đ28 k1 (từ 70 %)",
        collective(2024, {2024: team("HTT", ldtt=14, cstdcs=0)}),
        "TTLDTT",
        E,
    ),
    Legal(
        "ttldtt-new-65-default",
        "Luật TĐKT 2022 Đ28 k1 (từ 70 %)",
        collective(2025, {2025: team("HTT", ldtt=13, cstdcs=0)}),
        "TTLDTT",
        N,
    ),
    Legal(
        "ttldtt-education-70",
        "TT 29/2023/TT-BGDĐT Đ6 (tham số ≥ 70 %)",
        collective(2024, {2024: team("HTT", ldtt=13, cstdcs=0)}),
        "TTLDTT",
        N,
        {"ttldtt_min_share_ldtt": 0.7, "ttldtt_share_strict": False},
    ),
    Legal(
        "ttldtt-disciplined",
        "Luật TĐKT 2022 Đ28",
        collective(2024, {2024: team("HTT", disciplined=1)}),
        "TTLDTT",
        N,
    ),
    Legal(
        "ttldtt-ht",
        "Luật TĐKT 2022 Đ28",
        collective(2024, {2024: team("HT")}),
        "TTLDTT",
        N,
    ),
    # -- Cờ thi đua bộ/tỉnh: Luật 2022 Art 26 ---------------------------------------------
    Legal(
        "co-tinh-cluster",
        "Luật TĐKT 2022 Đ26 k1",
        collective(2024, {2024: team(leads_cluster="bo_tinh")}),
        "CO_BO_TINH",
        E,
    ),
    Legal(
        "co-tinh-movement-3y",
        "Luật TĐKT 2022 Đ26 k2",
        collective(
            2024, {2024: team(leads_movement={"launcher": "bo_tinh", "years": 3})}
        ),
        "CO_BO_TINH",
        E,
    ),
    Legal(
        "co-tinh-movement-2y",
        "Luật TĐKT 2022 Đ26 k2",
        collective(
            2024, {2024: team(leads_movement={"launcher": "bo_tinh", "years": 2})}
        ),
        "CO_BO_TINH",
        N,
    ),
    Legal(
        "co-tinh-no-lead",
        "Luật TĐKT 2022 Đ26",
        collective(2024, {2024: team()}),
        "CO_BO_TINH",
        N,
    ),
    Legal(
        "co-tinh-old-movement",
        "TT 08/2017 Đ8 (chỉ cụm, khối)",
        collective(
            2023, {2023: team(leads_movement={"launcher": "bo_tinh", "years": 3})}
        ),
        "CO_BO_TINH",
        N,
    ),
    Legal(
        "co-tinh-needs-ttldxs",
        "TT 22/2023/TT-BCT Đ6 (tham số)",
        collective(2024, {2024: team(members=20, ldtt=10, leads_cluster="bo_tinh")}),
        "CO_BO_TINH",
        N,
        {"co_bo_tinh_requires_ttldxs": True},
    ),
    # -- Cờ thi đua Chính phủ: Luật 2022 Art 25 -------------------------------------------
    Legal(
        "co-cp-central",
        "Luật TĐKT 2022 Đ25 k2",
        collective(2024, {2024: team(leads_cluster="trung_uong")}),
        "CO_CP",
        E,
    ),
    Legal(
        "co-cp-pm-movement-5y",
        "Luật TĐKT 2022 Đ25 k3",
        collective(
            2025, {2025: team(leads_movement={"launcher": "thu_tuong", "years": 5})}
        ),
        "CO_CP",
        E,
    ),
    Legal(
        "co-cp-pm-movement-4y",
        "Luật TĐKT 2022 Đ25 k3",
        collective(
            2025, {2025: team(leads_movement={"launcher": "thu_tuong", "years": 4})}
        ),
        "CO_CP",
        N,
    ),
    # -- Giấy khen: Luật 2022 Art 75 cl.2 (issuer criteria) ---------------------------------
    Legal(
        "giay-khen-default",
        "Luật TĐKT 2022 Đ75 k2",
        person(2024, {2024: yr("HT")}),
        "GIAY_KHEN",
        E,
    ),
    Legal(
        "giay-khen-issuer-rating",
        "Luật TĐKT 2022 Đ75 k2 (tham số giay_khen_min_rating)",
        person(2024, {2024: yr("HT")}),
        "GIAY_KHEN",
        N,
        {"giay_khen_min_rating": "HTT"},
    ),
    # -- Guards: NĐ 98/2023 Art 4 -----------------------------------------------------------
    Legal(
        "guard-review",
        "NĐ 98/2023 Đ4 k4",
        person(2024, {2024: yr("HTXS")}, under_review=True),
        "LDTT",
        B,
    ),
    Legal(
        "guard-review-old",
        "NĐ 91/2017 (tham số nd91_guards)",
        person(2023, {2023: yr("HTXS")}, under_review=True),
        "LDTT",
        B,
    ),
    Legal(
        "guard-review-old-off",
        "NĐ 91/2017 (tham số nd91_guards=false)",
        person(2023, {2023: yr("HTXS")}, under_review=True),
        "LDTT",
        E,
        {"nd91_guards": False},
    ),
    Legal(
        "discipline-ends-day-before",
        "NĐ 98/2023 Đ4 k4",
        person(
            2024,
            {2024: yr("HTT")},
            discipline=[
                {"form": "khien_trach", "from": "2023-01-01", "to": "2023-12-31"}
            ],
        ),
        "LDTT",
        E,
    ),
    Legal(
        "discipline-ends-on-first-day",
        "NĐ 98/2023 Đ4 k4",
        person(
            2024,
            {2024: yr("HTT")},
            discipline=[
                {"form": "khien_trach", "from": "2023-01-01", "to": "2024-01-01"}
            ],
        ),
        "LDTT",
        E,
    ),
    Legal(
        "discipline-ends-day-after",
        "NĐ 98/2023 Đ4 k4",
        person(
            2024,
            {2024: yr("HTT")},
            discipline=[
                {"form": "khien_trach", "from": "2023-01-02", "to": "2024-01-02"}
            ],
        ),
        "LDTT",
        N,
    ),
    Legal(
        "discipline-ends-day-after-partial-year",
        "NĐ 98/2023 Đ4 k4 (tham số discipline_partial_year=include)",
        person(
            2024,
            {2024: yr("HTT")},
            discipline=[
                {"form": "khien_trach", "from": "2023-01-02", "to": "2024-01-02"}
            ],
        ),
        "LDTT",
        E,
        {"discipline_partial_year": "include"},
    ),
    Legal(
        "discipline-resets-cstdcs-chain",
        "NĐ 98/2023 Đ4 k4",
        person(
            2024,
            merge(run(2021, 2023, "HTXS", "LDTT", "CSTDCS"), {2024: yr("HTXS")}),
            initiatives=[ini(2024, "bo_tinh")],
            discipline=[{"form": "canh_cao", "from": "2021-06-01", "to": "2022-06-01"}],
        ),
        "CSTD_BO_TINH",
        N,
    ),
    Legal(
        "discipline-open-ended",
        "NĐ 98/2023 Đ4 k4",
        person(
            2024,
            {2024: yr("HTT")},
            discipline=[{"form": "canh_cao", "from": "2020-06-01"}],
        ),
        "LDTT",
        N,
    ),
    Legal(
        "discipline-after-review-year",
        "NĐ 98/2023 Đ4 k4 (kỷ luật sau năm xét)",
        person(
            2024,
            {2024: yr("HTT")},
            discipline=[{"form": "canh_cao", "from": "2025-02-01", "to": "2026-02-01"}],
        ),
        "LDTT",
        E,
    ),
    # -- Subject kind ----------------------------------------------------------------------
    Legal(
        "kind-ldtt-collective",
        "Luật TĐKT 2022 Đ19, Đ20",
        collective(2024, {2024: team()}, codes=["LDTT"]),
        "LDTT",
        N,
    ),
    Legal(
        "kind-ttldxs-person",
        "Luật TĐKT 2022 Đ19, Đ20",
        person(2024, {2024: yr("HTXS")}, codes=["TTLDXS"]),
        "TTLDXS",
        N,
    ),
]


def test_table_is_large_and_named():
    assert len(TABLE) >= 60
    assert len({entry.id for entry in TABLE}) == len(TABLE)
    assert all(entry.article for entry in TABLE)


@pytest.mark.parametrize("entry", TABLE, ids=lambda e: e.id)
def test_legal_case(entry: Legal):
    report = evaluate(entry.case, entry.policy)
    result = report.get(entry.code)
    assert result is not None, f"{entry.code} missing from {report.to_dict()}"
    details = "\n".join(
        f"  {met!s:5} {spec.text} | {spec.required} | {found}"
        for spec, met, found in result.conditions()
    )
    assert result.status == entry.expected, f"{entry.id} ({entry.article}):\n{details}"
