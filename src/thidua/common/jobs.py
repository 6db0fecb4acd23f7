"""The one place background jobs are enqueued, so the queue library can be swapped."""

from django.db import transaction

__all__ = ["enqueue_on_commit"]


def enqueue_on_commit(task, *args) -> None:
    """Queue ``task(*args)`` after the surrounding transaction commits."""
    transaction.on_commit(lambda: task(*args))
