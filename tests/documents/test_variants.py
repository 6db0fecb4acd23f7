"""Other templates: Quyết định (Mẫu 1.2) with a Phụ lục (Mẫu 2.1), Tờ trình with Kính gửi
(Mẫu 1.4), Biên bản (Mẫu 1.9), profile B, drafts."""

import datetime

import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from thidua.documents.rendering import (
    Appendix,
    Article,
    Document,
    Issuer,
    Item,
    Layout,
    Paragraph,
    Section,
    Signer,
    Table,
    render_docx,
    render_pdf,
)

from .conftest import pdftotext_pages, require_poppler
from .helpers import find_paragraph, open_docx, paragraph_text, text_runs

ISSUER = Issuer("Sở Kế hoạch và Đầu tư", "SKHĐT", "UBND tỉnh Lạng Sơn")


def decision() -> Document:
    return Document(
        issuer=ISSUER,
        number=5,
        type_code="QĐ",
        type_title="Quyết định",
        trich_yeu="Về việc tặng Giấy khen cho tập thể, cá nhân",
        place="Lạng Sơn",
        issue_date=datetime.date(2024, 3, 5),
        authority_line="Giám đốc Sở Kế hoạch và Đầu tư",
        bases=(
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
            "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ",
            "Theo đề nghị của Chánh Văn phòng Sở",
        ),
        operative_word="QUYẾT ĐỊNH:",
        body=(
            Article(
                (
                    Paragraph(
                        "Tặng Giấy khen cho 02 tập thể và 03 cá nhân (có danh sách kèm theo)."
                    ),
                )
            ),
            Article(
                (
                    Item(
                        "Mức thưởng theo quy định.",
                        points=("Tập thể: 1,0 lần.", "Cá nhân: 0,3 lần."),
                    ),
                ),
                title="Tiền thưởng",
            ),
            Article((Paragraph("Quyết định này có hiệu lực kể từ ngày ký./."),)),
        ),
        recipients=("Như Điều 3", "Lãnh đạo Sở"),
        filing=("VT", "VP"),
        signer=Signer(
            "Phó Giám đốc", "Nguyễn Văn A", authority="KT.", principal="Giám đốc"
        ),
        attached_to="Quyết định",
        appendices=(
            Appendix(
                "Danh sách tập thể, cá nhân được tặng Giấy khen",
                (
                    Table(
                        ("STT", "Họ và tên / Tên tập thể", "Đơn vị"),
                        (
                            ("1", "Phòng Tổng hợp", "Sở KH&ĐT"),
                            ("2", "Trần Thị Bình", "Văn phòng Sở"),
                        ),
                        widths_cm=(1.5, 9.0, 6.0),
                    ),
                ),
            ),
        ),
    )


def test_decision_docx_has_articles_bases_and_appendix_section():
    document = open_docx(render_docx(decision()))
    assert find_paragraph(document, "Số: 05/QĐ-SKHĐT")
    assert find_paragraph(document, "GIÁM ĐỐC SỞ KẾ HOẠCH VÀ ĐẦU TƯ")
    bases = [
        find_paragraph(document, start, exact=False)
        for start in ("Căn cứ Luật", "Căn cứ Nghị định", "Theo đề nghị")
    ]
    assert [paragraph_text(b._p)[-1] for b in bases] == [";", ";", "."]
    assert all(r.font.italic for b in bases for r in text_runs(b))
    assert find_paragraph(document, "QUYẾT ĐỊNH:")
    first = find_paragraph(document, "Điều 1. Tặng Giấy khen", exact=False)
    assert text_runs(first)[0].font.bold and not text_runs(first)[1].font.bold
    assert find_paragraph(document, "Điều 2. Tiền thưởng")
    assert find_paragraph(document, "1. Mức thưởng theo quy định.")
    assert find_paragraph(document, "a) Tập thể: 1,0 lần.")
    assert find_paragraph(document, "b) Cá nhân: 0,3 lần.")
    assert find_paragraph(document, "Điều 3. Quyết định này", exact=False)
    signer = document.tables[1].cell(0, 1)
    assert [paragraph_text(p._p) for p in signer.paragraphs] == [
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Nguyễn Văn A",
    ]
    # The appendix starts a section whose page numbers restart at 1.
    assert len(document.sections) == 2
    restart = document.sections[1]._sectPr.find(qn("w:pgNumType"))
    assert restart.get(qn("w:start")) == "1"
    assert find_paragraph(document, "Phụ lục")
    title = find_paragraph(document, "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN")
    assert {r.font.size.pt for r in text_runs(title)} == {14}
    note = find_paragraph(
        document,
        "(Kèm theo Quyết định số 05/QĐ-SKHĐT ngày 05 tháng 3 năm 2024 "
        "của Sở Kế hoạch và Đầu tư)",
    )
    assert all(r.font.italic for r in text_runs(note))
    grid = document.tables[2]._tbl.tblGrid
    assert len(list(grid.iter(qn("w:gridCol")))) == 3


