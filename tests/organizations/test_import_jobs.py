"""The staff import's job row: an upload over the limit is refused before it is queued
(and its copy removed); a finished job is neither run again nor given up."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.organizations.models import Person
from thidua.organizations.services.staff_import import (
    give_up_staff_import,
    run_staff_import,
    start_staff_import,
)

from .test_import import good_rows
from .workbooks import write_xlsx

pytestmark = pytest.mark.django_db


def _upload(tmp_path, rows):
    path = write_xlsx(tmp_path / "ds.xlsx", rows)
    return SimpleUploadedFile("../../ds.xlsx", path.read_bytes())


def test_an_upload_over_the_limit_is_refused_before_it_is_queued(
    org, users, tmp_path, settings
):
    upload = _upload(tmp_path, good_rows(3))
    settings.THIDUA_MAX_UPLOAD_BYTES = upload.size // 2
    job = start_staff_import(upload, agency=org.skhdt, actor=users["officer"])
    limit = round(settings.THIDUA_MAX_UPLOAD_BYTES / 1048576, 1)
    assert (job.status, job.message) == ("failed", f"Tệp quá lớn (tối đa {limit} MB).")
    assert job.file_name == "ds.xlsx"
    assert job.finished_at is not None
    assert not Path(job.stored_path).exists()


def test_a_finished_job_is_not_run_again_nor_given_up(org, users, tmp_path):
    job = start_staff_import(
        _upload(tmp_path, good_rows(2)), agency=org.skhdt, actor=users["officer"]
    )
    assert (job.status, job.created_count) == ("done", 2)
    people = Person.objects.count()
    run_staff_import(job.pk)
    give_up_staff_import(job.pk, "Máy chủ khởi động lại")
    job.refresh_from_db()
    assert (job.status, job.created_count, job.message) == ("done", 2, "")
    assert Person.objects.count() == people


def test_a_job_run_again_after_a_crash_picks_up_where_it_was(
    org, users, tmp_path, settings, django_capture_on_commit_callbacks
):
    from thidua.organizations.models import StaffImport

    settings.THIDUA_IMPORT_BACKGROUND_ROWS = 1
    with django_capture_on_commit_callbacks(execute=False) as queued:
        job = start_staff_import(
            _upload(tmp_path, good_rows(2)), agency=org.skhdt, actor=users["officer"]
        )
    assert len(queued) == 1 and job.status == StaffImport.Status.QUEUED
    # A worker moved it to "running" and died; its lease has been released.
    StaffImport.objects.filter(pk=job.pk).update(
        status=StaffImport.Status.RUNNING, job_owner=None
    )
    run_staff_import(job.pk)
    job.refresh_from_db()
    assert (job.status, job.created_count) == (StaffImport.Status.DONE, 2)
    assert not Path(job.stored_path).exists()
