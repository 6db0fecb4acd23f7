"""The DOCX import (#15 points 5–6): documents typed as agencies type them, read into
the document model field by field; files that are not Word documents refused with a
Vietnamese sentence saying what they are."""

import copy
import io
import json
import unicodedata
import zipfile

import pytest
from docx import Document

from thidua.documents.drafting import docx_import_package
from thidua.documents.drafting.docx_import import (
    DocxImportError,
    ImportResult,
    import_docx,
)

from . import docx_samples as samples


def read(data: bytes) -> ImportResult:
    return import_docx(data)


def section(numbering, title="", text="", children=(), **extra):
    return {
        "type": "section",
        "numbering": numbering,
        "title": title,
        "text": text,
        "children": list(children),
        **extra,
    }


def paragraph(text, align="justify", indent=True):
    return {"type": "paragraph", "text": text, "align": align, "indent": indent}


def signer(title, name, authority="", principal="", second="", second_principal=""):
    return {
        "authority": authority,
        "principal": principal,
        "second_authority": second,
        "second_principal": second_principal,
        "title": title,
        "name": name,
    }


# The samples ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def plan():
    return read(samples.ubnd_plan())


def test_provincial_plan_header(plan):
    content = plan.content
    assert content["version"] == 1
    assert content["kind"] == "ke_hoach"
    assert content["issuers"] == [
        {"parent": "", "name": "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK", "abbreviation": "UBND"}
    ]
    assert (content["number"], content["symbol"]) == ("0125", "KH-UBND")
    assert (content["place"], content["date"]) == ("Đắk Lắk", "2024-03-05")
    assert content["type_title"] == "KẾ HOẠCH"
    assert content["trich_yeu"] == (
        "Tổ chức phong trào thi đua “Đồng khởi đổi mới” giai đoạn 2024 - 2025"
    )
    assert content["kinh_gui"] == [] and content["bases"] == []
    assert content["authority_line"] == "" and content["operative_word"] == ""
    assert content["attachments"] == []


def test_provincial_plan_opening_keeps_markup_and_footnotes(plan):
    assert plan.content["opening"] == [
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch tổ chức phong trào thi đua "
        "**“Đồng khởi đổi mới”** như sau:[^Theo Nghị định số 98/2023/NĐ-CP.]",
    ]


def test_provincial_plan_body_nests_every_level(plan):
    first, second, third = plan.content["body"]
    assert first == section(
        "roman",
        "MỤC ĐÍCH, YÊU CẦU",
        children=[
            section(
                "arabic",
                "Mục đích",
                children=[
                    section(
                        "dash",
                        text="Phát huy tinh thần *chủ động, sáng tạo* của cán bộ, "
                        "công chức;",
                        children=[
                            section(
                                "plus",
                                text="Đối với cơ quan hành chính: cải cách thủ tục;",
                            ),
                            section(
                                "plus",
                                text="Đối với đơn vị sự nghiệp: nâng cao chất lượng "
                                "dịch vụ.",
                            ),
                        ],
                    ),
                    section(
                        "dash",
                        text="Kịp thời phát hiện, nhân rộng điển hình tiên tiến.",
                    ),
                ],
            ),
            section(
                "arabic",
                "Yêu cầu:",
                "Phong trào thi đua phải thiết thực, hiệu quả.",
                [paragraph("Việc khen thưởng bảo đảm chính xác, công khai, kịp thời.")],
            ),
        ],
    )
    assert second["title"] == "NỘI DUNG THI ĐUA"
    political, reform = second["children"]
    assert political["text"] == "Thi đua thực hiện nhiệm vụ chính trị"
    assert [c["numbering"] for c in political["children"]] == ["decimal", "decimal"]
    assert political["children"][1]["text"] == "Đẩy mạnh chuyển đổi số."
    # The letters begin at c): the numbering keeps its start.
    assert reform["children"] == [
        section("letter", text="Rút ngắn thời gian giải quyết thủ tục;", start=3),
        section("letter", text="Tăng tỷ lệ hồ sơ trực tuyến."),
    ]
    assert [c["text"] for c in third["children"]] == [
        "Sở Nội vụ (Ban Thi đua - Khen thưởng) theo dõi.",
        "Các sở, ban, ngành xây dựng kế hoạch triển khai.",
    ]


