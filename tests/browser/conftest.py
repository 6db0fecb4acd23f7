"""A real server (``thidua demo``) in a subprocess and Debian's Chromium driven by Playwright."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from ..scratch import scratch_database
from ..smtp_sink import running_sink

CHROMIUM = os.environ.get("THIDUA_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


LOG_DIR = Path(tempfile.mkdtemp(prefix="thidua-e2e-"))


@pytest.fixture(scope="session")
def demo_server_log() -> Path:
    return LOG_DIR / "server.log"


@pytest.fixture(scope="session")
def smtp_sink():
    """The mail server the demo sends to (tests/smtp_sink.py)."""
    yield from running_sink()


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory, smtp_sink):
    port = _free_port()
    env = {
        **os.environ,
        "THIDUA_DATA_DIR": str(tmp_path_factory.mktemp("demo")),
        "DJANGO_SETTINGS_MODULE": "thidua.settings.base",
        "THIDUA_EMAIL_HOST": "127.0.0.1",
        "THIDUA_EMAIL_PORT": str(smtp_sink.port),
    }
    with scratch_database("e2e") as url:
        if url:
            env["THIDUA_DATABASE_URL"] = url
        yield from _serve_demo(env, port)


def _serve_demo(env: dict, port: int):
    log = LOG_DIR / "server.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "thidua.cli",
                "demo",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"thidua demo exited: {log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.5)
    else:
        process.terminate()
        pytest.fail(f"thidua demo did not answer: {log.read_text()[-3000:]}")
    try:
        yield base
    finally:
        os.killpg(process.pid, 15)
        process.wait(timeout=30)


# Per module, not per session: Playwright's sync API drives an asyncio loop in this
# thread, and while it is alive a Django database call of another module's test on the
# same xdist worker could be refused as "called from an async context".
@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists() or not shutil.which(CHROMIUM):
        pytest.skip(f"Chromium không có tại {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    page = context.new_page()
    yield page
    context.close()
