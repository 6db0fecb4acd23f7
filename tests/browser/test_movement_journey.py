"""Issue #4 end to end in Chromium: the officer writes and issues a movement, downloads its
PDF; a unit head confirms dissemination and registers; the officer approves."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from .helpers import confirm, login, logout

pytestmark = pytest.mark.browser
NAME = "Phong trào thi đua chuyển đổi số năm 2026"


def save_section(page, base_url, section, fill):
    """In place on the movement's page: the section opens there, is saved through
    htmx, and the page is not loaded again (issue #17)."""
    if page.url != base_url:
        page.goto(base_url)
    loads = []
    page.on("load", lambda _page: loads.append(1))
    page.get_by_test_id(f"section-link-{section}").click()
    editor = page.locator(f"#section-editor-{section}")
    expect(editor).to_be_visible()
    fill(page)
    editor.get_by_test_id("section-save").click()
    expect(page.locator(f"#section-editor-{section}")).to_contain_text("Đã lưu")
    assert loads == []


def test_movement_from_draft_to_approved_registration(demo_server, page, smtp_sink):
    today = datetime.date.today().strftime("%d/%m/%Y")  # noqa: DTZ011 (server is local)
    login(page, demo_server, "canbotdkt")
    page.get_by_role("link", name="Phong trào", exact=True).click()
    page.get_by_role("link", name="Phát động phong trào").click()
    page.fill("#id_name", NAME)
    page.select_option("#id_kind", "chuyen_de")
    page.fill("#id_document_title", "Kế hoạch")
    page.fill(
        "#id_opening", "Thực hiện Kế hoạch số 51/KH-SKHĐT ngày 25/02/2022 của Sở;"
    )
    page.fill("#id_theme", "Chuyển đổi số vì người dân và doanh nghiệp")
    page.fill("#id_closing", "Giám đốc Sở kêu gọi toàn thể công chức hưởng ứng./.")
    page.fill("#id_registration_deadline", "31/12/2026")
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.get_by_test_id("movement-state")).to_have_text("Nháp")
    expect(page.get_by_test_id("missing")).to_contain_text("Mục đích")
    detail = page.url

    save_section(
        page,
        detail,
        "purposes",
        lambda p: p.fill("#id_form-0-text", "Đẩy mạnh **chuyển đổi số**."),
    )
    expect(page.get_by_test_id("document-preview")).to_contain_text("chuyển đổi số")
    save_section(
        page,
        detail,
        "contents",
        lambda p: p.fill("#id_form-0-text", "100% hồ sơ trực tuyến[^Theo NQ 49.]"),
    )
    save_section(
        page,
        detail,
        "duties",
        lambda p: (
            p.select_option("#id_form-0-actor", "don_vi"),
            p.fill("#id_form-0-text", "Các phòng quán triệt, đăng ký thi đua."),
        ),
    )
    save_section(
        page,
        detail,
        "recipients",
        lambda p: (
            p.select_option("#id_form-0-kind", "don_vi_truc_thuoc"),
            p.fill("#id_form-0-label", "Các phòng, đơn vị trực thuộc Sở"),
            p.select_option(
                "#id_form-0-agency", label="Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn"
            ),
        ),
    )

    # The launch document goes to the Director, who approves it (the signer block is
    # his own record, nobody types it); then the clerk takes the number and issues.
    page.goto(detail)
    expect(page.get_by_test_id("missing")).to_have_count(0)
    page.get_by_role("button", name="Trình thủ trưởng duyệt").click()
    expect(page.get_by_test_id("movement-state")).to_have_text("Chờ thủ trưởng duyệt")
    logout(page)
    login(page, demo_server, "chutich")
    page.goto(detail)
    page.get_by_test_id("approval-move").get_by_role("button", name="Duyệt").click()
    expect(page.get_by_test_id("movement-state")).to_have_text("Đã duyệt, chờ lấy số")
    expect(page.get_by_test_id("approval")).to_contain_text("Vũ Hoàng Quý")
    logout(page)
    login(page, demo_server, "vanthu")
    page.goto(detail)
    move = page.get_by_test_id("approval-move")
    move.locator("input[name=issued_on]").fill(today)
    issue = move.get_by_role("button", name="Lấy số và ban hành")
    # Irreversible: a dialog says what will happen; "Quay lại" leaves it approved,
    # with the focus back on the button.
    issue.click()
    summary = confirm(page, accept=False)
    assert (
        "lấy số tiếp theo của sổ văn bản" in summary and "không thể hoàn tác" in summary
    )
    expect(issue).to_be_focused()
    expect(page.get_by_test_id("movement-state")).to_have_text("Đã duyệt, chờ lấy số")
    issue.click()
    confirm(page)
    expect(page.get_by_test_id("movement-state")).to_have_text("Đã ban hành")
    # The number taken, told at once.
    expect(
        page.get_by_text(re.compile(r"^Đã ban hành số \d{2,}/KH-SKHĐT ngày "))
    ).to_be_visible()
    expect(page.get_by_test_id("movement-symbol")).to_have_text(
        re.compile(r"^\d{2,}/KH-SKHĐT$")
    )
    pdf_link = page.get_by_test_id("download-pdf")
    expect(pdf_link).to_be_visible(timeout=90_000)  # the huey job renders it
    with page.expect_download() as download:
        pdf_link.click()
    with open(download.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    logout(page)

    # The unit head's day: the new movement waits on his home page with its deadline,
    # and its notice reached his mailbox.
    login(page, demo_server, "truongphong")
    todo = page.get_by_test_id("home-todo")
    confirm_line = (
        todo.get_by_test_id("todo-item")
        .filter(has_text=NAME)
        .filter(has_text="Xác nhận quán triệt")
    )
    expect(confirm_line).to_contain_text("Hạn ")
    # Ten working days from today: more calendar days, weekends and holidays between.
    expect(confirm_line).to_contain_text(
        re.compile(r"Hạn (thứ (Hai|Ba|Tư|Năm|Sáu)), \d{2}/\d{2}/\d{4} · còn 1\d ngày")
    )
    expect(
        todo.get_by_test_id("todo-item")
        .filter(has_text="Đăng ký thi đua")
        .filter(has_text=NAME)
    ).to_contain_text("Hạn thứ Năm, 31/12/2026")
    expect(page.get_by_test_id("menu-todo-count")).to_be_visible()
    mail = smtp_sink.wait_for(
        lambda m: m["To"] == "truongphong@thidua.example" and NAME in m["Subject"]
    )
    assert mail["Subject"].strip() == f"Văn bản đến: {NAME}"
    expect(page.get_by_test_id("unread-count")).to_be_visible()
    page.get_by_role("button", name="Văn bản").click()
    page.get_by_role("link", name="Văn bản đến").click()
    row = page.get_by_test_id("inbox").locator("tr", has_text=NAME)
    row.get_by_role("link", name="Xác nhận đã quán triệt").click()
    page.fill("#id_note", "Họp phòng quán triệt")
    page.get_by_role("button", name="Xác nhận", exact=True).click()
    row = page.get_by_test_id("inbox").locator("tr", has_text=NAME)
    expect(row).to_contain_text("Đã quán triệt")
    row.get_by_role("link", name="Đăng ký thi đua").click()
    page.select_option("#id_collective_title", "TTLDXS")
    page.locator("select[name^=title_]").first.select_option("CSTDCS")
    page.get_by_role("button", name="Gửi đăng ký").click()
    expect(page.get_by_test_id("registration-state")).to_have_text("Đã gửi")
    # Done: the movement is off his to-do.
    page.get_by_role("link", name="Tổng quan", exact=True).click()
    expect(page.get_by_test_id("home-todo")).to_be_visible()
    expect(
        page.get_by_test_id("home-todo")
        .get_by_test_id("todo-item")
        .filter(has_text=NAME)
    ).to_have_count(0)
    logout(page)

    login(page, demo_server, "canbotdkt")
    page.goto(detail)
    expect(page.get_by_test_id("delivery-board")).to_contain_text("Phòng ĐKKD")
    page.get_by_role("link", name="Đăng ký thi đua").first.click()
    row = page.get_by_test_id("registration-table").locator(
        "tr", has_text="Phòng Đăng ký"
    )
    row.get_by_role("button", name="Duyệt").click()
    expect(row).to_contain_text("Đã duyệt")