def test_provincial_plan_closing_recipients_signer(plan):
    content = plan.content
    assert content["closing"] == [
        "Trên đây là Kế hoạch tổ chức phong trào thi đua “Đồng khởi đổi mới”, đề "
        "nghị các cơ quan, đơn vị triển khai thực hiện./."
    ]
    assert content["recipients"] == [
        "Bộ Nội vụ (để b/c)",
        "Ban Thi đua - Khen thưởng Trung ương",
        "Các sở, ban, ngành",
    ]
    assert content["filing"] == ["VT", "TĐKT"]
    assert content["signers"] == [
        signer(
            "PHÓ CHỦ TỊCH",
            "Nguyễn Văn An",
            "TM.",
            "ỦY BAN NHÂN DÂN",
            "KT.",
            "CHỦ TỊCH",
        )
    ]


def test_provincial_plan_appendix_table_with_merged_cells(plan):
    (appendix,) = plan.content["appendices"]
    assert appendix["title"] == "BẢNG ĐIỂM CHẤM THI ĐUA"
    assert appendix["landscape"] is True
    table, note = appendix["body"]
    assert table == {
        "type": "table",
        "header_rows": 2,
        "widths": [10, 58, 16, 16],
        "rows": [
            [
                {"text": "STT", "rowspan": 2},
                {"text": "Nội dung tiêu chí", "rowspan": 2},
                {"text": "Điểm", "colspan": 2},
            ],
            ["Tối đa", "Tự chấm"],
            ["1", "Công tác tổ chức phong trào", "20", ""],
            ["2", "Kết quả thực hiện nhiệm vụ", "80", ""],
            [
                "",
                {"text": "Cộng", "colspan": 2, "bold": True},
                {"text": "100", "bold": True},
            ],
        ],
    }
    assert note == paragraph("*Ghi chú:* điểm thưởng không quá 10 điểm.")


def test_provincial_plan_lists_the_picture_it_could_not_place(plan):
    assert plan.unplaced == [
        'Đoạn 24: "1. Sở Nội vụ (Ban Thi đua - Khen thưởng) theo dõi." (hình ảnh) '
        "– không đặt được"
    ]


def test_prime_minister_decision():
    content = read(samples.pm_decision()).content
    assert content["kind"] == "quyet_dinh"
    assert content["issuers"] == [
        {"parent": "", "name": "THỦ TƯỚNG CHÍNH PHỦ", "abbreviation": "TTg"}
    ]
    assert (content["number"], content["symbol"], content["date"]) == (
        "12",
        "QĐ-TTg",
        "2025-01-08",
    )
    assert content["trich_yeu"] == "Về việc tặng Bằng khen của Thủ tướng Chính phủ"
    assert content["authority_line"] == "THỦ TƯỚNG CHÍNH PHỦ"
    assert content["bases"] == [
        "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
        "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết",
        "Xét đề nghị của Bộ trưởng Bộ Nội vụ tại Tờ trình số 45/TTr-BNV ngày 02 "
        "tháng 01 năm 2025",
    ]
    assert content["operative_word"] == "QUYẾT ĐỊNH:"
    assert content["opening"] == [] and content["closing"] == []
    assert [n["numbering"] for n in content["body"]] == ["article"] * 3
    assert content["body"][0]["title"] == ""
    assert content["body"][2]["text"].endswith(
        "chịu trách nhiệm thi hành Quyết định này./."
    )
    assert content["recipients"] == [
        "Như Điều 3",
        "Bộ Nội vụ",
        "VPCP: BTCN, TGĐ Cổng TTĐT",
    ]
    assert content["filing"] == ["VT", "TCCV (2b)"]
    assert content["signers"] == [
        signer("PHÓ THỦ TƯỚNG", "Trần Văn Bình", "KT.", "THỦ TƯỚNG")
    ]
    (appendix,) = content["appendices"]
    assert appendix["title"] == (
        "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA THỦ TƯỚNG CHÍNH PHỦ"
    )
    assert appendix["landscape"] is False
    groups = appendix["body"]
    assert [(g["numbering"], g["title"]) for g in groups] == [
        ("roman", "TẬP THỂ"),
        ("roman", "CÁ NHÂN"),
    ]
    assert groups[1]["children"][0] == section(
        "arabic", text="Ông Lê Văn Cường, Giám đốc Sở Nội vụ tỉnh Đắk Lắk;"
    )


