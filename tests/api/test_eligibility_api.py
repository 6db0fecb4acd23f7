import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from thidua.accounts.services import revoke_token
from thidua.eligibility import check_case
from thidua.organizations.services.records import record_assessment, record_initiative

from ..factories import make_users
from .helpers import bearer, token_for

pytestmark = pytest.mark.django_db
CASE = {
    "review_year": 2024,
    "codes": ["CSTDCS", "BK_BO_TINH"],
    "subject": {
        "kind": "individual",
        "recruited_on": "2015-08-01",
        "years": {
            "2023": {"rating": "HTXS", "titles": ["LDTT", "CSTDCS"]},
            "2024": {"rating": "HTXS", "titles": ["LDTT"]},
        },
        "initiatives": [{"year": 2024, "scope": "co_so"}],
    },
}
URL = "/api/v1/eligibility/check"


def post(client, body):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL, data, content_type="application/json")


def test_check_answers_the_engines_json(client_for):
    response = post(client_for("officer"), CASE)
    assert response.status_code == 200
    assert response.json() == check_case(CASE)
    assert [r["status"] for r in response.json()["results"]] == ["eligible", "eligible"]


def test_a_byte_order_mark_is_accepted(client_for):
    response = post(client_for("officer"), b"\xef\xbb\xbf" + json.dumps(CASE).encode())
    assert response.status_code == 200
    assert response.json() == check_case(CASE)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            {
                **CASE,
                "subject": {**CASE["subject"], "years": {"2024": {"rating": "XS"}}},
            },
            'subject.years.2024.rating: "XS" không hợp lệ',
        ),
        ({"subject": {"kind": "individual"}}, "review_year"),
        ("{not json", "JSON không hợp lệ"),
        ({**CASE, "codes": ["NOPE"]}, "codes"),
        ({**CASE, "review_year": 1990}, "review_year: 1990 trước năm 2004"),
        (
            {
                **CASE,
                "review_year": 2024,
                "subject": {**CASE["subject"], "years": {"2031": {"rating": "HTT"}}},
            },
            "subject.years.2031: năm 2031 sau năm xét 2024",
        ),
        (b"\xff\xfe{}", "(body): không phải văn bản UTF-8"),
    ],
)
def test_bad_cases_get_400_with_a_vietnamese_line(client_for, body, message):
    response = post(client_for("officer"), body)
    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_anonymous_callers_get_401_on_every_operation(org, settings):
    # One wrong token on every operation: more failures than the login throttle
    # allows (tests/accounts/test_lockout.py), which would answer 429.
    settings.THIDUA_LOGIN_FAILURE_LIMIT = settings.AXES_FAILURE_LIMIT = 1000
    settings.THIDUA_LOGIN_ACCOUNT_FAILURE_LIMIT = 1000
    settings.THIDUA_LOGIN_IP_FAILURE_LIMIT = 1000
    client = Client()
    schema = client.get("/api/v1/schema/").json()
    assert "/api/v1/eligibility/check" in schema["paths"]
    assert "/api/v1/people/{person_id}" in schema["paths"]
    revoked = token_for(make_users(org)["officer"])
    revoke_token(revoked[0])
    callers = {
        "Chưa đăng nhập.": client,
        "Khóa API không hợp lệ.": bearer("tdk_0_0"),
        "Khóa API đã bị thu hồi.": bearer(revoked[1]),
    }
    for path, operations in schema["paths"].items():
        url = re.sub(r"\{\w+\}", "1", path.replace("{code}", "LDTT"))
        for method, operation in operations.items():
            assert {"TokenAuth": []} in operation["security"], (method, path)
            for message, caller in callers.items():
                response = caller.generic(method.upper(), url + "?year=2024")
                assert response.status_code == 401, (method, path)
                assert response.json() == {"detail": message}


def test_docs_are_served_without_any_cdn(client):
    body = client.get("/api/v1/docs").content.decode()
    assert "cdn" not in body.lower() and "/static/ninja/" in body


def test_person_verdict_is_scoped_like_the_pages(client_for, org):
    person = org.people["dkkd_staff"]
    record_assessment(person, year=2024, rating="HTXS")
    record_initiative(person, title="Số hóa hồ sơ", year=2024, scope="co_so")
    response = client_for("officer").get(
        f"/api/v1/eligibility/people/{person.pk}?year=2024"
    )
    statuses = {r["code"]: r["status"] for r in response.json()["results"]}
    assert statuses["LDTT"] == "eligible" and statuses["CSTDCS"] == "eligible"
    hidden = client_for("other_officer").get(
        f"/api/v1/eligibility/people/{person.pk}?year=2024"
    )
    missing = client_for("other_officer").get(
        "/api/v1/eligibility/people/999999?year=2024"
    )
    assert (hidden.status_code, hidden.json()) == (missing.status_code, missing.json())
    assert hidden.status_code == 404


def test_explain_lists_conditions_with_citations(client_for):
    response = client_for("officer").get(
        "/api/v1/eligibility/explain/CSTDCS?regime=nd91_2017"
    )
    assert response.status_code == 200
    assert "NĐ 91" in json.dumps(response.json(), ensure_ascii=False)
    assert reverse("api-v1:openapi-json")
