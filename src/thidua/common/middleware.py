"""Health check, proxy headers, request id for logs and the audit trail; control
characters at the door (NUL refused); absolute session lifetime."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.middleware import (
    LoginRequiredMiddleware as DjangoLoginRequired,
)
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .context import new_request_id, reset_request_id
from .params import BadParameter
from .proxy import strip_untrusted_headers
from .text import CONTROLS, strip_controls

__all__ = [
    "ControlCharacterMiddleware",
    "HealthCheckMiddleware",
    "LoginRequiredMiddleware",
    "ProxyHeadersMiddleware",
    "RequestIdMiddleware",
    "SessionLifetimeMiddleware",
]

HEALTH_PATH = "/healthz"


class HealthCheckMiddleware:
    """``/healthz`` answers 200 "ok" before anything else runs: no HTTPS redirect, no
    host check (a load balancer or ``curl http://127.0.0.1:8000/healthz`` probes by
    address), no session, no database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == HEALTH_PATH and request.method in ("GET", "HEAD"):
            response = HttpResponse("ok", content_type="text/plain")
            response["Cache-Control"] = "no-store"
            response["X-Content-Type-Options"] = "nosniff"
            return response
        return self.get_response(request)


class ProxyHeadersMiddleware:
    """Forwarding headers count only from THIDUA_PROXY_IPS (common/proxy.py); from
    anyone else they are dropped before SecurityMiddleware reads the scheme."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        strip_untrusted_headers(request)
        return self.get_response(request)


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = new_request_id()
        try:
            response = self.get_response(request)
        finally:
            reset_request_id(token)
        return response


class ControlCharacterMiddleware:
    """Control characters in what a request sends, before any view, session or login
    lookup reads it. A NUL byte has no place in any text and PostgreSQL refuses it in
    a query ("text fields cannot contain NUL"), as the file system does in a name: a
    path, query parameter, cookie, form field or upload name holding one answers 400
    naming it. The other control characters, which no document thidua writes (DOCX,
    XLSX) can hold, are dropped from query and form values (a vertical tab pasted from
    Word becomes a line break). JSON bodies: the API's parser (api/v1.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        where = _nul_in(request)
        if where is not None:
            raise BadParameter(where, _("không được chứa ký tự NUL"))
        request.GET = _without_controls(request.GET)
        if request.method == "POST":
            request.POST = _without_controls(request.POST)
        return self.get_response(request)


def _without_controls(data):
    """``data`` (a QueryDict), or a copy without control characters in its values."""
    if not any(CONTROLS.search(v) for _name, values in data.lists() for v in values):
        return data
    clean = data.copy()
    for name, values in clean.lists():
        clean.setlist(name, [strip_controls(v) for v in values])
    clean._mutable = False
    return clean


def _nul_in(request) -> str | None:
    """The name of the first part of the request holding a NUL byte, or None."""
    if "\x00" in request.path_info:
        return _("đường dẫn")
    for name, value in request.COOKIES.items():
        if "\x00" in name or "\x00" in value:
            return name.replace("\x00", "")
    parts = [request.GET]
    if request.method == "POST":
        parts += [request.POST]
    for data in parts:
        for name, values in data.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                return name.replace("\x00", "")
    if request.method == "POST":
        for name, upload in request.FILES.items():
            if "\x00" in (upload.name or ""):
                return name
    return None


class SessionLifetimeMiddleware:
    """Ends a session SESSION_ABSOLUTE_SECONDS after login, however active it is.

    The idle limit is Django's own (SESSION_COOKIE_AGE with SESSION_SAVE_EVERY_REQUEST).
    """

    KEY = "thidua_login_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            started = request.session.setdefault(self.KEY, int(time.time()))
            if time.time() - started > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
                return redirect(settings.LOGIN_URL)
        response = self.get_response(request)
        # The login request itself: start the clock at the moment of login.
        # An API token is no login: its calls must not open a session.
        if (
            request.user.is_authenticated
            and self.KEY not in request.session
            and not hasattr(request, "api_token")
        ):
            request.session[self.KEY] = int(time.time())
        return response


class LoginRequiredMiddleware(DjangoLoginRequired):
    """Every page needs a login, except the API, which answers 401 in JSON itself."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith("/api/"):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)