def test_school_decision_two_tiers_blank_number_and_date_acting_head():
    result = read(samples.school_decision())
    content = result.content
    assert content["issuers"] == [
        {
            "parent": "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nTỈNH ĐẮK LẮK",
            "name": "TRƯỜNG TRUNG HỌC PHỔ THÔNG\nTRẦN XUÂN SOẠN",
            "abbreviation": "THPTTXS",
        }
    ]
    assert (content["number"], content["symbol"]) == ("", "QĐ-THPTTXS")
    assert (content["place"], content["date"]) == ("Đắk Lắk", None)
    assert content["authority_line"] == (
        "HIỆU TRƯỞNG TRƯỜNG TRUNG HỌC PHỔ THÔNG TRẦN XUÂN SOẠN"
    )
    assert (
        content["bases"][-1]
        == "Theo đề nghị của Hội đồng Thi đua - Khen thưởng nhà trường"
    )
    article = content["body"][0]
    assert [c["text"] for c in article["children"]] == [
        "Danh hiệu “Tập thể lao động tiên tiến”: 03 tổ chuyên môn;",
        "Danh hiệu “Lao động tiên tiến”: 25 cá nhân.",
    ]
    assert content["signers"] == [signer("HIỆU TRƯỞNG", "Đỗ Thị Hoa", "Q.")]
    assert content["recipients"] == ["Như Điều 3", "Sở GD&ĐT (để b/c)"]
    assert result.unplaced == []


def test_council_minutes_two_signers():
    content = read(samples.council_minutes()).content
    assert content["kind"] == "bien_ban"
    assert content["type_title"] == "BIÊN BẢN"
    assert content["issuers"][0]["parent"] == "SỞ GD&ĐT ĐẮK LẮK"
    assert (content["place"], content["date"]) == ("", None)
    assert content["opening"] == [
        "Thời gian: 14 giờ 00, ngày 28 tháng 5 năm 2024.",
        "Địa điểm: Phòng họp Hội đồng nhà trường.",
    ]
    content_section = content["body"][1]
    assert content_section["children"][0] == paragraph("Hội đồng thống nhất đề nghị:")
    assert content["closing"][0].startswith("Cuộc họp kết thúc vào lúc 16 giờ 30")
    # The chair signs right (first), the secretary left.
    assert content["signers"] == [
        signer("CHỦ TỌA", "Nguyễn Văn Châu"),
        signer("THƯ KÝ", "Trần Thị Dịu"),
    ]
    assert content["recipients"] == ["Hội đồng TĐKT"]
    assert content["filing"] == ["VT", "Hồ sơ"]


def test_ministry_submission_tab_header_and_kinh_gui_list():
    content = read(samples.ministry_submission()).content
    assert content["kind"] == "to_trinh"
    assert content["issuers"] == [
        {"parent": "", "name": "BỘ NỘI VỤ", "abbreviation": "BNV"}
    ]
    assert (content["number"], content["symbol"]) == ("45", "TTr-BNV")
    assert (content["place"], content["date"]) == ("Hà Nội", "2025-01-02")
    assert content["kinh_gui"] == ["Thủ tướng Chính phủ", "Văn phòng Chính phủ"]
    assert content["body"] == [
        section(
            "arabic",
            "Tóm tắt thành tích:",
            "các tập thể, cá nhân hoàn thành xuất sắc.",
        ),
        section("arabic", "Đề nghị:", "tặng Bằng khen cho 02 tập thể và 02 cá nhân."),
    ]
    assert content["closing"] == [
        "Kính trình Thủ tướng Chính phủ xem xét, quyết định./."
    ]
    assert content["signers"] == [
        signer("THỨ TRƯỞNG", "Vũ Chiến Thắng", "KT.", "BỘ TRƯỞNG")
    ]
    assert content["filing"] == ["VT", "Vụ TĐKT"]


