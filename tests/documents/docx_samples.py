"""Word documents typed the way Vietnamese agencies type them, built with python-docx
for the DOCX import's tests (tests/documents/test_docx_import.py).

Lines are written in the light markup: ``**đậm**`` and ``*nghiêng*`` become bold and
italic runs; ``\\n`` inside a line is a soft line break (Shift+Enter).
"""

import io
import re
import struct
import zipfile
import zlib

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
RULE = "________"
QUOC_HIEU = "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**"
TIEU_NGU = "**Độc lập - Tự do - Hạnh phúc**"
_RUN = re.compile(r"\*\*\*(.+?)\*\*\*|\*\*(.+?)\*\*|\*([^*]+?)\*")


# A 1×1 transparent PNG: the picture a typist pasted (the import cannot place it).
def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x00\x00\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


PNG = _png()


def write(paragraph, line: str) -> None:
    """Adds ``line`` to ``paragraph`` as runs (bold, italic, soft breaks)."""
    for number, part in enumerate(line.split("\n")):
        if number:
            paragraph.add_run().add_break()
        position = 0
        for match in _RUN.finditer(part):
            if match.start() > position:
                paragraph.add_run(part[position : match.start()])
            both, bold, italic = match.groups()
            run = paragraph.add_run(both or bold or italic)
            run.bold = both is not None or bold is not None
            run.italic = both is not None or italic is not None
            position = match.end()
        if position < len(part):
            paragraph.add_run(part[position:])


def para(container, line: str = "", *, align=JUSTIFY, indent=True, italic=False):
    paragraph = container.add_paragraph()
    write(paragraph, f"*{line}*" if italic and line else line)
    paragraph.alignment = align
    if indent and align == JUSTIFY:
        paragraph.paragraph_format.first_line_indent = Cm(1)
    return paragraph


def centred(container, *lines: str) -> None:
    for line in lines:
        para(container, line, align=CENTER)


def page_break(document) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def grid(document, rows: list[list[list[str]]], widths: list[float] | None = None):
    """A borderless layout table (header, signature): rows of cells of lines, each
    line centred; an empty line is an empty paragraph."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, lines in enumerate(row):
            cell = table.cell(r, c)
            for number, line in enumerate(lines):
                paragraph = cell.paragraphs[0] if number == 0 else cell.add_paragraph()
                write(paragraph, line)
                paragraph.alignment = CENTER
    if widths:
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Cm(width)
    return table


def left_aligned(table, row: int, col: int) -> None:
    for paragraph in table.cell(row, col).paragraphs:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT


def data_table(document, rows: list[list[str]], widths: list[float]):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is not None:
                write(table.cell(r, c).paragraphs[0], text)
    for col, width in zip(table.columns, widths, strict=True):
        for cell in col.cells:
            cell.width = Cm(width)
    grid_cols = table._tbl.tblGrid.findall(qn("w:gridCol"))
    for col, width in zip(grid_cols, widths, strict=True):
        col.set(qn("w:w"), str(int(width * 567)))
    return table


def mark_header_rows(table, count: int) -> None:
    for row in table.rows[:count]:
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {}))


def save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def footnote(paragraph, number: int) -> None:
    """A reference to footnote ``number`` (its text goes in with :func:`add_notes`)."""
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="{number}"/>'))


def add_notes(data: bytes, notes: dict[int, str]) -> bytes:
    """The document with a footnotes part holding ``notes``."""
    body = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:r><w:t xml:space="preserve">{text}'
        "</w:t></w:r></w:p></w:footnote>"
        for n, text in notes.items()
    )
    xml = (
        f'<w:footnotes {nsdecls("w")}><w:footnote w:type="separator" w:id="-1">'
        f"<w:p><w:r><w:separator/></w:r></w:p></w:footnote>{body}</w:footnotes>"
    )
    rel = (
        '<Relationship Id="rIdNotes" Target="footnotes.xml" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/footnotes"/>'
    )
    override = (
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
    )
    return rezip(
        data,
        {
            "word/footnotes.xml": xml.encode(),
            "word/_rels/document.xml.rels": lambda old: old.replace(
                b"</Relationships>", rel.encode() + b"</Relationships>"
            ),
            "[Content_Types].xml": lambda old: old.replace(
                b"</Types>", override.encode() + b"</Types>"
            ),
        },
    )


def rezip(data: bytes, changes: dict) -> bytes:
    """A copy of the zip with parts replaced (bytes), edited (a function of the old
    bytes), added, or removed (None)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist() + [n for n in changes if n not in source.namelist()]
        for name in names:
            change = changes.get(name, ...)
            if change is None:
                continue
            old = source.read(name) if name in source.namelist() else b""
            if change is ...:
                new = old
            elif callable(change):
                new = change(old)
            else:
                new = change
            target.writestr(name, new)
    return out.getvalue()


