"""What the access matrix (tests/test_access_matrix.py, from tests/<app>/access.py) does
not check by status: the content of the person list, a refused POST leaving the data
as it was, and a revoked role taking effect at once. Data that could leak is always
present (other Sở, other units)."""

import pytest
from django.db import transaction
from django.urls import reverse

from ..access_matrix import ROLES
from ..factories import make_org, make_users
from .access import SEES

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shared(django_db_setup, django_db_blocker):
    """One organisation for the whole module, rolled back at the end (each test
    still runs in its own savepoint)."""
    with django_db_blocker.unblock(), transaction.atomic():
        org = make_org()
        yield org, make_users(org)
        transaction.set_rollback(True)


@pytest.fixture
def org(shared, db):
    return shared[0]


@pytest.fixture
def users(shared, db):
    return shared[1]


@pytest.mark.parametrize("role", ROLES)
def test_person_list_shows_exactly_what_the_role_may_see(client, users, org, role):
    client.force_login(users[role])
    response = client.get(reverse("organizations:person-list"), {"size": 200})
    shown = {p.pk for p in response.context["page"]}
    assert shown == {org.people[k].pk for k, seen_by in SEES.items() if role in seen_by}


def test_post_to_a_hidden_person_changes_nothing(client, users, org):
    client.force_login(users["officer"])
    target = org.people["other_staff"]
    response = client.post(
        reverse("organizations:person-assessment", args=[target.pk]),
        {"year": 2024, "rating": "HTXS"},
    )
    assert response.status_code == 404
    assert not target.assessments.exists()


def test_role_revocation_takes_effect_on_the_next_request(client, users, org):
    client.force_login(users["officer"])
    url = reverse("organizations:person-detail", args=[org.people["dkkd_staff"].pk])
    assert client.get(url).status_code == 200
    users["officer"].roles.all().delete()
    assert client.get(url).status_code == 404
