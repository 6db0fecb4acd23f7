"""Issue #17, point 12: the system administrator finds the year's days off under
"Quản trị", with the lunar holidays named in Vietnamese, enters a làm bù Saturday and is
refused one on a weekday with the reason; then removes his entry."""

import re

import pytest
from playwright.sync_api import expect

from .helpers import login

pytestmark = pytest.mark.browser


def test_admin_enters_and_removes_a_day_swap(demo_server, page):
    login(page, demo_server, "quantri")
    page.get_by_role("button", name="Quản trị", exact=True).click()
    page.get_by_test_id("menu-workdays").click()
    page.wait_for_url(re.compile(r"/quan-tri/ngay-nghi/"))
    page.goto(f"{demo_server}/quan-tri/ngay-nghi/?nam=2035")
    calendar = page.get_by_test_id("workdays-calendar")
    expect(calendar).to_contain_text("Tết Nguyên Đán")
    expect(calendar).to_contain_text("Ngày Giỗ Tổ Hùng Vương")

    form = page.get_by_test_id("workdays-form")
    form.locator("#id_day").fill("05/06/2035")  # a Tuesday
    form.locator("#id_kind").select_option("lam")
    form.locator("#id_note").fill("Thông báo số 1/TB-BNV")
    form.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("đã là ngày làm việc")).to_be_visible()

    form.locator("#id_day").fill("02/06/2035")  # a Saturday
    form.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Đã nhập 02/06/2035")).to_be_visible()
    row = calendar.get_by_test_id("workdays-row").filter(has_text="02/06/2035")
    expect(row).to_contain_text("Thông báo số 1/TB-BNV")
    expect(row).to_contain_text("Ngày làm việc")
    row.get_by_test_id("workdays-remove").click()
    expect(page.get_by_text("Đã xóa 02/06/2035")).to_be_visible()
    expect(calendar).not_to_contain_text("02/06/2035")
