"""The agency dashboard draws its charts in Chromium, the year not over yet marked."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from .helpers import login

pytestmark = pytest.mark.browser


def test_charts_draw_and_mark_the_year_not_over(demo_server, page):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda m: errors.append(m.text) if m.type == "error" else None,
    )
    login(page, demo_server, "canbotdkt")
    this = datetime.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).year
    page.goto(f"{demo_server}/thong-ke/?tu={this - 2}&den={this}")
    expect(page.get_by_test_id("unfinished-awards_by_year")).to_contain_text(
        f"Năm {this} chưa kết thúc"
    )
    canvas = page.get_by_test_id("chart-awards_by_year").locator("canvas")
    expect(canvas).to_be_visible()
    # Chart.js has drawn: the canvas holds pixels, not a blank surface.
    drawn = canvas.evaluate(
        "c => c.getContext('2d').getImageData(0, 0, c.width, c.height).data"
        ".some(v => v !== 0)"
    )
    assert drawn
    assert errors == []
