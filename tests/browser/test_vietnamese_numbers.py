"""#17 point 3 in Chromium: a unit head types "93,5" with the Vietnamese decimal comma
into the progress form — stored as 93.5 (it was once read as 935 and turned the target
green), shown back as "93,5 %" —, and picks a date on the calendar beside the date box,
by mouse and by keyboard, under the strict CSP."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from .helpers import login

pytestmark = pytest.mark.browser
MOVEMENT = "Phong trào thi đua thực hiện thắng lợi nhiệm vụ chính trị năm 2023"
INDICATOR = "Tỷ lệ hồ sơ đăng ký doanh nghiệp qua mạng"  # owner: Phòng ĐKKD, in %


def _indicator_card(page, base):
    login(page, base, "truongphong")
    page.get_by_role("link", name="Phong trào", exact=True).click()
    page.get_by_role("link", name=MOVEMENT).first.click()
    page.get_by_role("link", name="Chỉ tiêu và tiến độ").click()
    return page.get_by_test_id("indicator").filter(has_text=INDICATOR)


def _watch_csp(page) -> list:
    problems = []
    page.on(
        "console",
        lambda m: problems.append(m.text) if "Content Security Policy" in m.text else 0,
    )
    page.on("pageerror", lambda e: problems.append(str(e)))
    return problems


def test_a_decimal_comma_is_stored_and_shown_the_vietnamese_way(demo_server, page):
    problems = _watch_csp(page)
    card = _indicator_card(page, demo_server)
    card.get_by_role("link", name="Báo cáo số liệu").click()
    page.get_by_label("Ngày số liệu").fill("15/01/2024")
    page.get_by_label("Giá trị đạt được").fill("93,5")
    page.get_by_role("button", name="Lưu", exact=True).click()
    card = page.get_by_test_id("indicator").filter(has_text=INDICATOR)
    expect(card.get_by_test_id("latest-value")).to_have_text("93,5 %")
    expect(card).to_contain_text("15/01/2024")
    expect(card).not_to_contain_text("Đã đạt")  # 93,5 < 95: the target stays open
    # The chart reads the stored number: 93.5, not 935.
    values = card.locator("canvas.progress-chart").get_attribute("data-values")
    assert values.split(",")[-1] == "93.50"
    # An ambiguous figure is refused with the field named, nothing written.
    card.get_by_role("link", name="Báo cáo số liệu").click()
    page.get_by_label("Giá trị đạt được").fill("1,234")
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.locator("[data-field=value]")).to_contain_text(
        "Giá trị đạt được: “1,234” không rõ"
    )
    expect(page.get_by_label("Giá trị đạt được")).to_have_value("1,234")
    assert problems == []


def test_the_calendar_fills_the_date_box_by_mouse_and_keyboard(demo_server, page):
    problems = _watch_csp(page)
    card = _indicator_card(page, demo_server)
    card.get_by_role("link", name="Báo cáo số liệu").click()
    box = page.get_by_label("Ngày số liệu")
    box.fill("15/03/2024")
    toggle = page.get_by_role("button", name="Chọn ngày trên lịch")
    toggle.click()
    calendar = page.get_by_role("dialog", name="Chọn ngày")
    expect(calendar.get_by_test_id("datepicker-month")).to_have_text("Tháng 3/2024")
    expect(calendar.get_by_role("button", name="15/03/2024")).to_be_focused()
    calendar.get_by_role("button", name="Tháng sau").click()
    expect(calendar.get_by_test_id("datepicker-month")).to_have_text("Tháng 4/2024")
    calendar.get_by_role("button", name="02/04/2024").click()
    expect(box).to_have_value("02/04/2024")
    expect(calendar).to_have_count(0)
    expect(box).to_be_focused()
    # The keyboard alone: Alt+↓ opens, arrows walk the days, Page Down a month,
    # Enter picks; Escape closes without changing the date.
    box.press("Alt+ArrowDown")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("PageDown")
    expect(page.get_by_role("button", name="10/05/2024")).to_be_focused()
    page.keyboard.press("Enter")
    expect(box).to_have_value("10/05/2024")
    toggle.click()
    page.keyboard.press("Home")
    expect(page.get_by_role("button", name="06/05/2024")).to_be_focused()  # Monday
    page.keyboard.press("Escape")
    expect(calendar).to_have_count(0)
    expect(box).to_have_value("10/05/2024")
    expect(toggle).to_be_focused()
    # "Hôm nay" writes today's date as dd/mm/yyyy.
    toggle.click()
    page.get_by_role("button", name="Hôm nay").click()
    today = datetime.date.today().strftime("%d/%m/%Y")  # noqa: DTZ011 (server is local)
    expect(box).to_have_value(today)
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", box.input_value())
    assert problems == []
