"""Every declared (role, route, object, method) of tests/<app>/access.py and every
declared API operation, requested and checked against what the rules say
(tests/access_matrix.py); and no URL name or API operation left undeclared."""

import io
import json
from http.cookies import SimpleCookie
from unittest import mock
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from thidua.api.v1 import api
from thidua.common.models import ActivityLog

from .access_matrix import (
    ANONYMOUS,
    DONE,
    LOGIN,
    ROLES,
    api_operations,
    page_routes,
)
from .access_world import build_world

pytestmark = pytest.mark.django_db

API_NAMESPACE = "api-v1"


def _pdf(*_args, **_kwargs) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The world of tests/access_world.py for the module, rolled back at the end (each
    test still runs in its own savepoint), with a signed-in session per role."""
    patches = [
        mock.patch("thidua.documents.rendering.docx_to_pdf", _pdf),
        mock.patch("thidua.documents.rendering.pdf.docx_to_pdf", _pdf),
    ]
    with django_db_blocker.unblock(), transaction.atomic():
        for patch in patches:
            patch.start()
        try:
            w = build_world()
            # One client per role for the module: a new Client loads the middleware
            # again (WhiteNoise reads every static file), 2/3 of a request's time.
            w.clients = {}
            for role in [*ROLES, ANONYMOUS]:
                client = Client(raise_request_exception=False)
                if role != ANONYMOUS:
                    client.force_login(w.users[role])
                client.session_cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
                w.clients[role] = client
            yield w
        finally:
            transaction.set_rollback(True)
            for patch in patches:
                patch.stop()


def _client(world, role) -> Client:
    """The role's client, with only its session cookie (what a test's request set, a
    logout included, is forgotten; the database side is rolled back with the test)."""
    client = world.clients[role]
    client.cookies = SimpleCookie()
    if client.session_cookie is not None:
        client.cookies[settings.SESSION_COOKIE_NAME] = client.session_cookie.value
    return client


def _answer(response) -> tuple:
    """(status, where a redirect goes), the body of a download read to its end (the
    test client then closes it without closing the database connection, as a second
    ``close()`` would on PostgreSQL: request_finished)."""
    if response.streaming:
        b"".join(response.streaming_content)
    return response.status_code, response.get("Location", "")


def _matches(expected, status: int, location: str) -> bool:
    to_login = status == 302 and location.startswith(reverse("accounts:login"))
    if expected == LOGIN:
        return to_login
    if expected == DONE:
        return (200 <= status < 300) or (300 <= status < 400 and not to_login)
    return status == expected


def _params(cases, roles):
    params = []
    for case in cases:
        for role in roles:
            reason = case.bugs.get(role)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(case, role, id=f"{case.id}|{role}", marks=marks))
    return params


ROUTES = page_routes()
OPERATIONS = api_operations()


REFUSED = (403, 404, LOGIN, 401)


def _missing(world, role) -> bytes:
    """The page a role gets for an object that does not exist (once per role)."""
    cache = world.__dict__.setdefault("missing_pages", {})
    if role not in cache:
        url = reverse("movements:public-detail", kwargs={"pk": 999_999_999})
        response = _client(world, role).get(url)
        assert response.status_code == 404
        cache[role] = response.content
    return cache[role]


@pytest.mark.parametrize(("case", "role"), _params(ROUTES, [*ROLES, ANONYMOUS]))
def test_page(world, case, role):
    """The answer the declaration gives the role. A refusal changes nothing (no entry
    in the audit trail), and a hidden object answers byte for byte as a missing one."""
    url = reverse(case.name, kwargs=case.url_kwargs(world))
    client = _client(world, role)
    query = case.query_values(world)
    expected = case.answers[role]
    logged = ActivityLog.objects.count()
    if case.method == "GET":
        response = client.get(url, query)
    else:
        response = client.post(url + _query_string(query), case.body(world))
    status, location = _answer(response)
    assert _matches(expected, status, location), (
        f"{role} {case.method} {url}: expected {expected}, got {status} {location}"
    )
    if expected in REFUSED:
        assert ActivityLog.objects.count() == logged, "a refused request wrote"
    if expected == 404:
        assert response.content == _missing(world, role), "hidden ≠ missing"


def _query_string(query: dict) -> str:
    return "?" + urlencode(query) if query else ""


def _token_answers(case, role, kind):
    """What ``role`` gets with a token of ``kind``: all scopes, or one lacking the
    operation's scope."""
    if role == ANONYMOUS:
        return 401
    with_scope = case.answers[role]
    if kind == "all":
        return with_scope
    return 404 if with_scope == 404 else 403


