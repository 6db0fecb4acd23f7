"""Issue #17 point 2 in Chromium, on the demo server: the office opens a round for 2023
(the year of the demo's movement, whose registrations were approved); the head of
Phòng ĐKKD nominates from his unit's registration in one step (one title changed, one
row unticked), uploads the unit's peer-review minutes once (every dossier's checklist
counts them), then proposes from an Excel list — refused first with the row named,
then previewed and created."""

import io
import re

import pytest
from openpyxl import Workbook
from playwright.sync_api import expect

from .helpers import login, logout

pytestmark = pytest.mark.browser
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
ROUND = "Tổng kết phong trào thi đua năm 2023"
HEADERS = [
    "STT",
    "Họ và tên",
    "Ngày sinh",
    "Số CCCD",
    "Đơn vị",
    "Danh hiệu/hình thức đề nghị",
    "Thành tích tóm tắt",
]


def workbook(rows) -> dict:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return {
        "name": "de-nghi.xlsx",
        "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "buffer": buffer.getvalue(),
    }


def test_unit_head_nominates_from_registration_and_from_excel(page, demo_server):
    base = demo_server
    login(page, base, "canbotdkt")
    page.goto(f"{base}/khen-thuong/dot-xet/")
    page.get_by_role("link", name=re.compile("Mở đợt xét – ")).first.click()
    page.fill("#id_name", ROUND)
    page.select_option("#id_kind", "hang_nam")
    page.fill("#id_year", "2023")
    page.fill("#id_submission_deadline", "31/12/2099")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("heading", name=ROUND)).to_be_visible()
    round_url = page.url
    logout(page)

    login(page, base, "truongphong")
    page.goto(round_url)
    page.get_by_role("link", name="Đề nghị từ đăng ký thi đua").click()
    rows = page.get_by_test_id("candidate")
    expect(rows.first).to_contain_text("Phòng Đăng ký kinh doanh")
    count = rows.count()
    assert count >= 3
    expect(page.get_by_test_id("registration-candidates")).to_contain_text("điều kiện")
    # The second row (the person registered for CSTĐCS) proposed for a Giấy khen
    # instead; the last one unticked.
    rows.nth(1).locator("select").select_option("GIAY_KHEN")
    rows.nth(1).locator("input[type=checkbox]").check()
    rows.nth(count - 1).locator("input[type=checkbox]").uncheck()
    ticked = page.locator("input[name=chon]:checked").count()
    page.get_by_role(
        "button", name="Lập hồ sơ đề nghị cho các đối tượng đã chọn"
    ).click()
    expect(page.get_by_text(f"Đã lập {ticked} hồ sơ đề nghị")).to_be_visible()
    expect(page.get_by_test_id("nominations")).to_contain_text("Giấy khen")

    # The unit's minutes once for all its dossiers.
    page.get_by_role("link", name="Biên bản bình xét của đơn vị").click()
    page.set_input_files(
        "#id_file",
        files=[{"name": "bien-ban.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    page.get_by_role("button", name="Tải lên").click()
    expect(page.get_by_test_id("unit-files")).to_contain_text("bien-ban.pdf")
    page.goto(round_url)
    page.get_by_test_id("nominations").get_by_role("link").first.click()
    checklist = page.get_by_test_id("checklist")
    expect(checklist.locator("li", has_text="Biên bản bình xét")).to_contain_text("✔")

    # From Excel: a row naming nobody refuses the whole list, its row named.
    page.goto(round_url)
    page.get_by_role("link", name="Nhập danh sách từ Excel").click()
    expect(page.get_by_test_id("template-download")).to_be_visible()
    unit_row = [1, None, None, None, "Phòng Đăng ký kinh doanh", "Giấy khen", "Tốt"]
    page.set_input_files(
        "#id_file",
        files=[workbook([unit_row, [2, "Người Không Có", "01/01/1990"]])],
    )
    page.get_by_role("button", name="Kiểm tra danh sách").click()
    errors = page.get_by_test_id("import-errors")
    expect(errors).to_contain_text("Dòng 3, cột Họ và tên: không có cán bộ")
    page.set_input_files("#id_file", files=[workbook([unit_row])])
    page.get_by_role("button", name="Kiểm tra danh sách").click()
    expect(page.get_by_test_id("import-preview")).to_contain_text("Giấy khen")
    page.get_by_role("button", name="Lập hồ sơ").click()
    expect(page.get_by_text("Đã lập 1 hồ sơ đề nghị")).to_be_visible()
