"""Issue #15 in Chromium: an officer writes a provincial-style plan in the editor —
nested sections, two đợt, a TM./KT. signer, a scoring table in an appendix — and the
PDF says it, laid out on A4 pages."""

import io
import json
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from playwright.sync_api import expect
from pypdf import PdfReader

from .helpers import login

pytestmark = pytest.mark.browser


def _node(scope, index):
    return scope.locator(".draft-node").nth(index)


def _merge_cells(appendices, table):
    """Merge a cell down and split it back, then a total row across two columns;
    the buttons act on the cell selected last and are pressed from the keyboard."""
    merge_right = appendices.get_by_role("button", name="Gộp ô sang phải")
    merge_down = appendices.get_by_role("button", name="Gộp ô xuống dưới")
    split = appendices.get_by_role("button", name="Tách ô")
    expect(merge_right).to_be_disabled()  # no cell selected yet
    table.get_by_label("Dòng 2, ô 1").focus()
    expect(appendices.get_by_role("status").last).to_have_text(
        "Ô đang chọn: dòng 2, ô 1."
    )
    expect(split).to_be_disabled()
    merge_down.press("Enter")
    expect(table.locator("td[rowspan='2']").get_by_label("Dòng 2, ô 1")).to_have_value(
        "1 2"
    )
    expect(table.get_by_label("Dòng 3, ô 1")).to_have_count(0)
    # Two rows high now: the cell on its right is one row high (no rectangle).
    expect(merge_right).to_be_disabled()
    expect(appendices.get_by_role("status").last).to_have_text(
        "Ô đang chọn: dòng 2, ô 1 (đã gộp 2 dòng × 1 cột)."
    )
    split.press("Enter")
    expect(table.locator("td[rowspan]")).to_have_count(0)
    table.get_by_label("Dòng 2, ô 1").fill("1")
    table.get_by_label("Dòng 3, ô 1").fill("2")
    appendices.get_by_role("button", name="+ Dòng").click()
    table.get_by_label("Dòng 4, ô 1").fill("Tổng cộng")
    merge_right.press("Enter")
    expect(table.locator("td[colspan='2']").get_by_label("Dòng 4, ô 1")).to_have_value(
        "Tổng cộng"
    )
    expect(merge_down).to_be_disabled()  # the last row
    expect(split).to_be_enabled()
    table.get_by_label("Dòng 4, ô 3").fill("100")


