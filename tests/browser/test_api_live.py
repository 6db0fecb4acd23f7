"""The API on a live server (issue #6 item 7): the demo server of the browser tests, with
its real data, signed in as the TĐKT officer; schemathesis generates requests for every
read operation and checks no 5xx and that status, content type and body are the ones the
schema declares. (tests/api/test_schemathesis.py runs the same checks, valid and invalid
requests, with a token, in-process.)"""

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from thidua.demo.loader import DEMO_PASSWORD

pytestmark = pytest.mark.browser
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def signed_in(base: str) -> requests.Session:
    session = requests.Session()
    login = f"{base}/tai-khoan/dang-nhap/"
    session.get(login, timeout=30)
    response = session.post(
        login,
        timeout=30,
        allow_redirects=False,
        headers={"Referer": login},
        data={
            "username": "canbotdkt",
            "password": DEMO_PASSWORD,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
    )
    assert response.status_code == 302, response.text[:500]
    return session


def test_read_operations_on_the_live_demo_server(demo_server):
    session = signed_in(demo_server)
    raw = session.get(f"{demo_server}/api/v1/schema/", timeout=30)
    assert raw.status_code == 200
    schema = schemathesis.openapi.from_dict(raw.json())
    operations = [
        result.ok()
        for result in schema.get_all_operations()
        if result.ok().method.upper() == "GET"
    ]
    assert len(operations) >= 20
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=GenerationMode.POSITIVE))
        @settings(
            max_examples=6,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.call_and_validate(base_url=demo_server, session=session, checks=CHECKS)

        check()
