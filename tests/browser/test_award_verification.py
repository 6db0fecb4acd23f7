"""Issue #5's journey, the end of it: the certificate's QR page shows the award, the award
is annulled, the page says annulled (the part before — decision — is tested in Django)."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from thidua.demo.loader import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def test_certificate_verification_then_annulment(demo_server, browser, page):
    page.goto(f"{demo_server}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("canbotdkt")
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{demo_server}/")
    page.get_by_role("button", name="Tổ chức").click()
    page.get_by_role("link", name="Cá nhân", exact=True).click()
    page.get_by_role("searchbox", name="Tìm cá nhân").fill("vu hoang quy")
    table = page.get_by_test_id("person-table")
    expect(table.locator("tbody tr")).to_have_count(1)  # htmx has swapped the list in
    expect(page).to_have_url(re.compile(r"q=vu(%20|\+)hoang(%20|\+)quy"))
    table.get_by_role("link", name="Vũ Hoàng Quý").click()
    expect(page.get_by_test_id("person-name")).to_have_text("Vũ Hoàng Quý")
    page.locator('a[href="?tab=awards"]').click()  # the profile's tab, not the menu
    page.wait_for_url(re.compile(r"tab=awards"))
    rows = page.get_by_test_id("awards").locator("tbody tr")
    expect(rows.nth(1)).to_be_visible()  # demo history 2021–2024: at least two awards
    oldest = rows.last

    with page.expect_download() as download:
        oldest.get_by_role("link", name="giấy chứng nhận").click()
    certificate = download.value
    assert certificate.suggested_filename.endswith(".pdf")
    assert Path(certificate.path()).read_bytes().startswith(b"%PDF-")

    verify = oldest.get_by_role("link", name="xác minh").get_attribute("href")
    assert re.fullmatch(r"/xac-minh/[\w-]{16,}/", verify)
    public = browser.new_context(locale="vi-VN").new_page()  # anyone, not logged in
    public.goto(f"{demo_server}{verify}")
    expect(public.get_by_test_id("verify-ok")).to_contain_text("Vũ Hoàng Quý")

    oldest.get_by_role("link", name="hủy bỏ").click()
    page.get_by_label("Lý do hủy bỏ").fill("Kê khai thành tích không trung thực")
    page.get_by_label("Số, ký hiệu quyết định hủy bỏ").fill("45/QĐ-SKHĐT")
    page.get_by_label("Ngày quyết định hủy bỏ").fill("10/03/2026")
    page.get_by_role("button", name="Hủy bỏ").click()
    expect(page.get_by_text("Đã hủy bỏ khen thưởng.")).to_be_visible()
    expect(rows.last).to_contain_text("đã hủy bỏ")
    expect(rows.first).to_contain_text("cần xem xét lại")

    public.reload()
    expect(public.get_by_test_id("verify-annulled")).to_contain_text("45/QĐ-SKHĐT")
    public.context.close()
