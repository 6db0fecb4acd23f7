"""Staff imports started from the web page: stored upload, background run, progress."""

import logging
import uuid
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.jobs import checkpoint, claim, enqueue_on_commit, fresh_lease

from ..imports.staff import import_staff
from ..imports.workbook import WorkbookRejected, check_workbook_file, count_data_rows
from ..models import Agency, StaffImport
from ..workflows import IMPORT, IMPORT_JOB

__all__ = ["ACTIVE", "give_up_staff_import", "run_staff_import", "start_staff_import"]

logger = logging.getLogger(__name__)

# A job in these states has not ended: a worker holds it or it waits in the queue.
ACTIVE = (StaffImport.Status.QUEUED, StaffImport.Status.RUNNING)


def start_staff_import(
    upload, *, agency: Agency, actor, dry_run: bool = False
) -> StaffImport:
    """Store the upload under a random name and run it, in the background when large."""
    folder = Path(settings.MEDIA_ROOT) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    stored = folder / f"{uuid.uuid4().hex}.xlsx"
    size = 0
    with stored.open("wb") as handle:
        for chunk in upload.chunks():
            size += len(chunk)
            if size > settings.THIDUA_MAX_UPLOAD_BYTES:
                break
            handle.write(chunk)
    fields = {
        "agency": agency,
        "uploaded_by": actor,
        "file_name": Path(upload.name or "upload.xlsx").name[:255],
        "stored_path": str(stored),
        "dry_run": dry_run,
    }
    try:
        if size > settings.THIDUA_MAX_UPLOAD_BYTES:
            raise WorkbookRejected(
                _("Tệp quá lớn (tối đa %(max)s MB).")
                % {"max": round(settings.THIDUA_MAX_UPLOAD_BYTES / 1048576, 1)}
            )
        check_workbook_file(stored)
    except WorkbookRejected as exc:
        # Refused before it was ever queued: the row is created failed, with why.
        job = StaffImport.objects.create(
            **fields,
            status=StaffImport.Status.FAILED,
            message=str(exc),
            finished_at=timezone.now(),
        )
        stored.unlink(missing_ok=True)
        return job
    job = StaffImport.objects.create(
        **fields, total_rows=count_data_rows(stored), **fresh_lease()
    )
    if job.total_rows > settings.THIDUA_IMPORT_BACKGROUND_ROWS:
        from ..tasks import task_import_staff  # noqa: PLC0415 (tasks import services)

        with transaction.atomic():
            enqueue_on_commit(task_import_staff, job.pk)
    else:
        run_staff_import(job.pk)
        job.refresh_from_db()
    return job


# What the end of a run records on the import row, besides its state.
OUTCOME_FIELDS = [
    "file_sha256",
    "total_rows",
    "processed_rows",
    "created_count",
    "updated_count",
    "unchanged_count",
    "errors",
    "message",
    "finished_at",
]


def run_staff_import(job_id: int) -> None:
    """Run a stored import; records counts, errors and an audit entry for the batch.

    Safe to run again after a crash: it claims the job first (a finished job, or one a
    live worker holds, is left alone), nothing is written before the one transaction
    that writes every row, and the upload is removed only once the outcome is saved."""
    if not claim(StaffImport, job_id, ACTIVE):
        return
    job = StaffImport.objects.select_related("agency", "uploaded_by").get(pk=job_id)
    if job.status == StaffImport.Status.QUEUED:  # not when run again after a crash
        with transaction.atomic():
            job = IMPORT.transition(
                job,
                StaffImport.Status.RUNNING,
                actor=job.uploaded_by,
                check_permission=False,
                through=IMPORT_JOB,
                data={"file": job.file_name, "rows": job.total_rows},
                lock=lambda query: query.select_related("agency", "uploaded_by"),
            )

    def progress(rows: int) -> None:
        StaffImport.objects.filter(pk=job.pk).update(processed_rows=rows)
        checkpoint("staff_import.rows", StaffImport, job.pk)

    path = Path(job.stored_path)
    try:
        result = import_staff(
            path,
            agency=job.agency,
            actor=job.uploaded_by,
            dry_run=job.dry_run,
            progress=progress,
        )
    except Exception:
        # Nothing was written (the import is one transaction); the user gets a
        # message, the traceback stays in the server log under the request id.
        logger.exception("staff import %s failed", job.pk)
        give_up_staff_import(
            job.pk,
            _(
                "Lỗi hệ thống khi xử lý tệp; không ghi dữ liệu nào. Mã lượt nhập: %(id)s."
            )
            % {"id": job.pk},
        )
        return

    def record(locked, _move) -> list[str]:
        locked.file_sha256 = result.sha256
        locked.total_rows = locked.processed_rows = result.rows
        locked.created_count, locked.updated_count = result.created, result.updated
        locked.unchanged_count = result.unchanged
        locked.errors = [e.as_dict() for e in result.errors[:2000]]
        locked.message = result.rejected
        locked.finished_at = timezone.now()
        locked.job_owner = None
        return [*OUTCOME_FIELDS, "job_owner"]

    with transaction.atomic():
        IMPORT.transition(
            job,
            StaffImport.Status.DONE if result.ok else StaffImport.Status.FAILED,
            actor=job.uploaded_by,
            check_permission=False,
            through=IMPORT_JOB,
            effect=record,
            data={
                "file": job.file_name,
                "file_sha256": result.sha256,
                "dry_run": job.dry_run,
                "rows": result.rows,
                "created": result.created,
                "updated": result.updated,
                "errors": len(result.errors),
                "rejected": result.rejected,
            },
        )
    path.unlink(missing_ok=True)


def give_up_staff_import(job_id: int, reason: str) -> None:
    """End an import that wrote nothing — a system error, or a worker that died on it
    too often (thidua.common.jobs): the user reads why and may upload the file again."""

    def explain(locked, _move) -> list[str]:
        locked.message = reason
        locked.finished_at = timezone.now()
        locked.job_owner = None
        return ["message", "finished_at", "job_owner"]

    with transaction.atomic():
        job = (
            StaffImport.objects.select_for_update()
            .filter(pk=job_id, status__in=ACTIVE)
            .first()
        )
        if job is not None:
            IMPORT.transition(
                job,
                StaffImport.Status.FAILED,
                reason=reason,
                check_permission=False,
                through=IMPORT_JOB,
                effect=explain,
            )
    stored = StaffImport.objects.filter(pk=job_id).values_list("stored_path", flat=True)
    for path in stored:
        Path(path).unlink(missing_ok=True)
