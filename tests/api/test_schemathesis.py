"""The API against its own OpenAPI schema: schemathesis generates requests for every
operation (valid and invalid ones) with the token of each kind of role (admin, TĐKT
officer, unit head, council member and secretary, officer of a higher agency, plain
staff: each sees a different part of the world, or none of it), and checks that none
answers 5xx, and that each status code, content type and body is one the schema
declares. The caches are on, as in production (an empty scope's count was a 500 only
with the count cache). Bounded (a few examples per operation, derandomized; the most
for the officer, whose scope holds most of the world) so that it stays under a minute.

The requests go through the project's WSGI application (the whole middleware stack,
as under gunicorn) rather than ``live_server``: a live server needs a transactional
test database, whose flush the append-only triggers of the audit log and the votes
refuse, by design."""

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from thidua.wsgi import application

from ..factories import make_org, make_users
from .data import build_world
from .helpers import token_for

ROLES = [
    "officer",
    "admin",
    "unit_head",
    "council_member",
    "council_secretary",
    "higher_officer",
    "staff",
]
# Per operation: valid requests, and requests schemathesis makes invalid on purpose;
# the officer and the admin reach most of the world, the others little of it.
EXAMPLES = {GenerationMode.POSITIVE: 20, GenerationMode.NEGATIVE: 8}
OTHER_ROLES_EXAMPLES = {GenerationMode.POSITIVE: 10, GenerationMode.NEGATIVE: 5}
# Any string is a valid code (an unknown one is a 400 naming it): schemathesis finds
# no invalid request to make, and says so only after long searching.
NOTHING_INVALID = {"GET /api/v1/eligibility/explain/{code}"}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def tokens(django_db_setup, django_db_blocker):
    """One world and one token per role for the module, rolled back at the end (each
    test still runs in its own savepoint). What Django's test Client does around each
    request, the WSGI handler must not undo: close the test's database connection
    (inside the test's transaction) at the end of a request, as it would with
    CONN_MAX_AGE=0 on PostgreSQL."""
    signals = (request_started, request_finished)
    for signal in signals:
        signal.disconnect(close_old_connections)
    caches = override_settings(
        THIDUA_API_COUNT_CACHE_SECONDS=30, THIDUA_SCOPES_CACHE_SECONDS=300
    )
    with django_db_blocker.unblock(), transaction.atomic():
        caches.enable()
        cache.clear()
        try:
            org = make_org()
            users = make_users(org)
            build_world(org, users)
            yield {role: token_for(users[role])[1] for role in ROLES}
        finally:
            transaction.set_rollback(True)
            cache.clear()
            caches.disable()
            for signal in signals:
                signal.connect(close_old_connections)


def run(operation, mode, headers, examples):
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        case.call_and_validate(headers=headers, checks=CHECKS)

    check()


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("role", ROLES)
def test_every_operation_conforms_to_the_schema(tokens, role, mode):
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
    headers = {"Authorization": f"Bearer {tokens[role]}"}
    wide = role in ("officer", "admin")
    examples = (EXAMPLES if wide else OTHER_ROLES_EXAMPLES)[mode]
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 22
    for operation in operations:
        if mode == GenerationMode.NEGATIVE and operation.label in NOTHING_INVALID:
            continue
        run(operation, mode, headers, examples)