@pytest.mark.needs_system
def test_decision_pdf_numbers_the_appendix_separately(tmp_path):
    from .conftest import require_soffice

    require_soffice()
    require_poppler()
    path = tmp_path / "qd.pdf"
    path.write_bytes(render_pdf(decision()))
    pages = pdftotext_pages(path)
    assert len(pages) == 2
    first_lines = [
        next(line.strip() for line in p.splitlines() if line.strip()) for p in pages
    ]
    # Each part hides the number of its own first page.
    assert first_lines[0].startswith("UBND TỈNH LẠNG SƠN")
    assert first_lines[1] == "Phụ lục"
    assert "Trần Thị Bình" in pages[1]
    assert len(PdfReader(path).pages) == 2


def test_submission_with_kinh_gui():
    spec = Document(
        issuer=ISSUER,
        number=4,
        type_code="TTr",
        type_title="Tờ trình",
        trich_yeu="Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh",
        place="Lạng Sơn",
        issue_date=datetime.date(2024, 11, 20),
        kinh_gui=("Ủy ban nhân dân tỉnh Lạng Sơn", "Sở Nội vụ"),
        body=(Section("Căn cứ đề nghị", (Paragraph("Căn cứ thành tích …"),)),),
        recipients=("Như trên",),
        signer=Signer("Giám đốc", "Vũ Hoàng Quý"),
    )
    document = open_docx(render_docx(spec))
    first = find_paragraph(document, "Kính gửi: - Ủy ban nhân dân tỉnh Lạng Sơn;")
    second = find_paragraph(document, "- Sở Nội vụ.")
    # The dashes align under the colon: same left indent, the label hangs.
    assert first.paragraph_format.left_indent == second.paragraph_format.left_indent
    assert first.paragraph_format.first_line_indent < 0
    assert {r.font.size.pt for r in text_runs(first)} == {14}
    assert find_paragraph(document, "Số: 04/TTr-SKHĐT")
    assert find_paragraph(document, "I. CĂN CỨ ĐỀ NGHỊ")
    assert find_paragraph(document, "- Như trên;")


def test_minutes_have_two_signers_and_no_date_in_header():
    spec = Document(
        issuer=Issuer(
            "Hội đồng Thi đua - Khen thưởng", "HĐTĐKT", "Sở Kế hoạch và Đầu tư"
        ),
        number=2,
        type_code="BB",
        type_title="Biên bản",
        trich_yeu="Họp xét thi đua, khen thưởng năm 2024",
        place="Lạng Sơn",
        issue_date=datetime.date(2024, 12, 10),
        show_date_in_header=False,
        body=(Paragraph("Thời gian bắt đầu: 8 giờ 00."),),
        recipients=("Thành viên Hội đồng",),
        filing=("VT", "Hồ sơ"),
        signer=Signer("Chủ tọa", "Vũ Hoàng Quý"),
        co_signer=Signer("Thư ký", "Lê Thị C"),
    )
    document = open_docx(render_docx(spec))
    header = document.tables[0]
    assert paragraph_text(header.cell(1, 0)._tc) == "Số: 02/BB-HĐTĐKT"
    assert paragraph_text(header.cell(1, 1)._tc) == ""
    signatures = document.tables[-1]
    assert len(signatures.columns) == 3
    assert [paragraph_text(p._p) for p in signatures.cell(0, 0).paragraphs] == [
        "THƯ KÝ",
        "Lê Thị C",
    ]
    assert [paragraph_text(p._p) for p in signatures.cell(0, 2).paragraphs] == [
        "CHỦ TỌA",
        "Vũ Hoàng Quý",
    ]
    below = [paragraph_text(p._p) for p in signatures.cell(1, 0).paragraphs]
    assert below[1:] == ["Nơi nhận:", "- Thành viên Hội đồng;", "- Lưu: VT, Hồ sơ."]


