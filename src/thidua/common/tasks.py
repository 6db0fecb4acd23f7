"""Periodic jobs of the whole site, and what every worker does when it starts."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, on_startup

from .jobs import recover_stale
from .planner import refresh_statistics
from .services.audit import write_checkpoint

__all__ = [
    "recover_jobs_at_start",
    "task_recover_jobs",
    "task_refresh_statistics",
    "task_write_audit_checkpoint",
]


@db_periodic_task(crontab(minute="55"), name="thidua.common.write_checkpoint")
def task_write_audit_checkpoint() -> None:
    """Hourly signed checkpoint of the audit chain's head (one per head: an hour
    without writes adds nothing)."""
    write_checkpoint()


@db_periodic_task(crontab(minute="*/5"), name="thidua.common.recover_jobs")
def task_recover_jobs() -> None:
    recover_stale()


@on_startup(name="thidua.common.recover_jobs")
def recover_jobs_at_start() -> None:
    """A worker that starts picks up at once what a dead one left (this machine's dead
    processes are known at once; another machine's after THIDUA_JOB_STALE_SECONDS)."""
    recover_stale()


@db_periodic_task(crontab(hour="2", minute="40"), name="thidua.common.statistics")
def task_refresh_statistics() -> None:
    """Nightly: the planner's statistics follow what the day added (planner.py)."""
    refresh_statistics()
