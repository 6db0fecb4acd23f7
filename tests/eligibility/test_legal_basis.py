"""The "Căn cứ" lines by the day a document is signed (issue #15: a 2008 decision
cites the 2003 Law, not the 2022 one)."""

from datetime import date

import pytest

from thidua.eligibility.legal_basis import DECREE_TEXTS, LAW_TEXTS, basis_lines


@pytest.mark.parametrize(
    "day, law, decree",
    [
        (date(2008, 3, 1), "ngày 26 tháng 11 năm 2003; Luật sửa đổi", "các văn bản"),
        (date(2012, 1, 5), "ngày 14 tháng 6 năm 2005", "42/2010/NĐ-CP"),
        (date(2016, 1, 5), "và ngày 16 tháng 11 năm 2013", "65/2014/NĐ-CP"),
        (date(2023, 12, 31), "ngày 26 tháng 11 năm 2003", "91/2017/NĐ-CP"),
        (date(2024, 1, 1), "ngày 15 tháng 6 năm 2022", "98/2023/NĐ-CP"),
        (date(2025, 6, 30), "ngày 15 tháng 6 năm 2022", "98/2023/NĐ-CP"),
        (date(2025, 7, 1), "ngày 15 tháng 6 năm 2022", "152/2025/NĐ-CP"),
        (date(2026, 10, 1), "06/2026/QH16", "152/2025/NĐ-CP"),
        (date(2001, 1, 1), "ngày 26 tháng 11 năm 2003", "các văn bản"),
    ],
)
def test_basis_by_day(day, law, decree):
    law_line, decree_line = basis_lines(day)
    assert law_line.startswith("Căn cứ Luật Thi đua, khen thưởng") and law in law_line
    assert decree_line.startswith("Căn cứ") and decree in decree_line


@pytest.mark.parametrize("texts", [LAW_TEXTS, DECREE_TEXTS])
def test_periods_follow_each_other_without_gap_or_overlap(texts):
    for before, after in zip(texts, texts[1:], strict=False):
        assert (after.since - before.until).days == 1
    assert texts[-1].until is None
