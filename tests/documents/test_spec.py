"""Spec rules: number and date formats, list punctuation, markup, bad input."""

import datetime
import unicodedata

import pytest

from thidua.documents.rendering import (
    Article,
    Document,
    Issuer,
    Item,
    Paragraph,
    Run,
    Section,
    Signer,
    SpecError,
    Table,
    date_line,
    format_number,
    parse,
    render_docx,
    rich,
    roman,
    vietnamese_letter,
)

ISSUER = Issuer("Sở Kế hoạch và Đầu tư", "SKHĐT", "UBND tỉnh Lạng Sơn")


def make(**changes):
    values = {
        "issuer": ISSUER,
        "type_title": "Quyết định",
        "type_code": "QĐ",
        "trich_yeu": "Về việc tặng Giấy khen",
        "place": "Lạng Sơn",
        "issue_date": datetime.date(2024, 3, 5),
        "number": 5,
        "body": (Paragraph("Nội dung."),),
        "signer": Signer("Giám đốc", "Vũ Hoàng Quý"),
    }
    values.update(changes)
    return Document(**values)


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (datetime.date(2023, 1, 31), "Lạng Sơn, ngày 31 tháng 01 năm 2023"),
        (datetime.date(2020, 2, 5), "Lạng Sơn, ngày 05 tháng 02 năm 2020"),
        (datetime.date(2020, 3, 5), "Lạng Sơn, ngày 05 tháng 3 năm 2020"),
        (datetime.date(2024, 9, 9), "Lạng Sơn, ngày 09 tháng 9 năm 2024"),
        (datetime.date(2024, 10, 10), "Lạng Sơn, ngày 10 tháng 10 năm 2024"),
        (datetime.date(2024, 12, 1), "Lạng Sơn, ngày 01 tháng 12 năm 2024"),
    ],
)
def test_date_line_pads_days_below_ten_and_months_one_and_two(date, expected):
    assert date_line("Lạng Sơn", date) == expected


def test_draft_date_and_number_are_left_blank():
    spec = make(number=None, issue_date=None)
    assert spec.number_line.startswith("Số: ")
    assert spec.number_line.endswith("/QĐ-SKHĐT")
    assert not any(ch.isdigit() for ch in spec.number_line)
    assert spec.date_text.startswith("Lạng Sơn, ngày")
    assert not any(ch.isdigit() for ch in spec.date_text)


def test_number_padding_and_symbol():
    assert format_number(5) == "05"
    assert format_number(10) == "10"
    assert format_number(173) == "173"
    assert make().number_line == "Số: 05/QĐ-SKHĐT"
    assert make(number=173, type_code="PD").number_text == "173/PD-SKHĐT"
    assert make(number=4, type_code="TTr").number_text == "04/TTr-SKHĐT"
    # A công văn: issuer abbreviation + drafting unit, no type code.
    assert make(number=12, symbol="SKHĐT-VP").number_text == "12/SKHĐT-VP"


def test_recipient_and_filing_lines():
    spec = make(
        recipients=("Như Điều 3", "- Lãnh đạo Sở;", "Website Sở."), filing=("VT", "VP")
    )
    assert spec.recipient_lines == (
        "- Như Điều 3;",
        "- Lãnh đạo Sở;",
        "- Website Sở;",
        "- Lưu: VT, VP.",
    )
    assert make().recipient_lines == ("- Lưu: VT.",)


def test_kinh_gui_one_or_several():
    # One recipient as typed (NĐ 30 Mẫu 1.5 has no mark after it).
    assert make(kinh_gui=("Sở Nội vụ",)).kinh_gui_lines == ("Sở Nội vụ",)
    assert make(kinh_gui=("Sở Nội vụ.",)).kinh_gui_lines == ("Sở Nội vụ.",)
    assert make(kinh_gui=("Sở Nội vụ;",)).kinh_gui_lines == ("Sở Nội vụ",)
    assert make(kinh_gui=("UBND tỉnh", "Sở Nội vụ;")).kinh_gui_lines == (
        "- UBND tỉnh;",
        "- Sở Nội vụ.",
    )


def test_can_cu_lines_end_with_semicolons_then_a_full_stop():
    spec = make(
        bases=(
            "Căn cứ Luật Thi đua, khen thưởng.",
            "*Theo đề nghị của Chánh Văn phòng*",
        )
    )
    assert [r.text for r in spec.bases[0]][-1].endswith("khen thưởng;")
    assert spec.bases[1] == (Run("Theo đề nghị của Chánh Văn phòng.", italic=True),)