def declare_sizes(data: bytes, size: int, only: str | None = None) -> bytes:
    """The zip with its central directory claiming every entry (or ``only``) holds
    ``size`` bytes once inflated: how a zip bomb or a forged entry looks."""
    out = bytearray(data)
    position = out.find(b"PK\x01\x02")
    while position != -1:
        name_length = struct.unpack_from("<H", out, position + 28)[0]
        name = bytes(out[position + 46 : position + 46 + name_length]).decode()
        if only is None or name == only:
            struct.pack_into("<I", out, position + 24, size)
        position = out.find(b"PK\x01\x02", position + 4)
    return bytes(out)


# The samples -------------------------------------------------------------------


def ubnd_plan() -> bytes:
    """A provincial People's Committee's plan: I./1./a)/-/+ and 1.1. levels, a
    footnote, a picture, and an appendix scoring table with merged cells on a
    landscape page."""
    document = Document()
    grid(
        document,
        [
            [
                ["**ỦY BAN NHÂN DÂN**", "**TỈNH ĐẮK LẮK**", RULE, "Số: 0125/KH-UBND"],
                [QUOC_HIEU, TIEU_NGU, RULE, "*Đắk Lắk, ngày 05 tháng 3 năm 2024*"],
            ]
        ],
        widths=[6.5, 10],
    )
    para(document)
    centred(
        document,
        "**KẾ HOẠCH**",
        "**Tổ chức phong trào thi đua “Đồng khởi đổi mới”**",
        "**giai đoạn 2024 - 2025**",
        RULE,
    )
    para(document, "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;")
    opening = para(
        document,
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch tổ chức phong trào thi đua "
        "**“Đồng khởi đổi mới”** như sau:",
    )
    footnote(opening, 1)
    para(document, "**I. MỤC ĐÍCH, YÊU CẦU**", indent=False)
    para(document, "**1. Mục đích**")
    para(document, "- Phát huy tinh thần *chủ động, sáng tạo* của cán bộ, công chức;")
    para(document, "+ Đối với cơ quan hành chính: cải cách thủ tục;")
    para(document, "+ Đối với đơn vị sự nghiệp: nâng cao chất lượng dịch vụ.")
    para(document, "- Kịp thời phát hiện, nhân rộng điển hình tiên tiến.")
    para(document, "**2. Yêu cầu:** Phong trào thi đua phải thiết thực, hiệu quả.")
    para(document, "Việc khen thưởng bảo đảm chính xác, công khai, kịp thời.")
    para(document, "**II. NỘI DUNG THI ĐUA**", indent=False)
    para(document, "1. Thi đua thực hiện nhiệm vụ chính trị")
    para(document, "1.1. Hoàn thành các chỉ tiêu kinh tế - xã hội năm 2024.")
    para(document, "1.2. Đẩy mạnh chuyển đổi số.")
    para(document, "2. Thi đua cải cách hành chính, cụ thể:")
    para(document, "c) Rút ngắn thời gian giải quyết thủ tục;")
    para(document, "d) Tăng tỷ lệ hồ sơ trực tuyến.")
    para(document, "**III. TỔ CHỨC THỰC HIỆN**", indent=False)
    picture = para(document, "1. Sở Nội vụ (Ban Thi đua - Khen thưởng) theo dõi.")
    picture.add_run().add_picture(io.BytesIO(PNG))
    para(document, "2. Các sở, ban, ngành xây dựng kế hoạch triển khai.")
    para(
        document,
        "Trên đây là Kế hoạch tổ chức phong trào thi đua “Đồng khởi đổi mới”, "
        "đề nghị các cơ quan, đơn vị triển khai thực hiện./.",
    )
    signature = grid(
        document,
        [
            [
                [
                    "***Nơi nhận:***",
                    "- Bộ Nội vụ (để b/c);",
                    "- Ban Thi đua - Khen thưởng",
                    "Trung ương;",
                    "- Các sở, ban, ngành;",
                    "- Lưu: VT, TĐKT.",
                ],
                [
                    "**TM. ỦY BAN NHÂN DÂN**",
                    "**KT. CHỦ TỊCH**",
                    "**PHÓ CHỦ TỊCH**",
                    "",
                    "*(Đã ký)*",
                    "",
                    "**Nguyễn Văn An**",
                ],
            ]
        ],
    )
    left_aligned(signature, 0, 0)
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    centred(
        document,
        "**Phụ lục**",
        "**BẢNG ĐIỂM CHẤM THI ĐUA**",
        "*(Kèm theo Kế hoạch số 0125/KH-UBND ngày 05/3/2024 của UBND tỉnh)*",
    )
    table = data_table(
        document,
        [
            ["**STT**", "**Nội dung tiêu chí**", "**Điểm**", None],
            [None, None, "**Tối đa**", "**Tự chấm**"],
            ["1", "Công tác tổ chức phong trào", "20", ""],
            ["2", "Kết quả thực hiện nhiệm vụ", "80", ""],
            ["", "**Cộng**", None, "**100**"],
        ],
        widths=[1.5, 9, 2.5, 2.5],
    )
    table.cell(0, 2).merge(table.cell(0, 3))
    table.cell(4, 1).merge(table.cell(4, 2))
    table.cell(0, 0).merge(table.cell(1, 0))  # w:vMerge restart / continue
    table.cell(0, 1).merge(table.cell(1, 1))
    mark_header_rows(table, 2)
    para(document, "*Ghi chú:* điểm thưởng không quá 10 điểm.")
    document.sections[0].footer.paragraphs[0].text = "1"  # a page number
    return add_notes(save(document), {1: "Theo Nghị định số 98/2023/NĐ-CP."})


