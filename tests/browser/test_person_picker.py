"""The person picker in Chromium: the admin creating an account finds the person by a
part of the name typed without diacritics, or by the CCCD, among the agency's people."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from thidua.common.text import search_words

from .helpers import login

pytestmark = pytest.mark.browser


def test_admin_finds_the_person_by_name_without_diacritics(demo_server, page):
    login(page, demo_server, "quantri")
    page.goto(demo_server + reverse("accounts:account-create"))
    search = page.get_by_label("Tìm cá nhân theo tên, đơn vị hoặc số CCCD")
    select = page.locator("#id_person")
    total = select.locator("option:not([value=''])").count()
    assert total > 20
    # Someone without an account yet, typed as a hurried admin does: no diacritics.
    wanted = select.locator("option:not([value=''])").nth(total // 2).inner_text()
    name = wanted.split(" – ")[0]
    search.fill(search_words(name))
    visible = select.locator("option:not([value='']):not([hidden])")
    expect(visible.first).to_have_text(re.compile(re.escape(name)))
    assert visible.count() < total
    search.fill(search_words(wanted))
    expect(visible).to_have_count(1)
    # A single match is chosen, and the count is said for screen readers.
    assert select.evaluate("s => s.options[s.selectedIndex].text") == wanted
    expect(page.locator("#id_person-found")).to_have_text("1 người phù hợp")
    search.fill("")
    expect(visible).to_have_count(total)
