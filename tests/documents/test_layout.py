"""Layout: defaults inside NĐ 30's ranges, JSON round trip, refusals."""

import json

import pytest

from thidua.documents.rendering import STYLE_SIZES, Layout, LayoutError, Margins


def test_defaults_are_inside_the_decree_ranges():
    layout = Layout()
    assert layout.problems() == []
    assert (layout.margins.top_mm, layout.margins.bottom_mm) == (20, 20)
    assert (layout.margins.left_mm, layout.margins.right_mm) == (30, 15)
    assert layout.text_width_cm == pytest.approx(16.5)
    assert layout.size("quoc_hieu") == 13
    assert layout.size("tieu_ngu") == 14
    assert layout.size("noi_nhan_label") == 12
    assert layout.size("noi_nhan_item") == 11


def test_profile_b_is_twelve_thirteen():
    layout = Layout(size_profile="B")
    assert layout.size("quoc_hieu") == 12
    assert layout.size("tieu_ngu") == 13
    assert layout.size("body") == 13
    assert layout.size("so_ky_hieu") == 13  # fixed at 13 by the decree
    for style, (low, high, a, b) in STYLE_SIZES.items():
        assert low <= a <= high and low <= b <= high, style


def test_json_round_trip_and_partial_documents():
    layout = Layout(
        margins=Margins(25, 20, 35, 20), size_profile="B", sizes={"body": 14}
    )
    again = Layout.from_json(layout.to_json())
    assert again == layout
    partial = Layout.from_json(
        '{"margins": {"left_mm": 35}, "tieu_ngu": "Độc lập – Tự do – Hạnh phúc"}'
    )
    assert partial.margins == Margins(left_mm=35)
    assert partial.tieu_ngu == "Độc lập – Tự do – Hạnh phúc"
    assert partial.size_profile == "A"
    assert json.loads(Layout().to_json())["header_columns_cm"] == [6.8, 10.2]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"margins": {"top_mm": 15}}, "Lề trên phải từ 20 đến 25 mm"),
        ({"margins": {"left_mm": 40}}, "Lề trái phải từ 30 đến 35 mm"),
        ({"margins": {"right_mm": 10}}, "Lề phải phải từ 15 đến 20 mm"),
        ({"size_profile": "C"}, "Bộ cỡ chữ"),
        ({"sizes": {"quoc_hieu": 14}}, "Cỡ chữ quoc_hieu phải từ 12 đến 13"),
        ({"sizes": {"bogus": 12}}, "Không có kiểu chữ"),
        ({"first_line_indent_cm": 2}, "Thụt đầu dòng"),
        ({"paragraph_spacing_pt": 3}, "tối thiểu là 6 pt"),
        ({"line_spacing": 2}, "1,5 dòng"),
        ({"rule_ratio": 0.8}, "1/3 đến 1/2"),
        ({"header_distance_mm": 19}, "lề trên"),
        ({"colour": "red"}, "Không có thiết lập 'colour'"),
        ({"margins": {"gutter_mm": 1}}, "Không có thiết lập lề 'gutter_mm'"),
        ({"margins": "wide"}, "sai kiểu"),
        ({"line_spacing": "double"}, "sai kiểu"),
        ({"header_columns_cm": [5, 5, 6.5]}, "có 2 cột"),
        ({"signature_columns_cm": [0, 16.5]}, "phải dương"),
    ],
)
def test_refusals_name_the_rule(data, message):
    with pytest.raises(LayoutError, match=message):
        Layout.from_dict(data)


def test_every_problem_is_listed_and_bad_json_is_refused():
    with pytest.raises(LayoutError) as info:
        Layout.from_dict(
            {"margins": {"bottom_mm": 1, "right_mm": 1}, "line_spacing": 3}
        )
    assert len(info.value.problems) == 3
    with pytest.raises(LayoutError, match="JSON không hợp lệ"):
        Layout.from_json("{")
    with pytest.raises(LayoutError, match="phải là một đối tượng"):
        Layout.from_json("[]")