def _decision_header(document, left: list[str], date: str) -> None:
    grid(document, [[left, [QUOC_HIEU, TIEU_NGU, RULE, f"*{date}*"]]])


def _signature(document, recipients: list[str], signer: list[str]) -> None:
    table = grid(document, [[["***Nơi nhận:***", *recipients], signer]])
    left_aligned(table, 0, 0)


def pm_decision() -> bytes:
    """The Prime Minister's decision: authority line, căn cứ, Điều 1–3, a list
    appendix on a new page without a "Phụ lục" line."""
    document = Document()
    _decision_header(
        document,
        ["**THỦ TƯỚNG CHÍNH PHỦ**", RULE, "Số: 12/QĐ-TTg"],
        "Hà Nội, ngày 08 tháng 01 năm 2025",
    )
    centred(
        document,
        "**QUYẾT ĐỊNH**",
        "**Về việc tặng Bằng khen của Thủ tướng Chính phủ**",
        RULE,
        "**THỦ TƯỚNG CHÍNH PHỦ**",
    )
    para(
        document,
        "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
        italic=True,
    )
    para(
        document,
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        italic=True,
    )
    para(
        document,
        "Căn cứ Nghị định số 152/2025/NĐ-CP của *Chính phủ* quy định chi tiết;",
        italic=True,
    )
    para(
        document,
        "Xét đề nghị của Bộ trưởng Bộ Nội vụ tại Tờ trình số 45/TTr-BNV ngày 02 "
        "tháng 01 năm 2025.",
    )
    centred(document, "", "**QUYẾT ĐỊNH:**")
    para(
        document,
        "**Điều 1.** Tặng Bằng khen của Thủ tướng Chính phủ cho 02 tập thể và 02 cá "
        "nhân (có danh sách kèm theo) đã có thành tích xuất sắc.",
    )
    para(document, "**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký ban hành.")
    para(
        document,
        "**Điều 3.** Bộ trưởng Bộ Nội vụ và các tập thể, cá nhân có tên tại Điều 1 "
        "chịu trách nhiệm thi hành Quyết định này./.",
    )
    _signature(
        document,
        [
            "- Như Điều 3;",
            "- Bộ Nội vụ;",
            "- VPCP: BTCN, TGĐ Cổng TTĐT;",
            "- Lưu: VT, TCCV (2b).",
        ],
        ["**KT. THỦ TƯỚNG**", "**PHÓ THỦ TƯỚNG**", "", "", "", "**Trần Văn Bình**"],
    )
    page_break(document)
    centred(
        document,
        "**DANH SÁCH**",
        "**TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA THỦ TƯỚNG CHÍNH PHỦ**",
        "*(Kèm theo Quyết định số 12/QĐ-TTg ngày 08 tháng 01 năm 2025 của Thủ tướng "
        "Chính phủ)*",
        RULE,
    )
    para(document, "**I. TẬP THỂ**", indent=False)
    para(document, "1. Phòng Tổ chức cán bộ, Sở Nội vụ tỉnh Đắk Lắk;")
    para(document, "2. Trường Trung học phổ thông Trần Xuân Soạn, tỉnh Đắk Lắk;")
    para(document, "**II. CÁ NHÂN**", indent=False)
    para(document, "1. Ông Lê Văn Cường, Giám đốc Sở Nội vụ tỉnh Đắk Lắk;")
    para(document, "2. Bà Phạm Thị Dung, Hiệu trưởng Trường THPT Trần Xuân Soạn.")
    return save(document)


