"""The demo TĐKT officer logs in, searches a person without diacritics, opens the profile."""

import re

import pytest
from playwright.sync_api import expect

from thidua.demo.loader import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def test_officer_finds_a_person_without_typing_diacritics(
    demo_server, demo_server_log, page
):
    external = []
    page.on(
        "request",
        lambda r: external.append(r.url) if "127.0.0.1" not in r.url else None,
    )
    violations = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security" in m.text else None,
    )

    page.goto(f"{demo_server}/")
    assert "/tai-khoan/dang-nhap/" in page.url
    page.get_by_label("Tên đăng nhập").fill("canbotdkt")
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{demo_server}/")
    assert page.get_by_role("heading", name="Tổng quan").is_visible()

    page.get_by_role("button", name="Tổ chức").click()
    page.get_by_role("link", name="Cá nhân", exact=True).click()
    page.get_by_role("searchbox", name="Tìm cá nhân").fill("vu hoang quy")
    table = page.get_by_test_id("person-table")
    expect(table.locator("tbody tr")).to_have_count(1)  # filtered live through htmx
    link = table.get_by_role("link", name="Vũ Hoàng Quý")
    expect(page).to_have_url(re.compile(r"q=vu(%20|\+)hoang(%20|\+)quy"))

    link.click()
    assert page.get_by_test_id("person-name").inner_text() == "Vũ Hoàng Quý"
    assert re.fullmatch(
        r"\d{2}/\d{2}/\d{4}", page.get_by_test_id("birth-date").inner_text()
    )
    page.get_by_role("link", name="Xếp loại").click()
    expect(page.locator("table tbody tr")).to_have_count(5)  # 2021–2025
    page.get_by_role("link", name="Lịch sử thay đổi").click()
    assert page.get_by_text("Thêm cá nhân").first.is_visible()
    assert external == []
    assert violations == []
    access_log = demo_server_log.read_text()
    assert "/ca-nhan/" in access_log and "q=vu" not in access_log  # no query strings
