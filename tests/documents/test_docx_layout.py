"""The seed's DOCX against NĐ 30/2020 Phụ lục I (no LibreOffice needed)."""

import unicodedata

from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph

from thidua.documents.rendering import Layout, render_docx, sha256
from thidua.documents.rendering.metrics import text_width_pt

from .helpers import (
    W_R,
    all_parts_xml,
    find_paragraph,
    open_docx,
    paragraph_text,
    text_runs,
)

FONT = "Times New Roman"


def test_page_is_a4_portrait_with_margins_in_range(seed_docx):
    document = open_docx(seed_docx)
    for section in document.sections:
        assert abs(section.page_width.mm - 210) < 0.1
        assert abs(section.page_height.mm - 297) < 0.1
        assert 20 <= round(section.top_margin.mm, 1) <= 25
        assert 20 <= round(section.bottom_margin.mm, 1) <= 25
        assert 30 <= round(section.left_margin.mm, 1) <= 35
        assert 15 <= round(section.right_margin.mm, 1) <= 20


def test_every_run_is_times_new_roman_in_every_script_slot(seed_docx):
    document = open_docx(seed_docx)
    runs = 0
    for root in all_parts_xml(document):
        for run in root.iter(W_R):
            runs += 1
            fonts = run.find(qn("w:rPr")).find(qn("w:rFonts"))
            for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
                assert fonts.get(qn(f"w:{slot}")) == FONT, (
                    slot,
                    run.xpath("string(.)"),
                )
    assert runs > 50
    defaults = document.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    assert {fonts.get(qn(f"w:{s}")) for s in ("ascii", "hAnsi", "eastAsia", "cs")} == {
        FONT
    }


def _style(document, text, *, exact=True):
    paragraph = find_paragraph(document, text, exact=exact)
    runs = text_runs(paragraph)
    assert runs, text
    sizes = {run.font.size.pt for run in runs}
    bold = {bool(run.font.bold) for run in runs}
    italic = {bool(run.font.italic) for run in runs}
    assert len(sizes) == len(bold) == len(italic) == 1, (text, sizes, bold, italic)
    return paragraph, sizes.pop(), bold.pop(), italic.pop()


def test_sizes_and_styles_follow_the_style_table(seed_docx):
    document = open_docx(seed_docx)
    expected = {
        # text: (size, bold, italic) — profile A of nd30-and-forms.md §2.12
        "UBND TỈNH LẠNG SƠN": (13, False, False),
        "SỞ KẾ HOẠCH VÀ ĐẦU TƯ": (13, True, False),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": (13, True, False),
        "Độc lập - Tự do - Hạnh phúc": (14, True, False),
        "Số: 173/PD-SKHĐT": (13, False, False),
        "Lạng Sơn, ngày 31 tháng 01 năm 2023": (14, False, True),
        "PHÁT ĐỘNG": (14, True, False),
        "Phong trào thi đua thực hiện thắng lợi nhiệm vụ chính trị năm 2023": (
            14,
            True,
            False,
        ),
        "I. MỤC ĐÍCH": (14, True, False),
        "IV. TỔ CHỨC THỰC HIỆN": (14, True, False),
        "Nơi nhận:": (12, True, True),
        "- Hội đồng TĐKT tỉnh;": (11, False, False),
        "- Lưu: VT, VP.": (11, False, False),
        "GIÁM ĐỐC": (14, True, False),
        "Vũ Hoàng Quý": (14, True, False),
    }
    for text, style in expected.items():
        assert _style(document, text)[1:] == style, text
    for text in ("UBND TỈNH LẠNG SƠN", "PHÁT ĐỘNG", "GIÁM ĐỐC", "Vũ Hoàng Quý"):
        assert find_paragraph(document, text).alignment == 1  # centre
    assert find_paragraph(document, "Nơi nhận:").alignment == 0  # left


def test_body_paragraphs_are_justified_indented_and_spaced(seed_docx):
    document = open_docx(seed_docx)
    layout = Layout()
    paragraph, size, bold, italic = _style(
        document, "Thực hiện Chi thị số 02/CT-UBND", exact=False
    )
    assert (size, bold, italic) == (14, False, False)
    for start in ("Thực hiện Chi thị", "1. Động viên", "Trên tinh thần tích cực"):
        fmt = find_paragraph(document, start, exact=False).paragraph_format
        assert fmt.alignment == 3  # justify
        # 1 cm or 1.27 cm (Phụ lục I, II.6); the layout's default is 1.27 cm.
        assert abs(fmt.first_line_indent.cm - layout.first_line_indent_cm) < 0.01
        assert fmt.space_after.pt >= 6
        assert 1.0 <= fmt.line_spacing <= 1.5
    # Inline formatting of the seed: the bold-quoted theme, the italic movement names.
    theme = find_paragraph(document, "Nhằm phát huy tinh thần", exact=False)
    bold_runs = [r.text for r in theme.runs if r.font.bold]
    assert bold_runs == [
        "“Siết chặt kỷ cương, tăng cường trách nhiệm, quyết liệt hành động, sáng tạo bút phá”"
    ]
    item5 = find_paragraph(document, "5. Phối hợp", exact=False)
    assert [r.text for r in item5.runs if r.font.italic][0].startswith(
        "Đẩy nhanh tiến độ"
    )