def test_a_provincial_plan_written_in_the_editor(demo_server, page):
    login(page, demo_server, "canbotdkt")
    page.get_by_role("button", name="Văn bản").click()
    page.get_by_test_id("menu-drafts").click()
    page.get_by_test_id("draft-new").click()
    page.select_option("#id_start", "trong:ke_hoach")
    page.get_by_role("button", name="Bắt đầu soạn").click()
    expect(page.get_by_test_id("draft-status")).to_have_text("Chưa có thay đổi.")

    # The header: a provincial issuer whose name breaks where the officer wants.
    issuers = page.locator("#draft-issuers")
    issuers.get_by_label("Cơ quan chủ quản (Enter để xuống dòng)").fill("")
    issuers.get_by_label("Tên cơ quan ban hành (Enter để xuống dòng)").fill(
        "Ủy ban nhân dân\ntỉnh Lạng Sơn"
    )
    issuers.get_by_label("Chữ viết tắt").fill("UBND")
    head = page.locator("#draft-head")
    head.get_by_label("Ký hiệu").fill("KH-UBND")
    head.get_by_label("Trích yếu (Enter để xuống dòng)").fill(
        "Tổ chức phong trào thi đua “Lạng Sơn chuyển đổi số” năm 2027"
    )
    head.get_by_label("Phần mở đầu (mỗi dòng một đoạn)").fill(
        "Thực hiện Kế hoạch số 51/KH-SKHĐT ngày 25/02/2022.\n"
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:"
    )

    body = page.locator("#draft-body")
    body.get_by_role("button", name="+ Mục").click()
    first = _node(body, 0)
    first.get_by_label("Tiêu đề (in đậm)").first.fill("Mục đích, yêu cầu")
    first.get_by_role("button", name="Thêm mục con").first.click()
    purpose = _node(body, 1)
    expect(purpose.get_by_label("Kiểu đánh số").first).to_have_value("arabic")
    purpose.get_by_label("Tiêu đề (in đậm)").first.fill("Mục đích")
    purpose.get_by_role("button", name="Thêm mục con").click()
    point = _node(body, 2)
    expect(point.get_by_label("Kiểu đánh số").first).to_have_value("decimal")
    point.get_by_label("Tiêu đề (in đậm)").first.fill("Đối với các sở, ngành")
    point.get_by_label("Nội dung (mỗi dòng là một đoạn)").first.fill(
        "Đăng ký thi đua trước ngày 15/3/2027."
    )
    # Enter in a title adds the next item of the same numbering, at the same level.
    first.get_by_label("Tiêu đề (in đậm)").first.press("End")
    first.get_by_label("Tiêu đề (in đậm)").first.press("Enter")
    time_section = body.locator("ol").first.locator(":scope > li").nth(1)
    time_section.get_by_label("Tiêu đề (in đậm)").first.fill("Thời gian thực hiện")
    time_section.get_by_role("button", name="Thêm mục con").first.click()
    first_round = time_section.locator(".draft-node").first
    first_round.get_by_label("Kiểu đánh số").first.select_option("dash")
    first_round.get_by_label("Tiêu đề (in đậm)").first.fill("Đợt 1:")
    first_round.get_by_label("Nội dung (mỗi dòng là một đoạn)").first.fill(
        "từ ngày 01/3/2027 đến ngày 30/6/2027;"
    )
    first_round.get_by_label("Tiêu đề (in đậm)").first.press("Enter")
    second_round = time_section.locator(".draft-node").nth(1)
    expect(second_round.get_by_label("Kiểu đánh số").first).to_have_value("dash")
    second_round.get_by_label("Tiêu đề (in đậm)").first.fill("Đợt 2:")
    second_round.get_by_label("Nội dung (mỗi dòng là một đoạn)").first.fill(
        "từ ngày 01/7/2027 đến ngày 30/11/2027."
    )

    tail = page.locator("#draft-tail")
    tail.get_by_label("Nơi nhận (mỗi dòng một nơi, không cần gạch đầu dòng)").fill(
        "Ban Thi đua - Khen thưởng Trung ương (b/c)\nCác sở, ban, ngành"
    )
    tail.get_by_label("Lưu", exact=True).fill("VT, NC")

    signers = page.locator("#draft-signers")
    signers.get_by_role("button", name="+ Người ký").click()
    signers.get_by_label("Quyền hạn").select_option("TM.")
    signers.get_by_label("Thay mặt / ký thay cho").fill("ỦY BAN NHÂN DÂN")
    signers.get_by_label("Dòng thứ hai").select_option("KT.")
    signers.get_by_label("Cho", exact=True).fill("CHỦ TỊCH")
    signers.get_by_label("Chức vụ").fill("PHÓ CHỦ TỊCH")
    signers.get_by_label("Họ và tên").fill("Đoàn Thu Hà")

    page.locator("summary", has_text="Phụ lục").click()
    appendices = page.locator("#draft-appendices")
    appendices.get_by_role("button", name="+ Phụ lục").click()
    appendices.get_by_label("Tiêu đề phụ lục").fill("Bảng chấm điểm thi đua")
    appendices.get_by_role("button", name="+ Bảng").click()
    table = appendices.locator("table")
    table.get_by_label("Dòng 1, ô 2").fill("Tiêu chí")
    table.get_by_label("Dòng 1, ô 3").fill("Điểm chuẩn")
    table.get_by_label("Dòng 2, ô 2").fill("Công tác chỉ đạo")
    table.get_by_label("Dòng 2, ô 3").fill("40")
    appendices.get_by_role("button", name="+ Dòng").click()
    table.get_by_label("Dòng 3, ô 1").fill("2")
    table.get_by_label("Dòng 3, ô 2").fill("Kết quả thực hiện")
    table.get_by_label("Dòng 3, ô 3").fill("60")
    _merge_cells(appendices, table)

    expect(page.get_by_test_id("draft-status")).to_contain_text(
        "Đã lưu lúc", timeout=20_000
    )
    # The preview is the PDF's own pages, drawn by the server.
    expect(page.get_by_test_id("preview-page").first).to_be_visible(timeout=60_000)
    assert page.get_by_test_id("preview-page").count() >= 2
    expect(page.get_by_test_id("preview-problems")).to_have_count(0)
    # Saved in the content's merge format (docs/document-model.md), normalised.
    page.reload()
    saved = json.loads(page.locator("#draft-content").text_content())
    assert saved["appendices"][0]["body"][0]["rows"][1:] == [
        ["1", "Công tác chỉ đạo", "40"],
        ["2", "Kết quả thực hiện", "60"],
        [
            {
                "text": "Tổng cộng",
                "colspan": 2,
                "rowspan": 1,
                "bold": False,
                "align": "",
            },
            "100",
        ],
    ]
    merged = page.locator("#draft-appendices table td[colspan='2']")
    expect(merged.get_by_label("Dòng 4, ô 1")).to_have_value("Tổng cộng")

    page.get_by_role("link", name="Xong").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Lạng Sơn chuyển đổi số"
    )
    with page.expect_download() as download:
        page.get_by_role("link", name="DOCX").click()
    sheet = docx.Document(download.value.path()).tables[-1]
    last = sheet.rows[-1]._tr.findall(qn("w:tc"))
    assert [cell.xpath("string(.)") for cell in last] == ["Tổng cộng", "100"]
    assert last[0].find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}").get(qn("w:val")) == "2"
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF").click()
    pdf = PdfReader(io.BytesIO(Path(download.value.path()).read_bytes()))
    texts = [p.extract_text() for p in pdf.pages]
    whole = re.sub(r"\s+", " ", " ".join(texts))
    for expected in (
        "ỦY BAN NHÂN DÂN",
        "TỈNH LẠNG SƠN",
        "Số: /KH-UBND",
        "KẾ HOẠCH",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "1.1. Đối với các sở, ngành Đăng ký thi đua trước ngày 15/3/2027.",
        "II. THỜI GIAN THỰC HIỆN",
        "- Đợt 1: từ ngày 01/3/2027 đến ngày 30/6/2027;",
        "- Đợt 2: từ ngày 01/7/2027 đến ngày 30/11/2027.",
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Đoàn Thu Hà",
        "- Lưu: VT, NC.",
        "BẢNG CHẤM ĐIỂM THI ĐUA",
        "Công tác chỉ đạo",
        "Kết quả thực hiện",
        "Tổng cộng 100",
    ):
        assert expected in whole, expected
    # A4 pages; the appendix starts a page of its own, after the signature.
    for sheet in pdf.pages:
        assert abs(float(sheet.mediabox.width) - 595.3) <= 1
        assert abs(float(sheet.mediabox.height) - 841.9) <= 1
    appendix = next(i for i, t in enumerate(texts) if "BẢNG CHẤM ĐIỂM" in t)
    assert appendix >= 1 and "Nơi nhận" not in texts[appendix]
    assert texts[appendix].lstrip().startswith("Phụ lục")
