"""Periodic jobs: the daily signed checkpoint of the audit chain."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from .services.audit import write_checkpoint

__all__ = ["task_write_audit_checkpoint"]


@db_periodic_task(
    crontab(hour="23", minute="55"), name="thidua.common.write_checkpoint"
)
def task_write_audit_checkpoint() -> None:
    write_checkpoint()
