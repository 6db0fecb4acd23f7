"""Every page type, as the roles that reach it, checked by axe-core (no critical or
serious violation) and at a 390 px wide phone (no horizontal scrolling of the page).

A spider starts at each demo account's home page and follows the links it is shown;
the first URL of each view (``resolve(path).view_name``) is checked, the others of the
same view are not visited. axe-core comes from npm (package-lock.json, a dev
dependency) and is injected into the page: the context bypasses the CSP for that
alone, the pages themselves are the served ones.
"""

import json
import os
from collections import deque
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.urls import Resolver404, resolve
from playwright.sync_api import Error as PlaywrightError

from .helpers import login

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
ROLES = (
    "canbotdkt",
    "quantri",
    "truongphong",
    "thuky",
    "uyvien",
    "chutich",
    "vanthu",
    "bantdkt",
    "chuyenvien",
)
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# Links that end the session or start a download rather than show a page.
NOT_PAGES = ("/dang-xuat", "excel=", ".xlsx", ".docx", ".pdf", ".zip", "/tai-ve")
MAX_PAGES = 400
# Swagger UI (the API's reference for developers, django-ninja's bundle) is third-party
# markup thidua does not write; its page is still checked at 390 px.
NOT_OURS = {"api-v1:openapi-view"}
# Pages whose links differ by role: each account walks them, even when another account
# had their view checked already (a council member's menu is not an officer's).
HUBS = (
    "dashboard",
    "search",
    "documents:drafts",
    "documents:register",
    "movements:inbox",
)


def _view_name(path: str) -> str | None:
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


def _links(page, base: str) -> list[str]:
    hrefs = page.eval_on_selector_all(
        "a[href]:not([download])", "links => links.map(a => a.href)"
    )
    out = []
    for href in hrefs:
        parts = urlsplit(href)
        if f"{parts.scheme}://{parts.netloc}" != base:
            continue
        url = parts.path + (f"?{parts.query}" if parts.query else "")
        if any(marker in url for marker in NOT_PAGES):
            continue
        out.append(url)
    return out


def _check(page) -> tuple[list[dict], int]:
    """(axe's critical and serious violations, the page's width at 390 px).

    The page was loaded at 390 px (charts and canvases size themselves at load), then
    axe reads it at a desktop width, where the menu is not folded away."""
    width = page.evaluate("() => document.documentElement.scrollWidth")
    page.set_viewport_size(DESKTOP)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']}))"
        ".violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
    )
    serious = [v for v in result if v["impact"] in ("critical", "serious")]
    page.set_viewport_size(PHONE)
    return serious, width


@pytest.fixture(scope="module")
def checked(demo_server, browser):
    """{view name: (account, url, violations, width at 390 px)} for every page type."""
    assert AXE.exists(), "npm ci chưa cài axe-core"
    found: dict[str, tuple] = {}
    for account in (None, *ROLES):
        context = browser.new_context(
            locale="vi-VN",
            timezone_id="Asia/Ho_Chi_Minh",
            bypass_csp=True,
            viewport=PHONE,
        )
        page = context.new_page()
        page.set_default_timeout(60000)
        if account is None:
            queue = deque(["/tai-khoan/dang-nhap/", "/khong-co-trang-nay/"])
        else:
            login(page, demo_server, account)
            queue = deque(["/", "/tim-kiem/?q=nguyen"])
        visited = 0
        walked: set[str] = set()
        while queue and visited < MAX_PAGES:
            url = queue.popleft()
            name = _view_name(urlsplit(url).path) or f"404:{url}"
            hub = name in HUBS or name.endswith("-list")
            if name in walked or (name in found and not hub):
                continue
            walked.add(name)
            try:
                response = page.goto(demo_server + url)
            except PlaywrightError as error:
                if "Download is starting" in str(error):
                    continue  # a file, not a page
                raise
            visited += 1
            if response is None or "text/html" not in response.headers.get(
                "content-type", ""
            ):
                continue
            if urlsplit(page.url).path != urlsplit(url).path:
                continue  # redirected: the target is checked under its own name
            if name not in found:
                found[name] = (account, url, *_check(page))
            queue.extend(_links(page, demo_server))
        context.close()
    dump = os.environ.get("THIDUA_A11Y_REPORT")
    if dump:  # the whole table, for whoever fixes pages (not needed by the tests)
        Path(dump).write_text(json.dumps(found, ensure_ascii=False, indent=1))
    return found


def test_every_page_type_was_reached(checked):
    # The spider reaches the pages an officer's day is made of (a floor, so a broken
    # menu cannot make the check pass by seeing less).
    for name in (
        "dashboard",
        "movements:movement-list",
        "movements:movement-detail",
        "nominations:round-list",
        "organizations:person-list",
        "organizations:person-detail",
        "search",
    ):
        assert name in checked, name
    assert len(checked) >= 60, sorted(checked)


def test_no_critical_or_serious_violation(checked):
    failures = {
        name: (account, url, violations)
        for name, (account, url, violations, _width) in checked.items()
        if violations and name not in NOT_OURS
    }
    assert not failures, json.dumps(failures, ensure_ascii=False, indent=1)


def test_no_horizontal_scrolling_at_390_px(checked):
    wide = {
        name: (account, url, width)
        for name, (account, url, _v, width) in checked.items()
        if width > PHONE["width"]
    }
    assert not wide, json.dumps(wide, ensure_ascii=False, indent=1)
