import os

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


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    # In CI a skip means a missing system package or service: that is a failure.
    outcome = yield
    report = outcome.get_result()
    if (
        os.environ.get("CI") == "true"
        and report.skipped
        and call.when in ("setup", "call")
    ):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI (counts as failure): {report.longrepr}"
