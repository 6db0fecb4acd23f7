"""Lists remember their count briefly (THIDUA_API_COUNT_CACHE_SECONDS): the page is still
exact, the total may lag; scopes and filters never share a count."""

import pytest
from django.core.cache import cache

from .helpers import bearer, token_for
from .test_read_api import award

pytestmark = pytest.mark.django_db


def test_count_is_remembered_per_scope_and_filter(org, users, settings):
    settings.THIDUA_API_COUNT_CACHE_SECONDS = 30
    cache.clear()
    award("LDTT", 2023, person=org.people["dkkd_staff"])
    officer = bearer(token_for(users["officer"])[1])
    assert officer.get("/api/v1/awards/").json()["count"] == 1
    award("CSTDCS", 2024, person=org.people["dkkd_staff"])
    body = officer.get("/api/v1/awards/").json()
    assert body["count"] == 1 and len(body["results"]) == 2  # total lags, page does not
    assert (
        officer.get("/api/v1/awards/?year=2024").json()["count"] == 1
    )  # its own count
    other = bearer(token_for(users["other_officer"])[1])
    assert other.get("/api/v1/awards/").json()["count"] == 0  # another scope
    cache.clear()
    assert officer.get("/api/v1/awards/").json()["count"] == 2


@pytest.mark.parametrize(
    "path", ["/api/v1/nominations/", "/api/v1/decisions/", "/api/v1/registrations/"]
)
def test_an_empty_scope_counts_nothing(org, users, settings, path):
    """A caller whose roles reach no agency filters on an empty set, which compiles to
    no SQL at all: the count is 0, not a 500 (it was, with the count cache on)."""
    settings.THIDUA_API_COUNT_CACHE_SECONDS = 30
    cache.clear()
    staff = bearer(token_for(users["staff"])[1])
    response = staff.get(path)
    assert response.status_code == 200
    assert response.json()["count"] == 0 and response.json()["results"] == []
