"""A real worker (`thidua worker`, huey) killed with SIGKILL — what the OOM killer or a
power cut does — in the middle of each kind of job: a staff import, the rendering of a
numbered document, the writing of a decision's awards. After a restart the work
finishes, with nothing doubled: every person imported once, every document with the
number it had, every award written once. And `thidua serve` keeps serving when its
worker dies, and starts a new one.

The demo data set is loaded into a database of its own (a temporary data folder for
SQLite; a new database on the suite's PostgreSQL server), and every process is a real
`thidua` command, as on a server.
"""

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
IMPORT_ROWS = 1200  # > THIDUA_IMPORT_BACKGROUND_ROWS: queued; a checkpoint every 500

SETUP = """
import os
import django
django.setup()
from pathlib import Path
from django.core.files.uploadedfile import SimpleUploadedFile
from thidua.accounts.models import User
from thidua.organizations.models import Agency
from thidua.organizations.services.staff_import import start_staff_import
from tests.organizations.workbooks import row, write_xlsx

officer = User.objects.get(username="canbotdkt")
agency = Agency.objects.get(code="SKHĐT")
rows = [row(f"Nguyễn Văn Thử {i}", f"020085{900000 + i:06d}") for i in range(int(os.environ["SETUP_ROWS"]))]
path = write_xlsx(Path(os.environ["THIDUA_DATA_DIR"]) / "ds.xlsx", rows)
upload = SimpleUploadedFile("ds.xlsx", path.read_bytes())
start_staff_import(upload, agency=agency, actor=officer)
"""

# Issued once the first worker is killed, so that one is left for the second to be
# killed in, whatever the first worker's other thread rendered meanwhile.
ISSUE_PLAN = """
import django
django.setup()
from django.db import transaction
from django.utils import timezone
from thidua.accounts.models import User
from thidua.common.jobs import enqueue_on_commit
from thidua.documents.services.numbering import issue_document
from thidua.documents.tasks import task_render_document
from thidua.movements.models import Movement
from thidua.organizations.models import Agency

officer = User.objects.get(username="canbotdkt")
agency = Agency.objects.get(code="SKHĐT")
# A second numbered launch document of the demo movement, queued for rendering.
movement = Movement.objects.get(issued_document__symbol="173/PD-SKHĐT")
with transaction.atomic():
    document = issue_document(
        type_code="KH", agency=agency, issued_on=timezone.localdate(),
        summary="Kế hoạch thử khôi phục", signer_title="Giám đốc",
        signer_name="Vũ Hoàng Quý", source_kind="movement", source_id=movement.pk,
        actor=officer,
    )
    enqueue_on_commit(task_render_document, document.pk)
"""