def test_header_table_has_fixed_grid_widths(seed_docx):
    document = open_docx(seed_docx)
    layout = Layout()
    header = document.tables[0]
    grid = [
        int(col.get(qn("w:w"))) for col in header._tbl.tblGrid.iter(qn("w:gridCol"))
    ]
    assert grid == [Cm(w).twips for w in layout.header_columns_cm]
    assert header._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    assert paragraph_text(header.cell(1, 0)._tc) == "Số: 173/PD-SKHĐT"
    assert (
        paragraph_text(header.cell(1, 1)._tc) == "Lạng Sơn, ngày 31 tháng 01 năm 2023"
    )
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}


def _rule_length_pt(paragraph, available_pt):
    fmt = paragraph.paragraph_format
    assert (
        paragraph._p.pPr.find(qn("w:pBdr")).find(qn("w:top")).get(qn("w:val"))
        == "single"
    )
    return available_pt - fmt.left_indent.pt - fmt.right_indent.pt


def test_rules_have_the_lengths_the_decree_sets(seed_docx):
    document = open_docx(seed_docx)
    layout = Layout()
    header = document.tables[0]
    left_pt, right_pt = (Cm(w).pt for w in layout.header_columns_cm)
    issuer_rule = header.cell(0, 0).paragraphs[-1]
    issuer = text_width_pt("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", 13, bold=True)
    assert issuer / 3 <= _rule_length_pt(issuer_rule, left_pt) <= issuer / 2
    motto_rule = header.cell(0, 1).paragraphs[-1]
    motto = text_width_pt("Độc lập - Tự do - Hạnh phúc", 14, bold=True)
    assert abs(_rule_length_pt(motto_rule, right_pt) - motto) < 1
    summary = find_paragraph(document, "Phong trào thi đua thực hiện", exact=False)
    rule = Paragraph(summary._p.getnext(), summary._parent)
    text_pt = Cm(layout.text_width_cm).pt
    summary_pt = text_width_pt(paragraph_text(summary._p), 14, bold=True)
    length = _rule_length_pt(rule, text_pt)
    assert summary_pt / 3 <= length <= summary_pt / 2


def test_page_number_in_header_hidden_on_first_page(seed_docx):
    document = open_docx(seed_docx)
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert section._sectPr.find(qn("w:titlePg")) is not None
    header = section.header._element
    instructions = [i.text.strip() for i in header.iter(qn("w:instrText"))]
    assert instructions == ["PAGE"]
    page_number = section.header.paragraphs[0]
    assert page_number.alignment == 1
    assert {r.font.size.pt for r in text_runs(page_number)} == {14}
    first = section.first_page_header._element
    assert not list(first.iter(qn("w:instrText")))
    assert not "".join(t.text or "" for t in first.iter(qn("w:t"))).strip()
    assert section.header_distance.mm < section.top_margin.mm


def test_footnote_part_is_present_and_referenced(seed_docx):
    document = open_docx(seed_docx)
    rels = [r for r in document.part.rels.values() if r.reltype.endswith("/footnotes")]
    assert len(rels) == 1
    notes = all_parts_xml(document)[-1]
    bodies = [n for n in notes.iter(qn("w:footnote")) if n.get(qn("w:type")) is None]
    assert [n.get(qn("w:id")) for n in bodies] == ["1"]
    text = paragraph_text(bodies[0])
    assert text.strip().startswith("Theo Nghị quyết số 49-NQ/TU, ngày 28/9/2021")
    sizes = {int(s.get(qn("w:val"))) / 2 for s in bodies[0].iter(qn("w:sz"))}
    assert sizes <= {10, 11}
    item4 = find_paragraph(document, "4. Thi đua cùng chung tay", exact=False)
    refs = list(item4._p.iter(qn("w:footnoteReference")))
    assert [r.get(qn("w:id")) for r in refs] == ["1"]
    preceding = list(refs[0].getparent().itersiblings(preceding=True))
    before = "".join(paragraph_text(r) for r in reversed(preceding))
    assert before.endswith("chuyển đổi số")
    settings = document.settings.element.find(qn("w:footnotePr"))
    assert settings is not None


def test_noi_nhan_and_signer_side_by_side(seed_docx):
    document = open_docx(seed_docx)
    table = document.tables[-1]
    assert len(table.rows) == 1
    left, right = table.rows[0].cells
    assert paragraph_text(left.paragraphs[0]._p) == "Nơi nhận:"
    assert [paragraph_text(p._p) for p in left.paragraphs[1:]] == [
        "- Hội đồng TĐKT tỉnh;",
        "- Ban TĐKT - Sở Nội vụ;",
        "- Các đơn vị thành viên Cụm TĐTMTH;",
        "- Lãnh đạo Sở;",
        "- Hội đồng TĐKT Sở;",
        "- Các phòng, đơn vị trực thuộc Sở;",
        "- Trang thông tin điện tử của Sở;",
        "- Lưu: VT, VP.",
    ]
    assert [paragraph_text(p._p) for p in right.paragraphs] == [
        "GIÁM ĐỐC",
        "Vũ Hoàng Quý",
    ]
    assert right.paragraphs[1].paragraph_format.space_before.pt >= 48  # signature space
    assert table._tbl.tblGrid is not None
    row_props = table.rows[0]._tr.trPr
    assert row_props.find(qn("w:cantSplit")) is not None


def test_text_is_nfc_and_bytes_are_reproducible(seed_spec, seed_docx):
    document = open_docx(seed_docx)
    for root in all_parts_xml(document):
        for t in root.iter(qn("w:t")):
            assert unicodedata.is_normalized("NFC", t.text or "")
    again = render_docx(seed_spec)
    assert sha256(again) == sha256(seed_docx)
    assert len(sha256(seed_docx)) == 64