def school_decision() -> bytes:
    """A school's decision, not yet numbered nor dated: a two-tier header (the
    parent department over the school, both broken over two lines) in two rows, an
    acting head signing ("Q. HIỆU TRƯỞNG"), khoản under an article."""
    document = Document()
    grid(
        document,
        [
            [
                [
                    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
                    "TỈNH ĐẮK LẮK",
                    "**TRƯỜNG TRUNG HỌC PHỔ THÔNG**\n**TRẦN XUÂN SOẠN**",
                    RULE,
                ],
                [QUOC_HIEU, TIEU_NGU, RULE],
            ],
            [
                ["Số:        /QĐ-THPTTXS"],
                ["*Đắk Lắk, ngày      tháng      năm 2024*"],
            ],
        ],
    )
    centred(
        document,
        "",
        "**QUYẾT ĐỊNH**",
        "**Về việc công nhận danh hiệu thi đua năm học 2023 - 2024**",
        "",
        "**HIỆU TRƯỞNG TRƯỜNG TRUNG HỌC PHỔ THÔNG TRẦN XUÂN SOẠN**",
    )
    para(
        document,
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        italic=True,
    )
    para(document, "Căn cứ Điều lệ trường trung học;", italic=True)
    para(
        document,
        "Theo đề nghị của Hội đồng Thi đua - Khen thưởng nhà trường.",
        italic=True,
    )
    centred(document, "**QUYẾT ĐỊNH:**")
    para(
        document,
        "**Điều 1.** Công nhận danh hiệu thi đua năm học 2023 - 2024 cho các tập thể "
        "và cá nhân sau:",
    )
    para(document, "1. Danh hiệu “Tập thể lao động tiên tiến”: 03 tổ chuyên môn;")
    para(document, "2. Danh hiệu “Lao động tiên tiến”: 25 cá nhân.")
    para(document, "(Có danh sách kèm theo)")
    para(document, "**Điều 2.** Quyết định có hiệu lực kể từ ngày ký.")
    para(
        document,
        "**Điều 3.** Các tổ chuyên môn và cá nhân có tên tại Điều 1 chịu trách nhiệm "
        "thi hành Quyết định này./.",
    )
    _signature(
        document,
        ["- Như Điều 3;", "- Sở GD&ĐT (để b/c);", "- Lưu: VT, TĐKT."],
        ["**Q. HIỆU TRƯỞNG**", "", "", "", "**Đỗ Thị Hoa**"],
    )
    return save(document)


