"""The durable-job kernel (thidua.common.jobs): claims, who is alive, recovery of what a
dead worker left, giving up, and the repair of decisions whose awards are missing.
The real crash (SIGKILL of a running worker) is in tests/test_crash_recovery.py."""

import datetime
import subprocess
import sys

import pytest
from django.utils import timezone

from thidua.awards.models import Award
from thidua.common import jobs
from thidua.common.models import ActivityLog
from thidua.decisions.models import Decision
from thidua.documents import rendering
from thidua.documents.kinds import DocumentKind
from thidua.documents.models import IssuedDocument
from thidua.documents.services import render
from thidua.organizations.models import StaffImport

from ..documents.certs import blank_pdf
from ..documents.signing_fixtures import issue, round_  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def fast_render(monkeypatch):
    monkeypatch.setattr(rendering, "docx_to_pdf", lambda docx: blank_pdf())


@pytest.fixture
def dead_owner():
    """The identity of a worker process that has exited."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return jobs._identity(process.pid)


@pytest.fixture
def decision(round_, org, users):  # noqa: F811 (fixture)
    return issue(round_, org, users)


def _lease(document, **fields):
    IssuedDocument.objects.filter(pk=document.pk).update(**fields)


def test_this_process_is_alive_a_finished_one_is_not(dead_owner):
    assert jobs.owner_alive(jobs.worker_id()) is True
    assert jobs.owner_alive(dead_owner) is False
    assert jobs.owner_alive("may-khac:123:456") is None


def test_a_reused_pid_is_not_taken_for_the_old_worker():
    host, pid, ticks = jobs.worker_id().split(":")
    assert jobs.owner_alive(f"{host}:{pid}:{int(ticks) + 1}") is False


def test_claim_takes_a_queued_row_once(decision):
    document = decision.issued_document
    assert jobs.claim(IssuedDocument, document.pk, ("rendering",))
    document.refresh_from_db()
    assert document.job_owner == jobs.worker_id() and document.job_attempts == 1
    _lease(document, job_owner="may-khac:1:1")
    assert not jobs.claim(IssuedDocument, document.pk, ("rendering",))


def test_dead_workers_document_is_rendered_with_its_number(
    decision, dead_owner, fast_render, django_capture_on_commit_callbacks
):
    document = decision.issued_document
    _lease(document, job_owner=dead_owner, job_seen_at=timezone.now(), job_attempts=1)
    with django_capture_on_commit_callbacks(execute=True):
        lines = jobs.recover_stale()
    assert lines == [f"documents.render #{document.pk}: xếp lại hàng đợi"]
    document.refresh_from_db()
    decision.refresh_from_db()
    assert document.status == "ready" and document.symbol == "01/QĐ-SKHĐT"
    assert document.job_attempts == 2
    assert decision.awards_written and Award.objects.count() == 1
    entry = ActivityLog.objects.get(action="jobs.requeue")
    assert entry.data["owner"] == dead_owner


def test_a_live_worker_is_left_alone(decision):
    document = decision.issued_document
    _lease(document, job_owner=jobs.worker_id(), job_seen_at=timezone.now())
    assert jobs.recover_stale(timezone.now() + datetime.timedelta(days=1)) == []


def test_another_machines_worker_is_judged_by_its_silence(decision, settings):
    document = decision.issued_document
    seen = timezone.now()
    _lease(document, job_owner="may-khac:42:42", job_seen_at=seen, job_attempts=1)
    assert jobs.recover_stale(seen + datetime.timedelta(seconds=60)) == []
    later = seen + datetime.timedelta(seconds=settings.THIDUA_JOB_STALE_SECONDS + 1)
    assert len(jobs.recover_stale(later)) == 1
    document.refresh_from_db()
    assert document.job_owner is None and document.job_seen_at == later


@pytest.fixture
def queue():
    """huey's real queue (in memory in the test settings), emptied afterwards."""
    from huey.contrib.djhuey import HUEY  # noqa: PLC0415 (huey reads settings at first use)

    HUEY.storage.flush_queue()
    yield HUEY
    HUEY.storage.flush_queue()


