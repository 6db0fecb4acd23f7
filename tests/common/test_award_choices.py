"""The award select, grouped as officers look for a form."""

from thidua.common.awards import grouped_choices
from thidua.eligibility.catalog import COLLECTIVE_CODES, INDIVIDUAL_CODES


def test_groups_hold_every_code_once_and_skip_empty_groups():
    groups = grouped_choices(INDIVIDUAL_CODES)
    assert [str(label) for label, _ in groups] == [
        "Danh hiệu thi đua",
        "Bằng khen, Giấy khen",
        "Huân chương",
        "Danh hiệu vinh dự nhà nước",
        "Kỷ niệm chương",
    ]
    codes = [code for _, options in groups for code, _name in options]
    assert sorted(codes) == sorted(INDIVIDUAL_CODES)
    collective = grouped_choices(COLLECTIVE_CODES)
    assert "Kỷ niệm chương" not in [str(label) for label, _ in collective]
    assert ("HCLD_2", "Huân chương Lao động hạng Nhì") in dict(collective)[
        next(label for label, _ in collective if str(label) == "Huân chương")
    ]