def council_minutes() -> bytes:
    """The school council's minutes (Mẫu 1.9): secretary left, chair right, Nơi nhận
    under the secretary."""
    document = Document()
    grid(
        document,
        [
            [
                [
                    "SỞ GD&ĐT ĐẮK LẮK",
                    "**TRƯỜNG THPT TRẦN XUÂN SOẠN**",
                    RULE,
                    "Số: 02/BB-HĐTĐKT",
                ],
                [QUOC_HIEU, TIEU_NGU, RULE],
            ]
        ],
    )
    centred(
        document,
        "",
        "**BIÊN BẢN**",
        "**Họp Hội đồng Thi đua - Khen thưởng năm học 2023 - 2024**",
        RULE,
    )
    para(document, "Thời gian: 14 giờ 00, ngày 28 tháng 5 năm 2024.")
    para(document, "Địa điểm: Phòng họp Hội đồng nhà trường.")
    para(document, "**I. THÀNH PHẦN THAM DỰ**", indent=False)
    para(document, "1. Chủ tọa: Ông Nguyễn Văn Châu, Hiệu trưởng, Chủ tịch Hội đồng.")
    para(document, "2. Thư ký: Bà Trần Thị Dịu, giáo viên.")
    para(document, "3. Thành viên Hội đồng: có mặt 9/9 thành viên.")
    para(document, "**II. NỘI DUNG**", indent=False)
    para(document, "Hội đồng thống nhất đề nghị:")
    para(document, "- 03 tập thể đạt danh hiệu “Tập thể lao động tiên tiến”;")
    para(document, "- 25 cá nhân đạt danh hiệu “Lao động tiên tiến”.")
    para(
        document,
        "Cuộc họp kết thúc vào lúc 16 giờ 30 cùng ngày; biên bản đã được thông qua "
        "trước Hội đồng./.",
    )
    table = grid(
        document,
        [
            [["**THƯ KÝ**"], [], ["**CHỦ TỌA**"]],
            [["*(Ký, ghi rõ họ tên)*"], [], ["*(Ký, đóng dấu)*"]],
            [["**Trần Thị Dịu**"], [], ["**Nguyễn Văn Châu**"]],
            [["***Nơi nhận:***", "- Hội đồng TĐKT;", "- Lưu: VT, Hồ sơ."], [], []],
        ],
    )
    left_aligned(table, 3, 0)
    return save(document)


def ministry_submission() -> bytes:
    """A ministry's tờ trình, header typed with tab stops, Kính gửi as a dash list."""
    document = Document()
    for line in (
        "**BỘ NỘI VỤ**\t" + QUOC_HIEU,
        "\t" + TIEU_NGU,
        "Số: 45/TTr-BNV\t*Hà Nội, ngày 02 tháng 01 năm 2025*",
    ):
        para(document, line, indent=False, align=WD_ALIGN_PARAGRAPH.LEFT)
    centred(
        document,
        "",
        "**TỜ TRÌNH**",
        "**Về việc đề nghị tặng Bằng khen của Thủ tướng Chính phủ**",
        "",
    )
    para(document, "Kính gửi:", align=CENTER)
    para(document, "- Thủ tướng Chính phủ;", align=CENTER)
    para(document, "- Văn phòng Chính phủ.", align=CENTER)
    para(document, "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;")
    para(document, "Bộ Nội vụ kính trình Thủ tướng Chính phủ như sau:")
    para(
        document, "**1. Tóm tắt thành tích:** các tập thể, cá nhân hoàn thành xuất sắc."
    )
    para(document, "**2. Đề nghị:** tặng Bằng khen cho 02 tập thể và 02 cá nhân.")
    para(document, "Kính trình Thủ tướng Chính phủ xem xét, quyết định./.")
    _signature(
        document,
        ["- Như trên;", "- Bộ trưởng (để b/c);", "- Lưu: VT, Vụ TĐKT."],
        ["**KT. BỘ TRƯỞNG**", "**THỨ TRƯỞNG**", "", "", "", "**Vũ Chiến Thắng**"],
    )
    return save(document)


def official_letter() -> bytes:
    """A công văn: no type title, a V/v broken over two lines, Kính gửi on one line,
    an address in the page footer."""
    document = Document()
    _decision_header(
        document,
        [
            "UBND TỈNH ĐẮK LẮK",
            "**SỞ NỘI VỤ**",
            RULE,
            "Số: 312/SNV-TĐKT",
            "V/v hướng dẫn xét tặng danh hiệu",
            "thi đua năm 2024",
        ],
        "Đắk Lắk, ngày 15 tháng 10 năm 2024",
    )
    para(document)
    para(document, "Kính gửi: Các sở, ban, ngành, đoàn thể tỉnh.", align=CENTER)
    para(document, "Thực hiện Kế hoạch số 0125/KH-UBND của UBND tỉnh;")
    para(document, "Sở Nội vụ hướng dẫn như sau:")
    para(document, "1. Về hồ sơ: theo Mẫu số 01 kèm theo Nghị định số 98/2023/NĐ-CP.")
    para(document, "2. Về thời gian: gửi trước ngày 30 tháng 11 năm 2024.")
    para(
        document,
        "Trong quá trình thực hiện, nếu có vướng mắc đề nghị liên hệ Sở Nội vụ.",
    )
    para(document, "Trân trọng./.")
    _signature(
        document,
        ["- Như trên;", "- UBND tỉnh (b/c);", "- Lưu: VT, TĐKT."],
        ["**KT. GIÁM ĐỐC**", "**PHÓ GIÁM ĐỐC**", "", "", "**Lê Thị Mai**"],
    )
    document.sections[0].footer.paragraphs[
        0
    ].text = "Địa chỉ: 01 Lê Duẩn, TP. Buôn Ma Thuột; ĐT: 0262.3852.xxx"
    return save(document)


