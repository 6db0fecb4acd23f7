"""Periodic jobs of movements: remind units whose dissemination is overdue."""

from django.conf import settings
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

__all__ = ["task_remind_overdue"]


@db_periodic_task(crontab(hour="8", minute="0"), name="thidua.movements.remind_overdue")
def task_remind_overdue() -> None:
    from .services.dissemination import remind_overdue  # noqa: PLC0415 (avoid import cycle)

    if settings.THIDUA_AUTO_REMIND:
        remind_overdue()