def test_official_letter():
    result = read(samples.official_letter())
    content = result.content
    assert content["kind"] == "cong_van"
    assert content["type_title"] == ""
    assert content["trich_yeu"] == "hướng dẫn xét tặng danh hiệu thi đua năm 2024"
    assert content["issuers"] == [
        {"parent": "UBND TỈNH ĐẮK LẮK", "name": "SỞ NỘI VỤ", "abbreviation": "SNV"}
    ]
    assert content["symbol"] == "SNV-TĐKT"
    assert content["kinh_gui"] == ["Các sở, ban, ngành, đoàn thể tỉnh."]
    assert content["opening"] == [
        "Thực hiện Kế hoạch số 0125/KH-UBND của UBND tỉnh;",
        "Sở Nội vụ hướng dẫn như sau:",
    ]
    assert len(content["body"]) == 2
    assert content["closing"] == [
        "Trong quá trình thực hiện, nếu có vướng mắc đề nghị liên hệ Sở Nội vụ.",
        "Trân trọng./.",
    ]
    assert result.unplaced == [
        'Chân trang: "Địa chỉ: 01 Lê Duẩn, TP. Buôn Ma Thuột; ĐT: 0262.3852.xxx" '
        "– không đặt được"
    ]


def test_joint_plan_two_issuers_two_signers():
    result = read(samples.joint_plan())
    content = result.content
    assert content["type_title"] == "KẾ HOẠCH LIÊN TỊCH"
    assert content["kind"] == "ke_hoach"
    assert content["issuers"] == [
        {
            "parent": "",
            "name": "CÔNG TY CỔ PHẦN\nCÀ PHÊ BUÔN MA THUỘT",
            "abbreviation": "CT",
        },
        {
            "parent": "CÔNG ĐOÀN NÔNG NGHIỆP TỈNH",
            "name": "CÔNG ĐOÀN CƠ SỞ CÔNG TY",
            "abbreviation": "CĐCS",
        },
    ]
    assert (content["number"], content["symbol"]) == ("15", "KHLT-CT")
    assert content["signers"] == [
        signer("GIÁM ĐỐC", "Ngô Thị Phương"),
        signer("CHỦ TỊCH", "Hoàng Văn Em", "TM.", "BAN CHẤP HÀNH\nCÔNG ĐOÀN CƠ SỞ"),
    ]
    assert content["recipients"] == ["Công đoàn Nông nghiệp tỉnh"]
    assert result.unplaced == [
        'Bảng 1, hàng 1, ô 2: số, ký hiệu thứ hai "Số: 08/KHLT-CĐCS" – không đặt được'
    ]


