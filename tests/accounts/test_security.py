import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.urls import reverse

from ..factories import PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = "accounts:login"
TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "thidua" / "templates"


def test_login_then_dashboard(client, users):
    response = client.post(
        reverse(LOGIN), {"username": "officer", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("dashboard")
    body = client.get(reverse("dashboard")).content.decode()
    assert "Tổng quan" in body and "Trần Thị Thu Hà" in body


def test_wrong_password_gets_a_vietnamese_message(client, users):
    response = client.post(reverse(LOGIN), {"username": "officer", "password": "sai"})
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.content.decode()


def test_login_is_locked_after_five_failures(client, users):
    for _ in range(5):
        client.post(reverse(LOGIN), {"username": "officer", "password": "sai-mat-khau"})
    response = client.post(
        reverse(LOGIN), {"username": "officer", "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "tạm thời bị khóa" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_session_ends_after_15_idle_minutes(client, users):
    with time_machine.travel("2026-11-25 08:00 +0700", tick=False) as clock:
        client.post(reverse(LOGIN), {"username": "officer", "password": PASSWORD})
        assert client.get(reverse("dashboard")).status_code == 200
        clock.shift(14 * 60)
        assert client.get(reverse("dashboard")).status_code == 200
        clock.shift(16 * 60)
        response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response.url.startswith(reverse(LOGIN))


def test_session_has_an_absolute_lifetime(client, users, settings):
    settings.SESSION_ABSOLUTE_SECONDS = 3600
    with time_machine.travel("2026-11-25 08:00 +0700", tick=False) as clock:
        client.post(reverse(LOGIN), {"username": "officer", "password": PASSWORD})
        for _ in range(7):  # active every 10 minutes for 70 minutes
            clock.shift(10 * 60)
            response = client.get(reverse("dashboard"))
    assert response.status_code == 302


def test_session_key_changes_at_login(client, users):
    client.get(reverse(LOGIN))
    client.session.save()
    before = client.session.session_key
    client.post(reverse(LOGIN), {"username": "officer", "password": PASSWORD})
    assert client.session.session_key != before


def _pages(org):
    person = org.people["dkkd_staff"]
    return [
        reverse("dashboard"),
        reverse("organizations:person-list"),
        person.get_absolute_url(),
        person.get_absolute_url() + "?tab=history",
        reverse("organizations:person-edit", args=[person.pk]),
        reverse("organizations:agency-list"),
        org.skhdt.get_absolute_url(),
        org.council.get_absolute_url(),
        reverse("organizations:import", args=[org.skhdt.pk]),
        reverse("audit-log"),
    ]


def test_pages_satisfy_their_content_security_policy(client_for, org):
    client = client_for("officer")
    for url in _pages(org):
        response = client.get(url)
        assert response.status_code == 200, url
        policy = response["Content-Security-Policy"]
        assert "script-src 'self' 'nonce-" in policy
        assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
        nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
        body = response.content.decode()
        for tag in re.findall(r"<script\b[^>]*>", body):
            assert f'nonce="{nonce}"' in tag, (url, tag)
        assert not re.search(r"\sstyle=", body), (
            url
        )  # style-src 'self' forbids inline styles
        assert not re.search(r"\son[a-z]+=", body), url  # no inline event handlers
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_no_page_loads_anything_from_another_host(client_for, org):
    client = client_for("officer")
    for url in _pages(org):
        body = client.get(url).content.decode()
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", body), url
    for template in TEMPLATES.rglob("*.html"):
        assert not re.search(
            r"""(src|href)=["']?(https?:)?//""", template.read_text()
        ), template


def test_upload_size_is_limited(client_for, org, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.THIDUA_MAX_UPLOAD_BYTES = 100
    upload = SimpleUploadedFile("ds.xlsx", b"x" * 200)
    response = client_for("officer").post(
        reverse("organizations:import", args=[org.skhdt.pk]), {"file": upload}
    )
    assert "Tệp quá lớn" in response.context["form"].errors["file"][0]


def test_logs_never_carry_a_cccd_or_a_password(caplog):
    from thidua.common.logging import RedactFilter

    logger = logging.getLogger("thidua.test")
    record = logging.LogRecord(
        "thidua.test",
        logging.INFO,
        __file__,
        1,
        "Nhập %s với password=%s",
        ("020085123456", "bimat"),
        None,
    )
    RedactFilter().filter(record)
    assert record.getMessage() == "Nhập [CCCD] với password=***"
    assert logger.name == "thidua.test"


def test_deploy_check_is_clean_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "thidua.settings.base",
        "THIDUA_PRODUCTION": "true",
        "THIDUA_SECRET_KEY": "k" * 20 + "Q9x!m2#Zp7@L4v$R8n&T1w*Y6b^K3c%J5",
        "THIDUA_ALLOWED_HOSTS": "thidua.example.gov.vn",
        "THIDUA_DATA_DIR": str(tmp_path),
    }
    env.pop("THIDUA_DATABASE_URL", None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "thidua.cli",
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "thidua.settings.base",
        "THIDUA_PRODUCTION": "true",
        "THIDUA_DATA_DIR": str(tmp_path),
    }
    env.pop("THIDUA_SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "-m", "thidua.cli", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "THIDUA_SECRET_KEY" in result.stderr


def test_access_log_format_leaves_out_query_strings():
    from thidua import gunicorn_conf

    log_format = gunicorn_conf.access_log_format
    assert "%(U)s" in log_format  # the path only
    assert "%(q)s" not in log_format and "%(r)s" not in log_format