def test_profile_b_and_draft(seed_spec):
    from dataclasses import replace

    draft = replace(seed_spec, number=None, issue_date=None)
    document = open_docx(render_docx(draft, Layout(size_profile="B")))
    number = find_paragraph(document, "Số:", exact=False)
    assert paragraph_text(number._p).endswith("/PD-SKHĐT")
    assert not any(ch.isdigit() for ch in paragraph_text(number._p))
    sizes = {
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": 12,
        "Độc lập - Tự do - Hạnh phúc": 13,
        "PHÁT ĐỘNG": 13,
        "GIÁM ĐỐC": 13,
        "Nơi nhận:": 12,
        "- Lưu: VT, VP.": 11,
    }
    for text, size in sizes.items():
        assert {r.font.size.pt for r in text_runs(find_paragraph(document, text))} == {
            size
        }
    body = find_paragraph(document, "1. Động viên", exact=False)
    assert {r.font.size.pt for r in text_runs(body)} == {13}


def letter() -> Document:
    return Document(
        issuer=ISSUER,
        number=12,
        symbol="SKHĐT-VP",
        type_code="",
        type_title="",
        trich_yeu="Đề nghị báo cáo kết quả phong trào thi đua năm 2024",
        place="Lạng Sơn",
        issue_date=datetime.date(2024, 2, 3),
        kinh_gui=("Các phòng, đơn vị trực thuộc Sở",),
        body=(Paragraph("Để có cơ sở tổng kết phong trào thi đua năm 2024, …"),),
        closing="Đề nghị các đơn vị gửi báo cáo trước ngày 15/02/2024./.",
        recipients=("Như trên", "Lãnh đạo Sở"),
        filing=("VT", "VP"),
        signer=Signer(
            "Chánh Văn phòng", "Lê Thị C", authority="TL.", principal="Giám đốc"
        ),
    )


def test_cong_van_has_v_v_under_the_number_and_no_type_title():
    document = open_docx(render_docx(letter()))
    header = document.tables[0]
    left = [paragraph_text(p._p) for p in header.cell(1, 0).paragraphs]
    assert left == [
        "Số: 12/SKHĐT-VP",
        "V/v Đề nghị báo cáo kết quả phong trào thi đua năm 2024",
    ]
    summary = header.cell(1, 0).paragraphs[1]
    assert summary.paragraph_format.space_before.pt == 6
    assert [(r.font.size.pt, r.font.bold) for r in text_runs(summary)] == [(13, False)]
    assert find_paragraph(document, "Kính gửi: Các phòng, đơn vị trực thuộc Sở")
    assert find_paragraph(document, "Lạng Sơn, ngày 03 tháng 02 năm 2024")
    signer = document.tables[-1].cell(0, 1)
    assert [paragraph_text(p._p) for p in signer.paragraphs][:2] == [
        "TL. GIÁM ĐỐC",
        "CHÁNH VĂN PHÒNG",
    ]
    texts = [paragraph_text(p) for p in document.element.body.iter(qn("w:p"))]
    assert "Đề nghị báo cáo kết quả phong trào thi đua năm 2024" not in texts
    # Without a symbol an empty type title is an error, not a công văn.
    problems = replace_spec(letter(), symbol=None).problems()
    assert any("Thiếu tên loại văn bản" in p for p in problems)


def replace_spec(spec, **changes):
    from dataclasses import replace

    return replace(spec, **changes)
