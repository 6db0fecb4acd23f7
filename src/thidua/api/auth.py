"""Who calls the API: a bearer token (``Authorization: Bearer tdk_…``) or the signed-in
session (the browsable docs). A token acts as its owner, narrowed to its scopes."""

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError
from ninja.security import HttpBearer, django_auth

from thidua.accounts.enums import READ_SCOPES
from thidua.accounts.lockout import lockout_message
from thidua.accounts.services import (
    TokenRefused,
    authenticate_token,
    token_login_name,
)

__all__ = ["ScopeMissing", "TokenAuth", "api_auth", "require_scope", "scopes_of"]


class TokenAuth(HttpBearer):
    """Bearer token. A token that is presented but fails answers 401 at once: the
    session is not consulted."""

    def authenticate(self, request: HttpRequest, token: str):
        # Wrong secrets count as failed logins (django-axes, in the database): the
        # address that guesses is locked out of the API and the login page alike.
        credentials = {"username": token_login_name(token)}
        if not AxesProxyHandler.is_allowed(request, credentials):
            raise HttpError(429, lockout_message(request, credentials))
        try:
            api_token = authenticate_token(token)
        except TokenRefused as exc:
            if exc.wrong_secret:
                user_login_failed.send(
                    sender=__name__, credentials=credentials, request=request
                )
            raise AuthenticationError(401, str(exc)) from None
        request.user = api_token.user
        request.api_token = api_token
        return api_token


class ScopeMissing(HttpError):
    def __init__(self, scope: str) -> None:
        self.scope = scope
        super().__init__(403, _("Không có quyền truy cập (thiếu phạm vi %s).") % scope)


api_auth = [TokenAuth(), django_auth]


def scopes_of(request: HttpRequest) -> frozenset[str]:
    """The scopes of this call: the token's, or every read scope for a session."""
    token = getattr(request, "api_token", None)
    if token is None:
        return READ_SCOPES
    return frozenset(token.scopes)


def require_scope(request: HttpRequest, scope: str) -> None:
    """403 when the call lacks ``scope``. Call it AFTER the object was looked up
    through its visibility selector, so that a hidden object still answers 404."""
    if scope not in scopes_of(request):
        raise ScopeMissing(scope)
