"""Fixtures of the Django tests: an organization, its users, a logged-in client.

A pytest plugin, not a conftest: tests/conftest.py loads it only when pytest-django is
active, so ``python -m pytest -p no:django tests/eligibility`` never imports Django (the
law engine is pure Python; tests/test_eligibility_standalone.py proves it)."""

import pytest

from .factories import make_org, make_users


@pytest.fixture
def org(db):
    return make_org()


@pytest.fixture
def users(org):
    return make_users(org)


@pytest.fixture
def client_for(client, users):
    """A logged-in test client for a role name."""

    def login(role):
        client.force_login(users[role])
        return client

    return login
