"""Health check, proxy headers, request id for logs and the audit trail; absolute
session lifetime."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.middleware import (
    LoginRequiredMiddleware as DjangoLoginRequired,
)
from django.http import HttpResponse
from django.shortcuts import redirect

from .context import new_request_id, reset_request_id
from .proxy import strip_untrusted_headers

__all__ = [
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
