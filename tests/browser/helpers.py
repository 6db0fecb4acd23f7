"""Steps the Chromium journeys share."""

from playwright.sync_api import expect

from thidua.demo.loader import DEMO_PASSWORD

__all__ = ["confirm", "login", "logout"]


def login(page, base, username):
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Tổng quan")).to_be_visible()


def confirm(page, *, accept=True) -> str:
    """Answer the page's confirmation dialog (page_actions.js) of an irreversible
    action: "Đồng ý" or "Quay lại"; returns the summary it showed."""
    dialog = page.get_by_test_id("confirm-dialog")
    expect(dialog).to_be_visible()
    message = dialog.locator(".modal-body").inner_text()
    dialog.get_by_role("button", name="Đồng ý" if accept else "Quay lại").click()
    expect(dialog).to_be_hidden()
    return message


def logout(page):
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("button", name="Đăng nhập")).to_be_visible()
