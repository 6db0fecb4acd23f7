"""Background jobs of nominations (huey): the re-evaluation of open dossiers, and the
periodic check of the law that asks for one (services/reevaluation.py)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

__all__ = ["task_check_law", "task_reevaluate"]


@db_task(name="thidua.nominations.reevaluate")
def task_reevaluate(run_id: int) -> None:
    from .services.reevaluation import run_reevaluation  # noqa: PLC0415 (services import tasks)

    run_reevaluation(run_id)


@db_periodic_task(crontab(minute="*/15"), name="thidua.nominations.check_law")
def task_check_law() -> None:
    """Every quarter of an hour: a regime that came into force, a changed setting or
    agency's own choice queues a re-evaluation of the open dossiers."""
    from .services.reevaluation import check_law  # noqa: PLC0415 (services import tasks)

    check_law()
