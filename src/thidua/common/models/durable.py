from django.db import models

__all__ = ["DurableJob"]


class DurableJob(models.Model):
    """The lease of a row that a background job works on (a staff import, a document
    being rendered): who runs it and when it last showed life. A worker that dies
    leaves the lease behind; :func:`thidua.common.jobs.recover_stale` finds it and
    queues the job again, or gives up with a reason the user sees.

    All three fields are nullable without a default on purpose: SQLite then adds them
    with ALTER TABLE ADD COLUMN instead of rebuilding the table, which would drop the
    triggers that freeze issued documents."""

    # "host:pid:start" of the worker process running the job; NULL while it is queued.
    job_owner = models.CharField(max_length=120, null=True, blank=True, editable=False)
    # Last sign of life: queued, claimed, or a step done.
    job_seen_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Times a worker has started it (NULL: never).
    job_attempts = models.PositiveSmallIntegerField(
        null=True, blank=True, editable=False
    )

    class Meta:
        abstract = True