def joint_plan() -> bytes:
    """An enterprise and its trade union's joint plan: three header columns, each
    issuer with its own Số line; two signers side by side, Nơi nhận below."""
    document = Document()
    grid(
        document,
        [
            [
                [
                    "**CÔNG TY CỔ PHẦN**\n**CÀ PHÊ BUÔN MA THUỘT**",
                    RULE,
                    "Số: 15/KHLT-CT",
                ],
                [
                    "CÔNG ĐOÀN NÔNG NGHIỆP TỈNH",
                    "**CÔNG ĐOÀN CƠ SỞ CÔNG TY**",
                    RULE,
                    "Số: 08/KHLT-CĐCS",
                ],
                [QUOC_HIEU, TIEU_NGU, RULE, "*Đắk Lắk, ngày 10 tháng 01 năm 2024*"],
            ]
        ],
    )
    centred(
        document,
        "",
        "**KẾ HOẠCH LIÊN TỊCH**",
        "**Tổ chức phong trào thi đua lao động giỏi năm 2024**",
    )
    para(document, "**I. MỤC ĐÍCH**", indent=False)
    para(document, "- Động viên người lao động hoàn thành kế hoạch sản xuất.")
    para(document, "**II. CHỈ TIÊU**", indent=False)
    para(document, "- 100 % tổ sản xuất đăng ký thi đua.")
    table = grid(
        document,
        [
            [
                [
                    "**TM. BAN CHẤP HÀNH**",
                    "**CÔNG ĐOÀN CƠ SỞ**",
                    "**CHỦ TỊCH**",
                    "",
                    "",
                    "**Hoàng Văn Em**",
                ],
                ["**GIÁM ĐỐC**", "", "", "", "**Ngô Thị Phương**"],
            ],
            [
                [
                    "***Nơi nhận:***",
                    "- Công đoàn Nông nghiệp tỉnh;",
                    "- Lưu: VT, CĐCS.",
                ],
                [],
            ],
        ],
    )
    left_aligned(table, 1, 0)
    return save(document)


NUMBERING = """
<w:abstractNum {ns} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/></w:lvl>
  <w:lvl w:ilvl="4"><w:numFmt w:val="bullet"/><w:lvlText w:val="–"/></w:lvl>
  <w:lvl w:ilvl="5"><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl>
  <w:lvl w:ilvl="6"><w:numFmt w:val="none"/><w:lvlText w:val=""/></w:lvl>
</w:abstractNum>
<w:abstractNum {ns} w:abstractNumId="91">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Điều %1."/></w:lvl>
</w:abstractNum>
<w:num {ns} w:numId="90"><w:abstractNumId w:val="90"/></w:num>
<w:num {ns} w:numId="91"><w:abstractNumId w:val="91"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
"""

TEXT_BOX = """
<w:r {ns} xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
  xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
  xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
  xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
  xmlns:v="urn:schemas-microsoft-com:vml">
 <mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>
  <a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
   <wps:wsp><wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx></wps:wsp>
  </a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
  <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{paragraphs}</w:txbxContent>
  </v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>
</w:r>
"""


def _box(lines: list[tuple[str, bool, bool]]) -> str:
    return "".join(
        '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr>'
        + ("<w:b/>" if bold else "")
        + ("<w:i/>" if italic else "")
        + f'</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
        for text, bold, italic in lines
    )


