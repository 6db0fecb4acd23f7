"""Issue #17 points 2 and 8 in Chromium, on the demo server: the unit head proposes two
of his staff and adds a rating as evidence to one; the officer confirms the evidence
and the verdict changes with it; the unit sends both; the officer selects both on the
round's page and appraises them and sends them to the council in one step."""

import pytest
from playwright.sync_api import expect

from .helpers import login, logout

pytestmark = pytest.mark.browser
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
ROUND = "Xét khen thưởng thành tích năm 2025"
CODE = "LDTT"


def nominate(page, round_url, index) -> str:
    page.goto(round_url)
    page.get_by_role("link", name="Đề nghị khen thưởng", exact=True).click()
    page.select_option("#id_proposing_unit", label="Phòng Đăng ký kinh doanh")
    page.select_option("#id_person", index=index)
    page.select_option("#id_code", CODE)
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.get_by_test_id("nomination-state")).to_have_text("Nháp")
    for kind in ("bao_cao_thanh_tich", "bien_ban_binh_xet"):
        page.select_option("#id_kind", kind)
        page.set_input_files(
            "#id_file",
            files=[
                {"name": f"{kind}.pdf", "mimeType": "application/pdf", "buffer": PDF}
            ],
        )
        page.get_by_role("button", name="Thêm tài liệu").click()
        expect(page.get_by_text("Đã thêm tài liệu.")).to_be_visible()
    return page.url


def claim_rating(page, rating):
    page.get_by_test_id("evidence-add").click()
    page.select_option("#id_kind", "xep_loai")
    page.fill("#id_year", "2025")
    page.select_option("#id_rating", rating)
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.get_by_text("Đã bổ sung minh chứng")).to_be_visible()


def send(page):
    page.get_by_role("button", name="Gửi hồ sơ", exact=True).click()
    sent = page.get_by_text("Đã cập nhật hồ sơ.").or_(
        page.get_by_test_id("send-anyway")
    )
    expect(sent).to_be_visible()
    if page.get_by_test_id("send-anyway").count():
        page.get_by_test_id("send-anyway").click()
    expect(page.get_by_test_id("nomination-state")).to_have_text("Đã gửi")


def test_evidence_changes_the_verdict_and_bulk_appraisal(demo_server, page):
    base = demo_server
    login(page, base, "truongphong")
    page.get_by_role("link", name="Khen thưởng", exact=True).click()
    page.get_by_role("link", name=ROUND).click()
    round_url = page.url
    first, second = nominate(page, round_url, 6), nominate(page, round_url, 7)
    # Two claims on the second: an HT year, then the HTXS the unit says is right.
    claim_rating(page, "HT")
    claim_rating(page, "HTXS")
    evidence = page.get_by_test_id("evidence")
    expect(evidence).to_contain_text("Chờ xác nhận")
    logout(page)

    login(page, base, "canbotdkt")
    page.goto(second)
    verdict = page.get_by_test_id(f"verdict-{CODE}")
    # The office confirms the HT year: counted, not yet good enough.
    page.get_by_test_id("evidence-confirm").first.click()
    expect(page.get_by_text("điều kiện theo luật được xét lại")).to_be_visible()
    expect(verdict).to_have_text("Chưa đủ điều kiện")
    # The HTXS one confirmed: the verdict follows it.
    page.get_by_test_id("evidence-confirm").first.click()
    expect(verdict).to_have_text("Đủ điều kiện")
    expect(page.get_by_test_id("evidence-status").first).to_have_text("Đã xác nhận")
    logout(page)

    login(page, base, "truongphong")
    for url in (first, second):
        page.goto(url)
        send(page)
    logout(page)

    # The officer ticks both on the round's page and appraises them in one step.
    login(page, base, "canbotdkt")
    page.goto(round_url)
    form = page.get_by_test_id("bulk-form")
    action = form.get_by_role("button", name="Ghi nhận thẩm định và trình Hội đồng")
    expect(action).to_be_disabled()
    for url in (first, second):
        pk = url.rstrip("/").split("/")[-1]
        form.locator(f"input[name=ho_so][value='{pk}']").check()
    expect(action).to_be_enabled()
    action.click()
    expect(page.get_by_test_id("bulk-counts")).to_contain_text("2")
    page.fill("#bulk-appraisal", "Hồ sơ đầy đủ, đủ tiêu chuẩn.")
    page.get_by_test_id("bulk-confirm").click()
    expect(page.get_by_text("Đã chuyển 2 hồ sơ")).to_be_visible()
    for url in (first, second):
        page.goto(url)
        expect(page.get_by_test_id("nomination-state")).to_have_text("Trình Hội đồng")
        expect(page.get_by_test_id("appraisal")).to_contain_text("Hồ sơ đầy đủ")