def test_automatic_numbering_and_text_box_header():
    content = read(samples.auto_numbered()).content
    assert content["issuers"] == [
        {
            "parent": "SỞ GD&ĐT ĐẮK LẮK",
            "name": "TRƯỜNG THPT TRẦN XUÂN SOẠN",
            "abbreviation": "THPTTX.PL",
        }
    ]
    assert (content["number"], content["symbol"]) == ("0125", "KH-THPTTX.PL")
    assert content["date"] == "2024-09-05"
    goals, means = content["body"]
    assert goals["numbering"] == "roman" and goals["title"] == "MỤC TIÊU"
    general, specific = goals["children"]
    assert general["title"] == "Chỉ tiêu chung"
    assert [c["numbering"] for c in general["children"]] == ["decimal", "decimal"]
    rate, gifted = specific["children"]
    assert rate == section(
        "letter",
        text="Tỷ lệ tốt nghiệp 99 %;",
        children=[
            section(
                "dash",
                text="khối 12 đạt 100 %;",
                children=[section("plus", text="lớp chọn đạt điểm cao;")],
            )
        ],
    )
    assert gifted["text"] == "Học sinh giỏi cấp tỉnh: 30 em."
    unnumbered, method, first_article, second_article = means["children"]
    assert unnumbered == paragraph("Đoạn không đánh số trong danh sách.", indent=False)
    assert method["children"] == [paragraph("**Thực hiện quy chế:**", indent=False)]
    assert first_article == section("article", "Tổ chức thực hiện.", start=4)
    assert second_article == section("article", text="Hiệu lực thi hành.")
    assert content["signers"] == [signer("HIỆU TRƯỞNG", "Đỗ Thị Hoa")]
    assert content["filing"] == ["VT"]


def test_everything_is_nfc():
    data = samples.ubnd_plan()
    content = read(data).content

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    assert all(unicodedata.is_normalized("NFC", s) for s in strings(content))


# Bad input ------------------------------------------------------------------------


def refused(data: bytes, **kwargs) -> str:
    with pytest.raises(DocxImportError) as caught:
        import_docx(data, **kwargs)
    assert str(caught.value) == caught.value.message
    return caught.value.message


def zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "Tệp trống"),
        (b"%PDF-1.7\n...", "tệp PDF"),
        (b"{\\rtf1\\ansi", "tệp RTF"),
        (samples.PNG, "ảnh PNG"),
        (b"\xff\xd8\xff\xe0JFIF", "ảnh JPEG"),
        (b"<!DOCTYPE html><html>", "trang HTML"),
        (b"<html><body>", "trang HTML"),
        (b'<?xml version="1.0"?><w:wordDocument/>', "tệp XML"),
        (b"plain text", "không phải văn bản Word"),
        (OLE + "WordDocument".encode("utf-16-le"), "tệp .doc cũ"),
        (OLE + "EncryptionInfo".encode("utf-16-le"), "mật khẩu"),
        (OLE + "Workbook".encode("utf-16-le"), "Excel .xls"),
        (OLE, "định dạng OLE"),
        (b"PK\x03\x04" + b"\0" * 100, "bị hỏng"),
    ],
)
def test_not_a_word_document(data, words):
    assert words in refused(data)


def test_legacy_doc_says_to_save_as_docx():
    message = refused(OLE + "WordDocument".encode("utf-16-le"))
    assert message == (
        "Đây là tệp .doc cũ (Word 97–2003); hãy mở bằng Word và lưu lại dưới dạng .docx."
    )


@pytest.mark.parametrize(
    ("parts", "words"),
    [
        ({"xl/workbook.xml": b"<x/>"}, "bảng tính Excel (.xlsx)"),
        ({"ppt/presentation.xml": b"<x/>"}, "PowerPoint"),
        ({"mimetype": b"application/vnd.oasis", "content.xml": b"<x/>"}, ".odt"),
        ({"readme.txt": b"hello"}, "Tệp nén (.zip) này không phải văn bản Word"),
    ],
)
def test_other_zip_files(parts, words):
    assert words in refused(zipped(parts))


def test_too_large_says_the_limit():
    message = refused(b"PK" + b"\0" * 600_000, max_bytes=512 * 1024)
    assert message == "Tệp quá lớn (0.6 MB); chỉ nhận tệp Word đến 0.5 MB."


def test_too_large_default_limit():
    assert "20 MB" in refused(b"PK" + b"\0" * (20 * 1024 * 1024 + 1))


def test_no_text():
    document = Document()
    document.add_paragraph()
    document.add_table(rows=1, cols=1)
    assert "không có chữ nào" in refused(samples.save(document))


def test_zip_bomb_by_ratio_is_refused_unread():
    data = samples.rezip(
        samples.official_letter(), {"word/media/big.bin": b"\0" * (3 * 1024 * 1024)}
    )
    assert "bom nén" in refused(data)