# Issued only once the first two kills are done: a worker's second thread would
# otherwise render it, and write its awards, before the kill this test means for it.
ISSUE_DECISION = """
import django
django.setup()
from django.utils import timezone
from thidua.accounts.models import User
from thidua.decisions.services.decision import (
    approve_decision, draft_decision, issue_decision, submit_decision)
from thidua.nominations.models import Nomination

officer = User.objects.get(username="canbotdkt")

# A decision on the demo's three Lao động tiên tiến (their notice over, as if weeks
# had passed): render, then awards.
import datetime
from thidua.nominations.models import PublicNotice
today = timezone.localdate()
PublicNotice.objects.update(starts_on=today - datetime.timedelta(days=30),
                            ends_on=today - datetime.timedelta(days=16))
listed = list(Nomination.objects.filter(state="cong_khai").order_by("pk"))
decision = draft_decision(listed[0].round, listed, planned_on=timezone.localdate(),
                          actor=officer)
submit_decision(decision, actor=officer)
approve_decision(decision, actor=User.objects.get(username="chutich"))
issue_decision(decision, issued_on=timezone.localdate(),
               actor=User.objects.get(username="vanthu"))
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Site:
    """A thidua installation in a temporary data folder, on the suite's database engine."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.env = {
            **os.environ,
            "THIDUA_DATA_DIR": str(folder),
            "DJANGO_SETTINGS_MODULE": "thidua.settings.base",
            "THIDUA_JOBS_IMMEDIATE": "false",
            # Every kill here counts as an attempt: do not give up in this test.
            "THIDUA_JOB_MAX_ATTEMPTS": "20",
            "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
        }
        self.env.pop("THIDUA_JOB_PAUSE_AT", None)
        self.pg_admin_url = None
        self.processes: list[subprocess.Popen] = []
        url = os.environ.get("THIDUA_DATABASE_URL", "")
        if url.startswith("postgres"):
            import psycopg

            base, _sep, _name = url.rpartition("/")
            self.pg_admin_url = base + "/postgres"
            self.database = f"thidua_crash_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(self.pg_admin_url, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{self.database}"')
            self.env["THIDUA_DATABASE_URL"] = f"{base}/{self.database}"
        else:
            self.env.pop("THIDUA_DATABASE_URL", None)

    def drop(self) -> None:
        if self.pg_admin_url:
            import psycopg

            with psycopg.connect(self.pg_admin_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')

    def run(self, *args, timeout=300):
        result = subprocess.run(
            [sys.executable, "-m", "thidua.cli", *args],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def python(self, code: str, **env) -> None:
        result = subprocess.run(
            [sys.executable, "-c", code],
            env={**self.env, **env},
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stderr

    def query(self, sql: str) -> list[tuple]:
        if self.pg_admin_url:
            import psycopg

            with psycopg.connect(self.env["THIDUA_DATABASE_URL"]) as conn:
                return conn.execute(sql).fetchall()
        with sqlite3.connect(self.folder / "thidua.sqlite3", timeout=30) as conn:
            return conn.execute(sql).fetchall()

    def start_worker(self, pause_at: str | None = None) -> subprocess.Popen:
        env = dict(self.env)
        if pause_at:
            env["THIDUA_JOB_PAUSE_AT"] = pause_at
        with (self.folder / "worker.log").open("a") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "thidua.cli", "worker"],
                env=env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.processes.append(process)
        return process

    def stop_all(self) -> None:
        """No process of this test outlives it, whatever failed."""
        for process in self.processes:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=30)

    def wait(self, what: str, condition, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            time.sleep(0.3)
        log = self.folder / "worker.log"
        tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
        pytest.fail(f"timed out waiting for {what}; worker log:\n{tail}")

    def kill_when_paused(self, worker: subprocess.Popen, point: str) -> None:
        marker = self.folder / f"paused-{point}"
        self.wait(f"the worker to reach {point}", marker.exists)
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)
        marker.unlink()


@pytest.fixture
def site(tmp_path):
    site = Site(tmp_path)
    try:
        site.run("migrate", "-v0")
        yield site
    finally:
        site.stop_all()
        site.drop()


def _state(site: Site) -> dict:
    (job,) = site.query("select status, created_count from organizations_staffimport")
    documents = dict(
        site.query("select symbol, status from documents_issueddocument order by id")
    )
    decisions = site.query("select id, state <> 'da_ban_hanh' from decisions_decision")
    return {"import": job, "documents": documents, "decisions": decisions}


@pytest.mark.needs_system
def test_work_survives_a_worker_killed_in_each_kind_of_job(site):
    site.run("demo", "--load-only")
    people_before = site.query("select count(*) from organizations_person")[0][0]
    site.python(SETUP, SETUP_ROWS=str(IMPORT_ROWS))

    def import_status():
        return site.query("select status from organizations_staffimport")[0][0]

    # 1. Killed in the middle of the import (rows being checked).
    worker = site.start_worker("staff_import.rows")
    site.kill_when_paused(worker, "staff_import.rows")
    assert import_status() == "running"
    site.python(ISSUE_PLAN)

    # 2. The new worker takes the import over at start and finishes it; killed while
    #    a numbered document is being rendered (PDF made, not yet stored).
    worker = site.start_worker("documents.render.converted")
    site.wait("the import", lambda: import_status() == "done")
    site.kill_when_paused(worker, "documents.render.converted")

    site.python(ISSUE_DECISION)
    numbers_before = dict(
        site.query("select id, symbol from documents_issueddocument order by id")
    )
    series_before = site.query("select id, last_number from documents_numberseries")
    ((decision,),) = site.query(
        "select d.symbol from decisions_decision q "
        "join documents_issueddocument d on d.id = q.issued_document_id"
    )

    # 3. Killed while the decision's awards are being written (in the transaction
    #    that marks its document ready).
    worker = site.start_worker("decisions.write_awards")
    site.kill_when_paused(worker, "decisions.write_awards")
    assert [
        bool(w)
        for (w,) in site.query("select state <> 'da_ban_hanh' from decisions_decision")
    ] == [False]
    assert site.query(
        f"select count(*) from awards_award where decision_number = '{decision}'"
    ) == [(0,)]

    # 4. A worker that is not killed finishes everything.
    worker = site.start_worker()
    try:
        site.wait(
            "every document and the awards",
            lambda: (
                set(_state(site)["documents"].values()) == {"ready"}
                and all(written for _pk, written in _state(site)["decisions"])
            ),
        )
    finally:
        worker.terminate()
        worker.wait(timeout=30)

    state = _state(site)
    assert state["import"] == ("done", IMPORT_ROWS)
    people = site.query("select count(*) from organizations_person")[0][0]
    assert people == people_before + IMPORT_ROWS
    assert site.query(
        "select count(*) from (select cccd from organizations_person "
        "group by cccd having count(*) > 1) d"
    ) == [(0,)]
    # Same numbers, no number taken twice or skipped.
    assert (
        dict(site.query("select id, symbol from documents_issueddocument order by id"))
        == numbers_before
    )
    assert site.query("select id, last_number from documents_numberseries") == (
        series_before
    )
    awards = site.query(
        "select person_id, count(*) from awards_award "
        f"where decision_number = '{decision}' group by person_id"
    )
    assert len(awards) == 3 and {count for _p, count in awards} == {1}
    assert site.query(
        "select count(*) from nominations_nomination where state = 'da_khen_thuong'"
    ) == [(3,)]
    requeued = site.query(
        "select count(*) from common_activitylog where action = 'jobs.requeue'"
    )[0][0]
    assert requeued >= 3
    site.run("audit", "verify")


@pytest.mark.needs_system
def test_serve_keeps_the_web_server_when_the_worker_dies(site):
    port = _free_port()
    serve = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "thidua.cli",
            "serve",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--no-migrate",
        ],
        env=site.env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    site.processes.append(serve)
    url = f"http://127.0.0.1:{port}/healthz"

    def healthy():
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    def worker_pids():
        """The serving process's children that run `thidua worker` (a dead one, not
        yet reaped, has no command line)."""
        children = Path(f"/proc/{serve.pid}/task/{serve.pid}/children")
        found = []
        for pid in map(int, children.read_text().split()):
            try:
                argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if argv[-2:] == [b"worker", b""]:
                found.append(pid)
        return found

    try:
        site.wait("the web server", healthy, timeout=60)
        site.wait("the worker", lambda: len(worker_pids()) == 1, timeout=30)
        (first,) = worker_pids()
        os.kill(first, signal.SIGKILL)
        assert healthy()
        site.wait(
            "a new worker",
            lambda: worker_pids() not in ([], [first]),
            timeout=30,
        )
        assert healthy()
    finally:
        serve.send_signal(signal.SIGTERM)
        output = serve.communicate(timeout=30)[0]
    assert "Tiến trình xử lý nền đã dừng (mã -9)" in output, output
    assert json.dumps(serve.returncode) == "0"
