"""Background jobs of the registry (huey)."""

from huey.contrib.djhuey import db_task

__all__ = ["task_import_staff"]


@db_task(name="thidua.organizations.import_staff")
def task_import_staff(job_id: int) -> None:
    from .services.staff_import import run_staff_import  # noqa: PLC0415 (avoid import cycle)

    run_staff_import(job_id)
