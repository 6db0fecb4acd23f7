"""Login throttling on django-axes, kept in the database (``axes.AccessAttempt``), so
every worker process and the API count the same failures.

Three counters, each over the cool-off window (THIDUA_LOGIN_COOLOFF_HOURS):

- one account from one address: THIDUA_LOGIN_FAILURE_LIMIT;
- one account from any address: THIDUA_LOGIN_ACCOUNT_FAILURE_LIMIT (a password guessed
  from many addresses);
- one address for any account: THIDUA_LOGIN_IP_FAILURE_LIMIT (many accounts tried from
  one address).

The lockout answer says which counter tripped and when to try again, in Vietnamese.
API tokens count under the user name ``api:<prefix>`` (see ``api/auth.py``).
"""

import datetime

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from thidua.common.throttle import client_ip

__all__ = [
    "LoginFailureHandler",
    "Lockout",
    "axes_client_ip",
    "lockout_for",
    "lockout_message",
    "lockout_response",
]

_KINDS = ("account_address", "account", "address")


def _limits() -> list[int]:
    return [
        settings.THIDUA_LOGIN_FAILURE_LIMIT,
        settings.THIDUA_LOGIN_ACCOUNT_FAILURE_LIMIT,
        settings.THIDUA_LOGIN_IP_FAILURE_LIMIT,
    ]


def axes_client_ip(request) -> str | None:
    """The address axes records: the same one the other throttles use."""
    address = client_ip(request)
    return None if address == "unknown" else address


class Lockout:
    """Which counter is full (``kind``) and when it empties enough (``until``)."""

    def __init__(self, kind: str, limit: int, until: datetime.datetime):
        self.kind, self.limit, self.until = kind, limit, until


class LoginFailureHandler(AxesDatabaseHandler):
    """axes compares one number with one limit; each counter here has its own limit.
    ``get_failures`` answers ``AXES_FAILURE_LIMIT + max(count - its limit)``, so it
    reaches axes' limit exactly when one counter reaches its own."""

    def filter_user_attempts(self, request, credentials=None):
        """The attempts of each counter, in the order of ``_KINDS`` (what
        AXES_LOCKOUT_PARAMETERS says, made explicit)."""
        username = get_client_username(request, credentials)
        address = request.axes_ip_address
        return [
            AccessAttempt.objects.filter(username=username, ip_address=address),
            AccessAttempt.objects.filter(username=username),
            AccessAttempt.objects.filter(ip_address=address),
        ]

    def get_failures(self, request, credentials=None) -> int:
        counts = [
            attempts.values_list("failures_since_start", flat=True)
            for attempts in self.get_user_attempts(request, credentials)
        ]
        over = max(
            sum(rows) - limit for rows, limit in zip(counts, _limits(), strict=True)
        )
        return get_failure_limit(request, credentials) + over

    def lockout(self, request, credentials=None) -> Lockout | None:
        """The counter that locks this request, the one that lifts last; None if none."""
        cool_off = get_cool_off(request)
        found = None
        for kind, limit, attempts in zip(
            _KINDS,
            _limits(),
            self.get_user_attempts(request, credentials),
            strict=True,
        ):
            total = 0
            # Newest first: the lock lifts when the attempt that completed the count
            # leaves the window.
            rows = attempts.order_by("-attempt_time").values_list(
                "attempt_time", "failures_since_start"
            )
            for attempt_time, failures in rows:
                total += failures
                if total >= limit:
                    until = attempt_time + cool_off
                    if found is None or until > found.until:
                        found = Lockout(kind, limit, until)
                    break
        return found

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A successful login forgets its own account's failures from its own address
        only: the failures others made against the account, and those made from the
        address against other accounts, keep counting."""
        attempts = self.filter_user_attempts(request, credentials)[0]
        count, _rows = attempts.delete()
        return count


def lockout_for(request, credentials=None) -> Lockout | None:
    from axes.handlers.proxy import AxesProxyHandler  # noqa: PLC0415 (axes loads its handler lazily)

    AxesProxyHandler.update_request(request)
    handler = AxesProxyHandler.get_implementation()
    if not isinstance(handler, LoginFailureHandler):
        return None
    return handler.lockout(request, credentials)


def lockout_message(request, credentials=None) -> str:
    """The Vietnamese sentence shown when a login is refused for too many failures."""
    lock = lockout_for(request, credentials)
    username = get_client_username(request, credentials) or ""
    if lock is None:
        return _(
            "Đăng nhập tạm thời bị khóa vì sai quá nhiều lần. Hãy thử lại sau ít phút "
            "hoặc liên hệ quản trị hệ thống."
        )
    if lock.kind == "address":
        why = _(
            "Địa chỉ IP %(ip)s đã đăng nhập sai %(n)s lần (với nhiều tài khoản)."
        ) % {"ip": getattr(request, "axes_ip_address", "") or "?", "n": lock.limit}
    elif lock.kind == "account":
        why = _(
            "Tài khoản “%(u)s” đã bị đăng nhập sai %(n)s lần (từ nhiều địa chỉ)."
        ) % {"u": username, "n": lock.limit}
    else:
        why = _("Tài khoản “%(u)s” đã đăng nhập sai %(n)s lần từ địa chỉ này.") % {
            "u": username,
            "n": lock.limit,
        }
    until = timezone.localtime(lock.until)
    minutes = max(1, -(-int((lock.until - timezone.now()).total_seconds()) // 60))
    when = _("Hãy thử lại sau %(time)s ngày %(date)s (%(wait)s), ") % {
        "time": until.strftime("%H:%M"),
        "date": formats.date_format(until, "d/m/Y"),
        "wait": ngettext("khoảng %(m)d phút nữa", "khoảng %(m)d phút nữa", minutes)
        % {"m": minutes},
    }
    return f"{why} {when}" + _("hoặc liên hệ quản trị hệ thống.")


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the page (or, for the API, the JSON error) saying why
    and until when; 429."""
    message = lockout_message(request, credentials)
    if request.path_info.startswith("/api/"):
        return JsonResponse({"detail": message}, status=429)
    return render(request, "accounts/locked_out.html", {"message": message}, status=429)
