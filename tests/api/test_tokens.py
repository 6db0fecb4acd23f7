"""API tokens: issued once in plaintext, kept as a hash, refused when expired, revoked
or their owner is locked; scopes narrow what the owner's visibility allows."""

import datetime
import hashlib
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.models import ApiToken
from thidua.accounts.services import revoke_token, set_active
from thidua.common.models import ActivityLog

from .helpers import bearer, token_for

pytestmark = pytest.mark.django_db


def test_plaintext_is_shown_once_and_only_its_hash_is_kept(users):
    token, plaintext = token_for(users["officer"])
    kind, prefix, secret = plaintext.split("_", 2)
    assert (kind, prefix) == ("tdk", token.prefix) and len(secret) >= 43
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    row = ApiToken.objects.filter(pk=token.pk).values().get()
    assert not any(secret in str(value) for value in row.values())
    entry = ActivityLog.objects.filter(action="accounts.issue_token").get()
    assert secret not in str(entry.data) and entry.data["prefix"] == token.prefix


def test_a_good_token_reads_and_notes_its_use_at_most_once_a_minute(users):
    token, plaintext = token_for(users["officer"])
    client = bearer(plaintext)
    response = client.get("/api/v1/agencies/")
    assert response.status_code == 200 and "sessionid" not in response.cookies
    first = ApiToken.objects.get(pk=token.pk).last_used_at
    assert first is not None
    client.get("/api/v1/agencies/")
    assert ApiToken.objects.get(pk=token.pk).last_used_at == first
    ApiToken.objects.filter(pk=token.pk).update(
        last_used_at=first - datetime.timedelta(minutes=2)
    )
    client.get("/api/v1/agencies/")
    assert ApiToken.objects.get(pk=token.pk).last_used_at > first


def _refused(plaintext):
    response = bearer(plaintext).get("/api/v1/agencies/")
    assert response.status_code == 401
    return response.json()["detail"]


def test_unknown_malformed_and_wrong_secret_tokens_get_401(users):
    _, plaintext = token_for(users["officer"])
    assert _refused("tdk_nope_nope") == "Khóa API không hợp lệ."
    assert _refused("garbage") == "Khóa API không hợp lệ."
    assert _refused(plaintext[:-2] + "xx") == "Khóa API không hợp lệ."


def test_expired_revoked_and_locked_owner_get_401(users):
    token, plaintext = token_for(users["officer"])
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now())
    assert _refused(plaintext) == "Khóa API đã hết hạn."

    token, plaintext = token_for(users["officer"])
    revoke_token(token, actor=users["officer"])
    assert _refused(plaintext) == "Khóa API đã bị thu hồi."
    assert ActivityLog.objects.filter(action="accounts.revoke_token").count() == 1

    token, plaintext = token_for(users["unit_head"])
    set_active(users["unit_head"], False, actor=users["admin"])
    assert _refused(plaintext) == "Tài khoản của khóa API đã bị khóa."


def test_a_bad_token_does_not_fall_back_to_the_session(client_for):
    client = client_for("officer")
    response = client.get("/api/v1/agencies/", headers={"Authorization": "Bearer x"})
    assert response.status_code == 401


@pytest.mark.parametrize(
    ("name", "scopes", "days", "field"),
    [
        ("", ["people:read"], 30, "name"),
        ("x", [], 30, "scopes"),
        ("x", ["people:delete"], 30, "scopes"),
        ("x", ["people:read"], -1, "expires_at"),
        ("x", ["people:read"], 366, "expires_at"),
    ],
)
def test_issue_refuses_bad_requests(users, name, scopes, days, field):
    with pytest.raises(ValidationError) as caught:
        token_for(users["officer"], scopes, days=days, name=name)
    assert field in caught.value.message_dict


def test_the_longest_validity_is_configurable(users, settings):
    settings.THIDUA_API_TOKEN_MAX_DAYS = 400
    token, _ = token_for(users["officer"], days=399)
    assert token.pk


def test_missing_scope_is_403_on_what_the_owner_sees_404_on_the_rest(users, org):
    _, plaintext = token_for(users["officer"], ["agencies:read"])
    client = bearer(plaintext)
    seen, hidden = org.people["dkkd_staff"], org.people["other_staff"]
    response = client.get(f"/api/v1/people/{seen.pk}")
    assert response.status_code == 403
    assert response.json() == {
        "detail": "Không có quyền truy cập (thiếu phạm vi people:read).",
        "scope": "people:read",
    }
    assert client.get(f"/api/v1/people/{hidden.pk}").status_code == 404
    assert client.get("/api/v1/people/999999").status_code == 404
    assert client.get("/api/v1/people/").status_code == 403
    assert client.get("/api/v1/awards/").status_code == 403
    assert client.get(f"/api/v1/agencies/{org.other.pk}").status_code == 200
    check = client.post("/api/v1/eligibility/check", "{}", "application/json")
    assert check.status_code == 403


def test_a_session_has_every_read_scope(client_for, org):
    client = client_for("officer")
    person = org.people["dkkd_staff"]
    assert client.get(f"/api/v1/people/{person.pk}").status_code == 200
    assert client.get("/api/v1/awards/").status_code == 200


def test_token_page_lists_creates_and_revokes_own_tokens(client_for, users):
    client = client_for("officer")
    url = reverse("accounts:token-list")
    assert client.get(url).status_code == 200
    expires = (timezone.localdate() + datetime.timedelta(days=90)).isoformat()
    response = client.post(
        url,
        {"name": "Phần mềm nhân sự", "scopes": ["people:read"], "expires_on": expires},
    )
    assert response.status_code == 200
    token = ApiToken.objects.get(user=users["officer"])
    shown = re.search(rf"tdk_{token.prefix}_[\w-]{{40,}}", response.content.decode())
    assert shown and response["Cache-Control"] == "no-store"
    assert bearer(shown.group(0)).get("/api/v1/people/").status_code == 200
    again = client.get(url).content.decode()
    assert shown.group(0) not in again and "Phần mềm nhân sự" in again
    revoke = reverse("accounts:token-revoke", args=[token.pk])
    assert client.post(revoke).status_code == 302
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None


def test_token_page_refuses_a_bad_form(client_for):
    client = client_for("officer")
    expires = (timezone.localdate() + datetime.timedelta(days=9)).isoformat()
    response = client.post(
        reverse("accounts:token-list"), {"name": "x", "expires_on": expires}
    )
    assert response.status_code == 200
    assert not ApiToken.objects.exists()
    assert "Chọn ít nhất một phạm vi" in response.content.decode()


def test_others_tokens_are_hidden_except_from_the_admin(client_for, users):
    token, _ = token_for(users["other_officer"], name="Khóa của Sở khác")
    revoke = reverse("accounts:token-revoke", args=[token.pk])
    officer = client_for("officer")
    assert (
        "Khóa của Sở khác"
        not in officer.get(reverse("accounts:token-list")).content.decode()
    )
    assert officer.post(revoke).status_code == 404
    admin = client_for("admin")
    assert (
        "Khóa của Sở khác" in admin.get(reverse("accounts:token-list")).content.decode()
    )
    assert admin.post(revoke).status_code == 302
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None


def test_anonymous_visitors_are_sent_to_login(db):
    response = Client().get(reverse("accounts:token-list"))
    assert response.status_code == 302