def _api_params():
    params = []
    for case in OPERATIONS:
        for role in ROLES:
            for kind in ("all", "lacking"):
                reason = case.bugs.get(role if kind == "all" else f"{role}/{kind}")
                marks = (
                    [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                )
                params.append(
                    pytest.param(
                        case, role, kind, id=f"{case.id}|{role}|{kind}", marks=marks
                    )
                )
        params.append(pytest.param(case, ANONYMOUS, "none", id=f"{case.id}|none"))
    return params


@pytest.mark.parametrize(("case", "role", "kind"), _api_params())
def test_api(world, case, role, kind):
    url = reverse(f"{API_NAMESPACE}:{case.name}", kwargs=case.url_kwargs(world))
    headers = {}
    if role != ANONYMOUS:
        scopes = "all" if kind == "all" else _lacking(case.scope)
        headers["Authorization"] = f"Bearer {world.api_tokens[role][scopes]}"
    client = _client(world, ANONYMOUS)  # the token alone
    logged = ActivityLog.objects.count()
    if case.method == "GET":
        response = client.get(url, case.query_values(world), headers=headers)
    else:
        response = client.post(
            url,
            json.dumps(case.body(world)),
            content_type="application/json",
            headers=headers,
        )
    expected = _token_answers(case, role, kind)
    assert response.status_code == expected, (
        f"{role} ({kind}) {case.method} {url}: expected {expected}, got "
        f"{response.status_code} {response.content[:200]!r}"
    )
    if expected in REFUSED:
        assert ActivityLog.objects.count() == logged, "a refused request wrote"
    if expected == 404:
        assert response.json() == {"detail": "Không tìm thấy."}, "hidden ≠ missing"


def _lacking(scope: str) -> str:
    """A token kind of tests/access_world.py without ``scope``."""
    return "people" if scope == "agencies:read" else "agencies"


# --- Nothing left undeclared ---------------------------------------------------------

# URL names that are no page of any domain: none today (healthz and favicon are
# declared in tests/common/access.py like any public page).
NOT_DOMAIN: set[str] = set()


def _names(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            yield from _names(pattern.url_patterns, namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield prefix + pattern.name


def _schema_operations() -> set[tuple[str, str]]:
    """(method, URL name) of every operation of the API's OpenAPI schema."""
    found = set()
    for path, methods in api.get_openapi_schema()["paths"].items():
        filled = path
        while "{" in filled:
            start = filled.index("{")
            filled = filled[:start] + "1" + filled[filled.index("}", start) + 1 :]
        name = resolve(filled).url_name
        for method in methods:
            found.add((method.upper(), name))
    return found


def test_every_url_name_is_declared():
    names = set(_names(get_resolver().url_patterns)) - NOT_DOMAIN
    declared = {r.name for r in ROUTES} | {
        f"{API_NAMESPACE}:{o.name}" for o in OPERATIONS
    }
    assert names - declared == set(), "declare them in tests/<app>/access.py"
    assert declared - names == set(), "stale declarations"
    assert set(_names(get_resolver().url_patterns)) >= NOT_DOMAIN


def test_every_api_operation_is_declared():
    declared = {(o.method, o.name) for o in OPERATIONS}
    assert _schema_operations() - declared == set(), "declare in tests/api/access.py"
    assert declared - _schema_operations() == set(), "stale declarations"
