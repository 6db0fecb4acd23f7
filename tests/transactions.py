"""What a request meets in production that a test hides: no surrounding transaction.

Every test runs inside the test case's transaction, so a view that writes the audit
trail without opening its own transaction passes its tests and fails in production
(``log_action`` refuses to run outside ``transaction.atomic()``: the exchange export
answered 500 for every download). Within :func:`app_transactions_only`, the audit
trail counts only the atomic blocks the application opened, not the test's."""

from contextlib import contextmanager
from unittest import mock

from django.db import transaction

__all__ = ["app_transactions_only", "harness_atomic"]


def harness_atomic():
    """``transaction.atomic()`` for test scaffolding (a module's data, a savepoint
    around each request): marked as the test case's own, so it does not count."""
    block = transaction.atomic()
    block._from_testcase = True
    return block


class _Connection:
    def __init__(self, connection):
        self._connection = connection

    def __getattr__(self, name):
        return getattr(self._connection, name)

    @property
    def in_atomic_block(self) -> bool:
        return any(not b._from_testcase for b in self._connection.atomic_blocks)


class _Transaction:
    def __getattr__(self, name):
        return getattr(transaction, name)

    def get_connection(self, using=None):
        return _Connection(transaction.get_connection(using))


@contextmanager
def app_transactions_only():
    with mock.patch("thidua.common.services.audit.transaction", _Transaction()):
        yield
