"""Login throttling: per account and address, per account from any address, per
address for any account; kept in the database (shared by every worker process) and
shared with the API's tokens; the lockout says why and until when, in Vietnamese."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ..api.helpers import token_for
from ..factories import PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = "accounts:login"
NOW = "2026-11-25 08:00 +0700"


@pytest.fixture
def limits(settings):
    settings.THIDUA_LOGIN_FAILURE_LIMIT = 3
    settings.THIDUA_LOGIN_ACCOUNT_FAILURE_LIMIT = 5
    settings.THIDUA_LOGIN_IP_FAILURE_LIMIT = 8
    settings.AXES_FAILURE_LIMIT = 3
    return settings


def login(username, password, ip):
    """A fresh client (no cookies) from ``ip``."""
    return Client(REMOTE_ADDR=ip).post(
        reverse(LOGIN), {"username": username, "password": password}
    )


def test_state_is_in_the_database_not_in_process_memory():
    assert django_settings.AXES_HANDLER == "thidua.accounts.lockout.LoginFailureHandler"
    from thidua.accounts.lockout import LoginFailureHandler

    assert "database" in LoginFailureHandler.__mro__[1].__module__


def test_one_account_from_many_addresses_is_locked(users, limits):
    with time_machine.travel(NOW, tick=False):
        for n in range(5):  # two per address: never three from one address
            response = login("officer", "sai-mat-khau", f"10.0.0.{n // 2 + 1}")
            assert response.status_code == (200 if n < 4 else 429), n
        assert AccessAttempt.objects.filter(username="officer").count() == 3
        # The right password, from an address that never failed.
        response = login("officer", PASSWORD, "10.9.9.9")
    assert response.status_code == 429
    body = response.content.decode()
    assert "Tài khoản “officer” đã bị đăng nhập sai 5 lần (từ nhiều địa chỉ)." in body
    assert "Hãy thử lại sau 08:15 ngày 25/11/2026 (khoảng 15 phút nữa)" in body
    # Another account from the same addresses still logs in.
    assert login("staff", PASSWORD, "10.0.0.1").status_code == 302


def test_one_address_trying_many_accounts_is_locked(users, limits):
    with time_machine.travel(NOW, tick=False):
        for n in range(8):
            login(f"khong-co-{n}", "sai-mat-khau", "203.0.113.7")
        locked = login("officer", PASSWORD, "203.0.113.7")
        assert login("officer", PASSWORD, "203.0.113.8").status_code == 302
    assert locked.status_code == 429
    assert "Địa chỉ IP 203.0.113.7 đã đăng nhập sai 8 lần" in locked.content.decode()


def test_one_account_from_one_address_still_locks_at_its_own_limit(users, limits):
    with time_machine.travel(NOW, tick=False):
        for _ in range(3):
            login("officer", "sai-mat-khau", "10.0.0.1")
        assert login("officer", PASSWORD, "10.0.0.1").status_code == 429
        assert login("officer", PASSWORD, "10.0.0.2").status_code == 302


def test_failures_written_by_another_worker_count(users, limits):
    """Another gunicorn worker writes the same table: its rows lock this one out."""
    with time_machine.travel(NOW, tick=False):
        for n in range(5):
            AccessAttempt.objects.create(
                username="officer",
                ip_address=f"10.1.0.{n}",
                user_agent="khác",
                failures_since_start=1,
                attempt_time=timezone.now(),
                get_data="",
                post_data="",
                http_accept="",
                path_info="/",
            )
        assert login("officer", PASSWORD, "10.2.0.1").status_code == 429


def test_the_lock_lifts_at_the_announced_time(users, limits):
    with time_machine.travel(NOW, tick=False) as clock:
        for n in range(5):
            login("officer", "sai-mat-khau", f"10.0.0.{n}")
        clock.shift(datetime.timedelta(minutes=10))
        refused = login("officer", PASSWORD, "10.0.0.99")
        assert refused.status_code == 429
        # Refused attempts do not push the time further.
        assert "sau 08:15 ngày 25/11/2026 (khoảng 5 phút nữa)" in (
            refused.content.decode()
        )
        clock.shift(datetime.timedelta(minutes=5, seconds=1))
        assert login("officer", PASSWORD, "10.0.0.99").status_code == 302


def test_success_forgets_only_its_own_failures(users, limits):
    with time_machine.travel(NOW, tick=False):
        for n in range(4):
            login("officer", "sai-mat-khau", f"10.0.0.{n}")
        for n in range(2):
            login(f"khac-{n}", "sai-mat-khau", "10.0.0.0")
        assert login("officer", PASSWORD, "10.0.0.0").status_code == 302
        # The failures from the other addresses and against other accounts stay.
        assert AccessAttempt.objects.filter(username="officer").count() == 3
        assert AccessAttempt.objects.filter(ip_address="10.0.0.0").count() == 2


def test_wrong_api_tokens_lock_the_address_out_of_the_api_and_the_login(users, limits):
    _token, good = token_for(users["officer"])
    api = Client(REMOTE_ADDR="198.51.100.4")
    with time_machine.travel(NOW, tick=False):
        for n in range(8):
            response = api.get(
                "/api/v1/agencies/", headers={"Authorization": f"Bearer tdk_x{n}_sai"}
            )
        assert response.status_code == 429  # the failure that fills the counter
        response = api.get(
            "/api/v1/agencies/", headers={"Authorization": f"Bearer {good}"}
        )
        assert response.status_code == 429
        assert (
            "Địa chỉ IP 198.51.100.4 đã đăng nhập sai 8 lần"
            in (response.json()["detail"])
        )
        assert login("officer", PASSWORD, "198.51.100.4").status_code == 429
        other = Client(REMOTE_ADDR="198.51.100.5").get(
            "/api/v1/agencies/", headers={"Authorization": f"Bearer {good}"}
        )
        assert other.status_code == 200


def test_expired_tokens_are_not_counted_as_guesses(users, limits):
    token, plaintext = token_for(users["officer"])
    token.__class__.objects.filter(pk=token.pk).update(expires_at=timezone.now())
    api = Client(REMOTE_ADDR="198.51.100.6")
    for _ in range(10):
        response = api.get(
            "/api/v1/agencies/", headers={"Authorization": f"Bearer {plaintext}"}
        )
        assert response.status_code == 401
    assert not AccessAttempt.objects.exists()
