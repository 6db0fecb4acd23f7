"""The officer finds the statistical forms from the menu (issue #17 point 7), and the
report's sub-rows are indented under the strict CSP (an inline style was dropped)."""

import pytest
from playwright.sync_api import expect

from .helpers import login

pytestmark = pytest.mark.browser


def test_the_forms_from_the_menu_with_their_sub_rows_indented(demo_server, page):
    violations = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security" in m.text else None,
    )
    login(page, demo_server, "canbotdkt")
    page.get_by_test_id("menu-reports").click()
    page.get_by_test_id("menu-report-forms").click()
    expect(page.get_by_role("heading", name="Báo cáo thống kê")).to_be_visible()
    page.get_by_role("button", name="Lập báo cáo").click()
    form = page.get_by_test_id("form-0602n")
    expect(form).to_be_visible()

    def padding(label):
        cell = form.locator("td", has_text=label).first
        return float(cell.evaluate("c => getComputedStyle(c).paddingLeft")[:-2])

    top, sub, subsub = padding("Tổng số"), padding("Tập thể"), padding("Doanh nghiệp")
    assert top < sub < subsub
    assert violations == []
