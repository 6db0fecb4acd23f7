import datetime

from django.test import Client
from django.utils import timezone

from thidua.accounts.enums import ApiScope
from thidua.accounts.services import issue_token

ALL_SCOPES = list(ApiScope.values)


def token_for(user, scopes=None, days=30, name="Tích hợp"):
    expires = timezone.now() + datetime.timedelta(days=days)
    return issue_token(user, name, ALL_SCOPES if scopes is None else scopes, expires)


def bearer(plaintext: str) -> Client:
    """A client that sends only the token: no session cookie."""
    return Client(headers={"Authorization": f"Bearer {plaintext}"})
