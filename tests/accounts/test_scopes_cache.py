"""Role scopes kept in the cache are keyed by what the database says now: a role revoked
or an agency moved takes effect on the next request, in every worker."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.accounts.models import User
from thidua.accounts.services import grant_role, revoke_role
from thidua.organizations.access import scopes_for
from thidua.organizations.services.structure import update_agency

pytestmark = pytest.mark.django_db


def fresh(user):
    return User.objects.get(pk=user.pk)  # a new request: nothing kept on the object


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.THIDUA_SCOPES_CACHE_SECONDS = 300
    cache.clear()


def test_second_request_reads_the_cache(users, org):
    first = scopes_for(fresh(users["officer"]))
    user = fresh(users["officer"])
    with CaptureQueriesContext(connection) as queries:
        again = scopes_for(user)
    assert again == first and org.dkkd.pk in again.officer_agencies
    assert len(queries) == 2  # the roles and the tree stamp, no subtree walk


def test_a_moved_agency_or_a_changed_role_is_seen_at_once(users, org):
    officer = users["officer"]
    assert org.dkkd.pk in scopes_for(fresh(officer)).officer_agencies
    update_agency(org.dkkd, parent=org.other, expected_version=org.dkkd.version)
    assert org.dkkd.pk not in scopes_for(fresh(officer)).officer_agencies
    grant_role(officer, role="officer", agency=org.other)
    assert org.dkkd.pk in scopes_for(fresh(officer)).officer_agencies
    revoke_role(officer.roles.get(agency=org.other))
    assert org.dkkd.pk not in scopes_for(fresh(officer)).officer_agencies
