"""Jobs of accounts: notification mail, sent after the event's commit and swept again
every few minutes (a job lost with its worker leaves its rows due, not lost), and the
daily digest."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

__all__ = ["task_send_digests", "task_send_due_mail", "task_sweep_due_mail"]


@db_task(name="thidua.accounts.send_due_mail")
def task_send_due_mail() -> None:
    from .notifications import send_due_mail  # noqa: PLC0415 (it queues this task)

    send_due_mail()


@db_periodic_task(crontab(minute="*/10"), name="thidua.accounts.sweep_due_mail")
def task_sweep_due_mail() -> None:
    from .notifications import send_due_mail  # noqa: PLC0415 (it queues this task)

    send_due_mail()


@db_periodic_task(crontab(hour="7", minute="0"), name="thidua.accounts.send_digests")
def task_send_digests() -> None:
    from .notifications import send_digests  # noqa: PLC0415 (it queues this task)

    send_digests()