def test_zip_bomb_by_declared_total_is_refused():
    parts = {f"word/p{n}.xml": b"<x/>" for n in range(250)}
    data = samples.declare_sizes(zipped(parts), 1024 * 1024)
    assert "bom nén" in refused(data)


def test_too_many_entries(monkeypatch):
    monkeypatch.setattr(docx_import_package, "MAX_ENTRIES", 5)
    assert "bom nén" in refused(samples.official_letter())


def test_entry_larger_than_declared_is_broken():
    data = samples.declare_sizes(
        samples.official_letter(), 100, only="word/document.xml"
    )
    assert "không đọc được phần “word/document.xml”" in refused(data)


def test_oversized_part(monkeypatch):
    monkeypatch.setattr(docx_import_package, "MAX_PART", 100)
    assert "phần nội dung quá lớn" in refused(samples.official_letter())


def test_broken_xml():
    data = samples.rezip(
        samples.official_letter(), {"word/document.xml": b"<w:document"}
    )
    assert "bị hỏng" in refused(data)


def test_strict_open_xml():
    data = samples.rezip(
        samples.official_letter(),
        {
            "word/document.xml": lambda old: old.replace(
                b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                b"http://purl.oclc.org/ooxml/wordprocessingml/main",
            )
        },
    )
    assert "Strict Open XML" in refused(data)


def test_report_with_paragraph_header_and_tab_signature():
    result = read(samples.provincial_report())
    content = result.content
    assert content["kind"] == "bao_cao"
    assert content["issuers"] == [
        {"parent": "UBND TỈNH ĐẮK LẮK", "name": "SỞ NỘI VỤ", "abbreviation": "SNV"}
    ]
    assert (content["number"], content["symbol"]) == ("7", "BC-SNV")
    assert (content["place"], content["date"]) == ("Đắk Lắk", None)
    assert content["kinh_gui"] == ["Ủy ban nhân dân tỉnh."]  # as typed, its "." too
    part, second_part = content["body"]
    assert (part["numbering"], part["title"]) == ("part", "KẾT QUẢ ĐẠT ĐƯỢC")
    (chapter,) = part["children"]
    assert (chapter["numbering"], chapter["title"], chapter["start"]) == (
        "chapter",
        "PHONG TRÀO THI ĐUA",
        2,
    )
    bullet, runs = chapter["children"]
    assert bullet == section("dash", text="Các phong trào được phát động rộng khắp.")
    assert runs["text"] == (
        "Xem cổng thông tin đã sửa trang 3 mã 01-02 và CHỮ HOA **nhấn mạnh** "
        "thường.[^Ghi chú cuối.]"
    )
    assert runs["children"] == [
        {
            "type": "table",
            "header_rows": 1,
            "widths": [67, 33],
            "rows": [
                ["Đơn vị", "Số lượng"],
                ["Sở Nội vụ", {"text": "12", "align": "right"}],
                [{"text": "Cộng", "align": "center"}, "12\nlồng"],
            ],
        }
    ]
    assert (second_part["title"], second_part.get("start")) == ("PHƯƠNG HƯỚNG", None)
    assert content["signers"] == [
        signer("PHÓ GIÁM ĐỐC", "Nguyễn Văn Hải", "KT.", "GIÁM ĐỐC")
    ]
    assert (content["recipients"], content["filing"]) == (["Như trên"], ["VT"])
    first, second = content["appendices"]
    assert first["title"] == "DANH MỤC PHONG TRÀO"
    assert first["body"] == [section("arabic", text="Phong trào “Thi đua yêu nước”.")]
    assert second["title"] == "DANH SÁCH"
    assert second["body"] == [paragraph("Không có.")]
    assert result.unplaced == [
        'Đoạn 17: "- Xem cổng thông tin đã sửa trang 3 mã 01-02 và CHỮ HOA nhấ…" '
        "(đối tượng nhúng) – không đặt được",
        'Đoạn 1: "KHẨN" – không đặt được',
        'Đoạn 7: ngày ban hành "Đắk Lắk, ngày 30 tháng 02 năm 2024" không có thật '
        "– để trống",
        'Bảng 1, hàng 2, ô 1: chú thích "Số liệu đến 30/11." trong bảng – không đặt '
        "được",
        "Bảng 2: đầu văn bản lặp lại ở phụ lục – bỏ qua",
    ]