def test_signer_title_lines():
    assert Signer("Giám đốc", "A").title_lines == ("GIÁM ĐỐC",)
    deputy = Signer("Phó Giám đốc", "B", authority="KT.", principal="Giám đốc")
    assert deputy.title_lines == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    collective = Signer("Chủ tịch", "C", authority="TM.", principal="Ủy ban nhân dân")
    assert collective.title_lines == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    # The acting head: "Q." before the title he acts in, on one line, nobody above.
    acting = Signer("Giám đốc", "D", authority="Q.")
    assert acting.title_lines == ("Q. GIÁM ĐỐC",) and acting.problems("x") == []
    # KT./TL./TUQ. always name the head signed for.
    assert Signer("Chánh Văn phòng", "E", authority="TUQ.").problems("người ký") == [
        "Thiếu tên tập thể hoặc chức vụ người đứng đầu sau TUQ."
    ]


def test_numbering_helpers():
    assert [roman(n) for n in (1, 2, 3, 4, 9, 14, 40)] == [
        "I",
        "II",
        "III",
        "IV",
        "IX",
        "XIV",
        "XL",
    ]
    letters = [vietnamese_letter(i) for i in range(8)]
    assert letters == ["a", "b", "c", "d", "đ", "e", "g", "h"]


def test_markup_matches_the_project_grammar():
    runs = parse("Chủ đề: **“Siết chặt *kỷ cương*”**, xem[^Ghi chú.] và *nghiêng*.")
    assert runs == (
        Run("Chủ đề: "),
        Run("“Siết chặt ", bold=True),
        Run("kỷ cương", bold=True, italic=True),
        Run("”", bold=True),
        Run(", xem"),
        Run("", footnote="Ghi chú."),
        Run(" và "),
        Run("nghiêng", italic=True),
        Run("."),
    )


def test_text_is_normalised_to_nfc_at_the_boundary():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh Tuyết")
    spec = make(signer=Signer("Giám đốc", decomposed), trich_yeu=decomposed)
    assert spec.signer.name == "Nguyễn Thị Ánh Tuyết"
    assert spec.trich_yeu == "Nguyễn Thị Ánh Tuyết"
    assert rich(decomposed)[0].text == "Nguyễn Thị Ánh Tuyết"


def test_empty_trich_yeu_is_a_clear_error():
    with pytest.raises(SpecError, match="Thiếu trích yếu nội dung văn bản") as info:
        render_docx(make(trich_yeu="   "))
    assert info.value.problems == ["Thiếu trích yếu nội dung văn bản"]


def test_every_problem_is_listed_at_once():
    spec = make(
        issuer=Issuer("", ""),
        trich_yeu="",
        place="",
        number=0,
        body=(),
        signer=Signer("", "", authority="XX."),
    )
    problems = spec.problems()
    assert len(problems) >= 8
    for needle in (
        "tên cơ quan",
        "chữ viết tắt",
        "Số văn bản",
        "địa danh",
        "trích yếu",
        "nội dung",
        "chức vụ",
        "họ tên",
        "XX.",
    ):
        assert any(needle in p for p in problems), needle
    with pytest.raises(SpecError) as info:
        render_docx(spec)
    assert info.value.problems == problems


def test_malformed_blocks_are_reported():
    spec = make(
        body=(
            Section("", (Item(),)),
            Article((Item("x"),)),
            Paragraph("   "),
            Table(("A", "B"), (("1",),)),
            "loose text",
        )
    )
    problems = spec.problems()
    assert "Một mục chưa có tiêu đề" in problems
    assert "Một khoản chưa có nội dung" in problems
    assert "Điều không có tiêu đề phải bắt đầu bằng một đoạn văn" in problems
    assert "Có đoạn văn trống" in problems
    assert "Bảng có số cột không khớp với dòng tiêu đề" in problems
    assert "Thành phần nội dung không được hỗ trợ: str" in problems


def test_symbol_with_spaces_is_refused():
    assert any("Ký hiệu" in p for p in make(symbol="SKHĐT - VP").problems())
    assert any("tên loại" in p for p in make(type_code="Q Đ").problems())