def auto_numbered() -> bytes:
    """A school plan whose header sits in two text boxes and whose lists use Word's
    automatic numbering (numbering.xml: upperRoman, decimal, %2.%3., lowerLetter,
    bullets, and "Điều %1." restarted at 4)."""
    document = Document()
    host = document.add_paragraph()
    for lines in (
        [
            ("SỞ GD&amp;ĐT ĐẮK LẮK", False, False),
            ("TRƯỜNG THPT TRẦN XUÂN SOẠN", True, False),
            ("Số: 0125/KH-THPTTX.PL", False, False),
        ],
        [
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False),
            ("Độc lập - Tự do - Hạnh phúc", True, False),
            ("Đắk Lắk, ngày 05 tháng 9 năm 2024", False, True),
        ],
    ):
        host._p.append(
            parse_xml(TEXT_BOX.format(ns=nsdecls("w"), paragraphs=_box(lines)))
        )
    centred(document, "**KẾ HOẠCH**", "**Thi đua năm học 2024 - 2025**", RULE)
    numbering = document.part.numbering_part.element
    for element in parse_xml(f"<root {nsdecls('w')}>{NUMBERING.format(ns='')}</root>"):
        numbering.append(element)
    for level, text in (
        (0, "**MỤC TIÊU**"),
        (1, "**Chỉ tiêu chung**"),
        (2, "Hoàn thành chương trình năm học."),
        (2, "Không có học sinh bỏ học."),
        (1, "**Chỉ tiêu cụ thể**"),
        (3, "Tỷ lệ tốt nghiệp 99 %;"),
        (4, "khối 12 đạt 100 %;"),
        (5, "lớp chọn đạt điểm cao;"),
        (3, "Học sinh giỏi cấp tỉnh: 30 em."),
        (0, "**GIẢI PHÁP**"),
        (6, "Đoạn không đánh số trong danh sách."),
        (1, "Đổi mới phương pháp dạy học."),
        (None, "**Thực hiện quy chế:**"),
    ):
        paragraph = para(document, text, indent=False)
        if level is not None:
            _number(paragraph, "90", level)
    for text in ("**Tổ chức thực hiện.**", "Hiệu lực thi hành."):
        _number(para(document, text, indent=False), "91", 0)
    _signature(document, ["- Lưu: VT."], ["**HIỆU TRƯỞNG**", "", "", "**Đỗ Thị Hoa**"])
    return save(document)


def _number(paragraph, num_id: str, level: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.insert(
        0,
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr>'
        ),
    )


RICH_RUNS = """
<w:p {ns}><w:pPr><w:jc w:val="both"/></w:pPr>
 <w:r><w:t xml:space="preserve">- Xem </w:t></w:r>
 <w:hyperlink w:history="1"><w:r><w:t>cổng thông tin</w:t></w:r></w:hyperlink>
 <w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve"> đã sửa</w:t></w:r></w:ins>
 <w:del w:id="2" w:author="A"><w:r><w:delText> đã xóa</w:delText></w:r></w:del>
 <w:r><w:fldChar w:fldCharType="begin"/></w:r>
 <w:r><w:instrText> PAGE </w:instrText></w:r>
 <w:r><w:fldChar w:fldCharType="separate"/></w:r>
 <w:r><w:t xml:space="preserve"> trang 3</w:t></w:r>
 <w:r><w:fldChar w:fldCharType="end"/></w:r>
 <w:r><w:t xml:space="preserve"> mã 01</w:t><w:noBreakHyphen/><w:t>02</w:t><w:tab/>
  <w:t>và</w:t></w:r>
 <w:r><w:rPr><w:caps/></w:rPr><w:t xml:space="preserve"> chữ hoa</w:t></w:r>
 <w:r><w:rPr><w:rStyle w:val="DamNhan"/></w:rPr><w:t xml:space="preserve"> nhấn mạnh</w:t></w:r>
 <w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t xml:space="preserve"> thường.</w:t></w:r>
 <w:r><w:endnoteReference w:id="5"/></w:r>
 <w:r><w:object/></w:r>
</w:p>
"""

STYLE = (
    '<w:style {ns} w:type="character" w:styleId="DamNhan"><w:basedOn w:val="Goc"/>'
    "</w:style>"
    '<w:style {ns} w:type="character" w:styleId="Goc"><w:rPr><w:b/></w:rPr></w:style>'
)


