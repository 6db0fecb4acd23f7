"""The API against its own OpenAPI schema: schemathesis generates requests for every
operation (valid and invalid ones) with an officer's token, and checks that none
answers 5xx, and that each status code, content type and body is one the schema
declares. Bounded (a few examples per operation, derandomized) so that it stays well
under a minute.

The requests go through the project's WSGI application (the whole middleware stack,
as under gunicorn) rather than ``live_server``: a live server needs a transactional
test database, whose flush the append-only triggers of the audit log and the votes
refuse, by design."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from thidua.wsgi import application

from .data import build_world
from .helpers import token_for

# Per operation: valid requests, and requests schemathesis makes invalid on purpose.
EXAMPLES = {GenerationMode.POSITIVE: 20, GenerationMode.NEGATIVE: 8}
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


@pytest.fixture
def keep_connection():
    """What Django's test Client does around each request: the WSGI handler must not
    close the test's database connection (inside the test's transaction) at the end of
    a request, as it would with CONN_MAX_AGE=0 on PostgreSQL."""
    signals = (request_started, request_finished)
    for signal in signals:
        signal.disconnect(close_old_connections)
    yield
    for signal in signals:
        signal.connect(close_old_connections)


@pytest.fixture
def officer_token(org, users, keep_connection):
    build_world(org, users)
    return token_for(users["officer"])[1]


def run(operation, mode, headers):
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES[mode],
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        case.call_and_validate(headers=headers, checks=CHECKS)

    check()


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_operation_conforms_to_the_schema(officer_token, mode):
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
    headers = {"Authorization": f"Bearer {officer_token}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 22
    for operation in operations:
        if mode == GenerationMode.NEGATIVE and operation.label in NOTHING_INVALID:
            continue
        run(operation, mode, headers)
