"""Behind a proxy: X-Forwarded-* believed only from THIDUA_PROXY_IPS (default: nobody),
the client address taken from X-Forwarded-For for throttles and lockouts, and /healthz
answering 200 without a redirect whatever the host."""

import importlib
import os
import subprocess
import sys

import pytest
from django.test import Client
from django.urls import reverse

from thidua.common.supervise import gunicorn_argv

from ..factories import PASSWORD

LOGIN = "accounts:login"


@pytest.fixture
def https_only(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["thidua.example.gov.vn"]
    return settings


@pytest.fixture
def behind_proxy(https_only):
    https_only.THIDUA_PROXY_IPS = ["10.0.0.0/24"]
    https_only.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    return https_only


def get(path, peer, **headers):
    return Client(REMOTE_ADDR=peer).get(
        path, HTTP_HOST="thidua.example.gov.vn", **headers
    )


@pytest.mark.django_db
def test_forwarded_proto_is_ignored_without_a_configured_proxy(https_only):
    response = get(reverse(LOGIN), "127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 301
    assert response["Location"].startswith("https://thidua.example.gov.vn/")


@pytest.mark.django_db
def test_forwarded_proto_counts_only_from_the_configured_proxy(behind_proxy):
    assert (
        get(reverse(LOGIN), "10.0.0.7", HTTP_X_FORWARDED_PROTO="https").status_code
        == 200
    )
    # The same header from anyone else (even with SECURE_PROXY_SSL_HEADER on).
    assert (
        get(reverse(LOGIN), "203.0.113.9", HTTP_X_FORWARDED_PROTO="https").status_code
        == 301
    )
    assert get(reverse(LOGIN), "10.0.0.7").status_code == 301  # the proxy says http


def test_client_address_behind_the_proxy(behind_proxy):
    from django.test import RequestFactory

    from thidua.common.proxy import client_ip, strip_untrusted_headers

    def address(peer, forwarded=None):
        extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
        request = RequestFactory().get("/", REMOTE_ADDR=peer, **extra)
        strip_untrusted_headers(request)
        return client_ip(request)

    assert address("10.0.0.7", "198.51.100.4") == "198.51.100.4"
    # What the client wrote itself (left of the last hop) proves nothing.
    assert address("10.0.0.7", "1.2.3.4, 198.51.100.4") == "198.51.100.4"
    assert address("10.0.0.7", "198.51.100.4, 10.0.0.8") == "198.51.100.4"
    assert address("203.0.113.9", "198.51.100.4") == "203.0.113.9"  # not a proxy
    assert address("10.0.0.7", "khong-phai-ip") == "10.0.0.7"


@pytest.mark.django_db
def test_login_lockout_counts_the_client_behind_the_proxy(behind_proxy, users):
    behind_proxy.THIDUA_LOGIN_IP_FAILURE_LIMIT = 3

    def login(client_address, password="sai-mat-khau"):
        return Client(REMOTE_ADDR="10.0.0.7").post(
            reverse(LOGIN),
            {"username": "officer", "password": password},
            HTTP_HOST="thidua.example.gov.vn",
            HTTP_X_FORWARDED_PROTO="https",
            HTTP_X_FORWARDED_FOR=client_address,
        )

    for _ in range(3):
        login("198.51.100.4")
    locked = login("198.51.100.4", PASSWORD)
    assert locked.status_code == 429
    assert "198.51.100.4" in locked.content.decode()
    # Another client behind the same proxy is not locked out with it.
    assert login("198.51.100.5", PASSWORD).status_code == 302


@pytest.mark.parametrize(
    "host", ["thidua.example.gov.vn", "127.0.0.1", "10.9.8.7:8000", "x"]
)
def test_healthz_answers_200_without_redirect_for_any_host(https_only, host):
    response = Client(REMOTE_ADDR="127.0.0.1").get("/healthz", HTTP_HOST=host)
    assert (response.status_code, response.content) == (200, b"ok")
    assert Client().head("/healthz", HTTP_HOST=host).status_code == 200


def test_healthz_under_production_settings(tmp_path):
    """The real production settings (THIDUA_PRODUCTION=true: HTTPS redirect, HSTS)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "thidua.settings.base",
        "THIDUA_PRODUCTION": "true",
        "THIDUA_SECRET_KEY": "k" * 50,
        "THIDUA_ALLOWED_HOSTS": "thidua.example.gov.vn",
        "THIDUA_DATA_DIR": str(tmp_path),
    }
    env.pop("THIDUA_DATABASE_URL", None)
    env.pop("THIDUA_PROXY_IPS", None)
    code = (
        "import django; django.setup()\n"
        "from django.conf import settings; from django.test import Client\n"
        "assert settings.SECURE_SSL_REDIRECT and settings.SECURE_PROXY_SSL_HEADER is None\n"
        "for host in ('127.0.0.1', 'thidua.example.gov.vn', '10.0.0.5:8000'):\n"
        "    r = Client().get('/healthz', HTTP_HOST=host)\n"
        "    assert (r.status_code, r.content) == (200, b'ok'), (host, r.status_code)\n"
        "r = Client().get('/', HTTP_HOST='thidua.example.gov.vn', HTTP_X_FORWARDED_PROTO='https')\n"
        "assert r.status_code == 301, r.status_code\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    env["THIDUA_PROXY_IPS"] = "10.0.0.0/24,192.0.2.1"
    check = "import django; django.setup(); from django.conf import settings; print(settings.SECURE_PROXY_SSL_HEADER)"
    result = subprocess.run(
        [sys.executable, "-c", check],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "HTTP_X_FORWARDED_PROTO" in result.stdout, result.stderr
    env["THIDUA_PROXY_IPS"] = "10.0.0.1/24"  # host bits set: gunicorn would refuse it
    result = subprocess.run(
        [sys.executable, "-c", check],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0 and "THIDUA_PROXY_IPS" in result.stderr


@pytest.mark.parametrize(
    ("proxies", "allowed"), [([], ""), (["10.0.0.0/24", "::1"], "10.0.0.0/24,::1")]
)
def test_gunicorn_trusts_the_same_proxies(settings, proxies, allowed):
    settings.THIDUA_PROXY_IPS = proxies
    web = gunicorn_argv("127.0.0.1:0", 1)
    assert web[web.index("--config") + 1] == "python:thidua.gunicorn_conf"
    conf = importlib.reload(importlib.import_module("thidua.gunicorn_conf"))
    assert conf.forwarded_allow_ips == allowed