def provincial_report() -> bytes:
    """A report with the header typed as plain centred paragraphs (no table, no
    tabs), a date that does not exist, a "KHẨN" stamp, Phần/Chương headings with
    their titles below, revisions, fields and styles in a run, a body table whose
    first row is bold, the signature typed with tab stops, and two appendices
    (the second behind a repeated header table)."""
    document = Document()
    para(document, "**KHẨN**", align=WD_ALIGN_PARAGRAPH.LEFT)
    centred(
        document,
        "UBND TỈNH ĐẮK LẮK",
        "**SỞ NỘI VỤ**",
        QUOC_HIEU,
        TIEU_NGU,
        "Số: 7/BC-SNV",
        "*Đắk Lắk, ngày 30 tháng 02 năm 2024*",
        "",
        "**BÁO CÁO**",
        "**Tổng kết công tác thi đua năm 2024**",
        "",
    )
    para(document, "Kính gửi: Ủy ban nhân dân tỉnh.", align=CENTER)
    centred(document, "**Phần I**", "**KẾT QUẢ ĐẠT ĐƯỢC**")
    centred(document, "**Chương II. PHONG TRÀO THI ĐUA**")
    para(document, "• Các phong trào được phát động rộng khắp.")
    body = document.element.body
    for xml in (RICH_RUNS,):
        body.insert(
            body.index(document.paragraphs[-1]._p) + 1,
            parse_xml(xml.format(ns=nsdecls("w"))),
        )
    table = data_table(
        document,
        [["**Đơn vị**", "**Số lượng**"], ["Sở Nội vụ", "12"], ["Cộng", "12"]],
        widths=[8, 4],
    )
    table.cell(1, 1).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    table.cell(2, 0).paragraphs[0].alignment = CENTER
    footnote(table.cell(1, 0).paragraphs[0], 2)
    table.cell(2, 1).add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].text = "lồng"
    centred(document, "**PHẦN THỨ HAI. PHƯƠNG HƯỚNG**")
    para(document, "Tiếp tục đổi mới công tác thi đua.")
    for line in (
        "***Nơi nhận:***\t**KT. GIÁM ĐỐC**",
        "- Như trên;\t**PHÓ GIÁM ĐỐC**",
        "- Lưu: VT.",
        "",
        "\t**Nguyễn Văn Hải**",
    ):
        para(document, line, indent=False, align=WD_ALIGN_PARAGRAPH.LEFT)
    page_break(document)
    centred(
        document,
        "**PHỤ LỤC I: DANH MỤC PHONG TRÀO**",
        "*(Kèm theo Báo cáo số 7/BC-SNV)*",
    )
    para(document, "1. Phong trào “Thi đua yêu nước”.")
    page_break(document)
    grid(document, [[["**SỞ NỘI VỤ**"], [QUOC_HIEU]]])
    centred(document, "**Phụ lục II**", "", "**DANH SÁCH**", "")
    para(document, "Không có.")
    data = add_notes(save(document), {2: "Số liệu đến 30/11."})
    endnotes = (
        f'<w:endnotes {nsdecls("w")}><w:endnote w:id="5"><w:p><w:r><w:t>'
        "Ghi chú cuối.</w:t></w:r></w:p></w:endnote></w:endnotes>"
    )
    rel = (
        '<Relationship Id="rIdEnd" Target="endnotes.xml" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/endnotes"/>'
        '<Relationship Id="rIdWeb" Target="https://example.vn" TargetMode="External" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'hyperlink"/>'
    )
    styles = STYLE.format(ns=nsdecls("w"))
    return rezip(
        data,
        {
            "word/endnotes.xml": endnotes.encode(),
            "word/_rels/document.xml.rels": lambda old: old.replace(
                b"</Relationships>", rel.encode() + b"</Relationships>"
            ),
            "word/styles.xml": lambda old: old.replace(
                b"</w:styles>", styles.encode() + b"</w:styles>"
            ),
        },
    )


def bare_note() -> bytes:
    """No header at all: a short note with a paragraph signer and a stray line on a
    new page after it."""
    document = Document()
    para(document, "Đề nghị các phòng gửi báo cáo trước ngày 20.")
    para(document, "Trân trọng./.")
    centred(document, "**TRƯỞNG PHÒNG**", "", "", "**Phan Văn Quang**")
    page_break(document)
    para(document, "Ghi chú viết tay thêm.")
    return save(document)