def test_note_without_header():
    result = read(samples.bare_note())
    content = result.content
    assert content["kind"] == "khac"
    assert content["issuers"] == [{"parent": "", "name": "", "abbreviation": ""}]
    assert (content["number"], content["symbol"], content["date"]) == ("", "", None)
    assert content["opening"] == ["Đề nghị các phòng gửi báo cáo trước ngày 20."]
    assert content["body"] == []
    assert content["closing"] == ["Trân trọng./."]
    assert content["signers"] == [signer("TRƯỞNG PHÒNG", "Phan Văn Quang")]
    assert content["appendices"] == []
    assert result.unplaced == ['Đoạn 8: "Ghi chú viết tay thêm." – không đặt được']


def test_labels_as_schools_type_them_and_a_date_by_month():
    """ "a." (not "a)"), "A.", "1)" and "*" keep their own numbering; a date with the
    day left for signing is a month."""
    from docx import Document

    from tests.documents import docx_samples as s

    document = Document()
    s._decision_header(
        document,
        ["**TRƯỜNG TIỂU HỌC A**", s.RULE, "Số:    /BC-THA"],
        "Quang Châu, ngày      tháng 5 năm 2021",
    )
    s.centred(document, "**BÁO CÁO**", "**Kết quả thi đua**", s.RULE)
    s.para(document, "**A. KẾT QUẢ**")
    s.para(document, "**I. Tổ chức**")
    s.para(document, "a. Đã triển khai.")
    s.para(document, "b. Đã sơ kết.")
    s.para(document, "1) Lớp 1A;")
    s.para(document, "* Ghi chú.")
    content = import_docx(s.save(document)).content
    assert content["date"] == "2021-05"
    assert content["place"] == "Quang Châu"
    top = content["body"][0]
    assert (top["numbering"], top["title"]) == ("upper_letter", "KẾT QUẢ")
    roman = top["children"][0]
    numberings = [child["numbering"] for child in roman["children"]]
    assert numberings[:2] == ["letter_dot", "letter_dot"]
    flat = json.dumps(content, ensure_ascii=False)
    assert '"numbering": "arabic_paren"' in flat and '"numbering": "star"' in flat


def test_thidua_s_own_wraps_in_a_header_name_are_joined_again():
    """A long name thidua wrapped to fit its cell (soft line breaks in a file it
    marked as its own) comes back as the one name the officer typed; a break he typed
    (a paragraph of its own) stays; in another's file a soft break is his."""
    from thidua.documents.drafting.to_spec import content_spec  # noqa: PLC0415
    from thidua.documents.rendering import render_docx  # noqa: PLC0415

    from .test_drafting_content import PLAN  # noqa: PLC0415

    content = copy.deepcopy(PLAN)
    content["issuers"] = [
        {
            "parent": "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK",
            "name": "BAN THI ĐUA - KHEN THƯỞNG TỈNH ĐẮK LẮK\nTỔ GIÚP VIỆC",
            "abbreviation": "BTĐKT",
        }
    ]
    data = render_docx(content_spec(content))
    issuer = import_docx(data).content["issuers"][0]
    assert issuer["parent"] == "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"
    assert issuer["name"] == "BAN THI ĐUA - KHEN THƯỞNG TỈNH ĐẮK LẮK\nTỔ GIÚP VIỆC"
    # The same file without thidua's mark: the soft breaks are read as typed.
    document = Document(io.BytesIO(data))
    document.core_properties.category = ""
    out = io.BytesIO()
    document.save(out)
    issuer = import_docx(out.getvalue()).content["issuers"][0]
    assert issuer["name"].count("\n") > 1