def test_a_row_nobody_took_is_queued_again_after_a_while(decision, settings, queue):
    from thidua.documents.tasks import task_render_document  # noqa: PLC0415 (after setup)

    document = decision.issued_document
    seen = IssuedDocument.objects.get(pk=document.pk).job_seen_at
    assert seen is not None  # queued with its lease by issue_document
    # Its message waits in the queue: a worker will take it.
    queue.storage.enqueue(queue.serialize_task(task_render_document.s(document.pk)))
    assert jobs.recover_stale(seen + datetime.timedelta(seconds=5)) == []
    later = seen + datetime.timedelta(seconds=settings.THIDUA_JOB_STALE_SECONDS + 1)
    assert len(jobs.recover_stale(later)) == 1


def test_a_row_whose_message_was_lost_is_queued_again_at_once(decision, queue):
    """A worker killed after taking the message from the queue and before claiming the
    row: the row is nobody's and the queue no longer has it."""
    document = decision.issued_document
    assert jobs.recover_stale() == [
        f"documents.render #{document.pk}: xếp lại hàng đợi"
    ]
    assert ActivityLog.objects.get(action="jobs.requeue").data["owner"] == ""


def test_a_row_from_before_leases_is_queued_again(decision):
    """Documents left "rendering" by an older version have no lease at all."""
    _lease(decision.issued_document, job_seen_at=None, job_attempts=None)
    assert len(jobs.recover_stale()) == 1


def test_after_too_many_crashes_the_user_reads_why(decision, dead_owner, settings):
    document = decision.issued_document
    _lease(
        document, job_owner=dead_owner, job_attempts=settings.THIDUA_JOB_MAX_ATTEMPTS
    )
    assert jobs.recover_stale() == [f"documents.render #{document.pk}: ngừng sau 3 lần"]
    document.refresh_from_db()
    assert document.status == "failed"
    assert "dừng đột ngột 3 lần" in document.error
    assert ActivityLog.objects.filter(action="jobs.give_up").count() == 1


def test_an_import_given_up_loses_its_upload(
    org, users, dead_owner, settings, tmp_path
):
    upload = tmp_path / "ds.xlsx"
    upload.write_bytes(b"x")
    job = StaffImport.objects.create(
        agency=org.skhdt,
        uploaded_by=users["officer"],
        file_name="ds.xlsx",
        stored_path=str(upload),
        status=StaffImport.Status.RUNNING,
        job_owner=dead_owner,
        job_attempts=settings.THIDUA_JOB_MAX_ATTEMPTS,
    )
    assert len(jobs.recover_stale()) == 1
    job.refresh_from_db()
    assert job.status == "failed" and "dừng đột ngột" in job.message
    assert job.finished_at is not None and not upload.exists()


def test_two_sweeps_act_once(decision, dead_owner):
    document = decision.issued_document
    _lease(document, job_owner=dead_owner, job_seen_at=timezone.now(), job_attempts=1)
    row = (
        document.pk,
        dead_owner,
        IssuedDocument.objects.get(pk=document.pk).job_seen_at,
        1,
    )
    durable = jobs._DURABLE["documents.render"]
    now = timezone.now()
    assert jobs._recover_row(durable, IssuedDocument, row, now) is not None
    assert jobs._recover_row(durable, IssuedDocument, row, now) is None
    assert ActivityLog.objects.filter(action="jobs.requeue").count() == 1


def test_a_ready_decision_without_awards_gets_them(decision, fast_render, monkeypatch):
    """What the version before durable jobs could leave: files there, register empty
    (it wrote the awards after the document, in a step a crash could cut)."""
    with monkeypatch.context() as patch:
        patch.setattr(DocumentKind, "run_after_render", lambda *_args: None)
        render.render_issued_document(decision.issued_document.pk)
    assert not Decision.objects.get(pk=decision.pk).awards_written
    assert jobs.recover_stale() == ["decisions.awards: 1"]
    assert Decision.objects.get(pk=decision.pk).awards_written
    assert Award.objects.count() == 1
    assert jobs.recover_stale() == []
