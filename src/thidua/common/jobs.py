"""Background jobs: the one place they are queued, claimed, watched and recovered.

A job always works on a row the user sees (a staff import, an issued document being
rendered) whose lease (:class:`~thidua.common.models.durable.DurableJob`) says which
worker process runs it and when it last showed life. The queue (huey) only carries the
row's id: a worker killed by the OOM killer or a reboot loses what it had taken from
the queue, but not the row. :func:`recover_stale` — at every worker start and every few
minutes — finds rows still in progress whose worker is gone (a dead process on this
machine at once, any other after ``THIDUA_JOB_STALE_SECONDS`` without a sign of life)
or that nobody holds while the queue no longer carries them (a worker killed between
taking the message and claiming the row), and queues them again, or after
``THIDUA_JOB_MAX_ATTEMPTS`` starts gives up with a reason the user reads. Each job is idempotent (it claims its row first, and writes its
outcome in one transaction), so a job queued twice runs once.

Repairs are periodic checks of states that must not last (a decision whose document is
ready while its awards are not written); each app registers its own in ``ready()``.
"""

import datetime
import logging
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy

__all__ = [
    "Durable",
    "checkpoint",
    "claim",
    "enqueue_on_commit",
    "fresh_lease",
    "recover_stale",
    "register_durable",
    "register_repair",
    "worker_id",
]

logger = logging.getLogger(__name__)

GAVE_UP = gettext_lazy(
    "Tiến trình xử lý nền đã dừng đột ngột %(n)s lần khi làm việc này nên hệ thống "
    "ngừng thử lại. Hãy thử lại; nếu vẫn lỗi, báo quản trị hệ thống."
)


@dataclass(frozen=True)
class Durable:
    """A kind of row that a background job brings to an end."""

    name: str
    model: str  # "app_label.ModelName", a subclass of DurableJob
    active: tuple[str, ...]  # values of ``status`` that mean "not finished yet"
    task: str  # "module:attribute": the huey task, called with the row's pk
    give_up: str  # "module:function(pk, reason)": mark the row failed for the user

    def model_class(self):
        return apps.get_model(self.model)


_DURABLE: dict[str, Durable] = {}
_REPAIRS: dict[str, str] = {}


def register_durable(durable: Durable) -> None:
    _DURABLE[durable.name] = durable


def register_repair(name: str, function: str) -> None:
    """``function`` ("module:function") is called by every sweep; it fixes what it
    finds in its own transactions and returns how many rows it fixed."""
    _REPAIRS[name] = function


def _resolve(path: str) -> Callable:
    module, _sep, attribute = path.partition(":")
    return getattr(import_module(module), attribute)


def enqueue_on_commit(task, *args) -> None:
    """Queue ``task(*args)`` after the surrounding transaction commits."""
    transaction.on_commit(lambda: task(*args))


# --- Which process is this, and is that one alive? -----------------------------------


def _start_ticks(pid: int) -> str:
    """The process's start time in clock ticks since boot (field 22 of /proc/PID/stat):
    with the pid, it tells a live worker from a new process that got the same pid."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    return stat.rsplit(")", 1)[1].split()[19]


@cache
def _identity(pid: int) -> str:
    return f"{socket.gethostname()}:{pid}:{_start_ticks(pid)}"


def worker_id() -> str:
    # Keyed by pid: a forked gunicorn or huey process gets its own identity.
    return _identity(os.getpid())


def owner_alive(owner: str) -> bool | None:
    """True or False for a process of this machine; None for another machine's (only
    its silence can tell)."""
    host, _sep, rest = owner.partition(":")
    pid, _sep, ticks = rest.partition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return None
    return bool(ticks) and _start_ticks(int(pid)) == ticks


# --- What a job does with its row ------------------------------------------------------


def fresh_lease() -> dict:
    """Field values of a row that was just queued (for ``create()`` or ``update()``)."""
    return {"job_owner": None, "job_seen_at": timezone.now(), "job_attempts": 0}


def claim(model, pk: int, active) -> bool:
    """Take the row for this process if it is still in progress and nobody holds it.
    False: finished already, or a live worker has it — the job has nothing to do."""
    taken = (
        model.objects.filter(pk=pk, status__in=active)
        .filter(Q(job_owner__isnull=True) | Q(job_owner=worker_id()))
        .update(
            job_owner=worker_id(),
            job_seen_at=timezone.now(),
            job_attempts=Coalesce(F("job_attempts"), 0) + 1,
        )
    )
    return taken == 1


def checkpoint(name: str, model=None, pk: int | None = None) -> None:
    """A step of a job is done: the row shows life (outside a transaction others see
    it at once). ``THIDUA_JOB_PAUSE_AT=name`` stops the first thread that gets here for
    good — only the crash tests set it, to kill a worker at a known point of each kind
    of job while its other thread goes on."""
    if model is not None:
        model.objects.filter(pk=pk, job_owner=worker_id()).update(
            job_seen_at=timezone.now()
        )
    if os.environ.get("THIDUA_JOB_PAUSE_AT") == name:
        try:  # the first thread to get here stops; others go on with their jobs
            with (Path(settings.DATA_DIR) / f"paused-{name}").open("x") as marker:
                marker.write(str(os.getpid()))
        except FileExistsError:
            return
        while True:  # until the test kills this process
            time.sleep(1)


# --- Recovery --------------------------------------------------------------------------


def _queued_messages() -> set[tuple[str, int]]:
    """(task name, row pk) of every message waiting in the queue, due or scheduled."""
    from huey.contrib.djhuey import HUEY  # noqa: PLC0415 (huey's settings are read at first use)

    return {
        (task.name, task.args[0])
        for task in (*HUEY.pending(), *HUEY.scheduled())
        if task.args
    }


def _stale(
    owner: str | None, seen, cutoff: datetime.datetime, in_queue: bool = True
) -> bool:
    if owner is None:
        # Queued: lost when the queue no longer has its message (a duplicate, should
        # a live worker be between taking it and claiming the row, runs once: claim);
        # otherwise stale when nobody took it for a long time.
        return not in_queue or seen is None or seen < cutoff
    alive = owner_alive(owner)
    if alive is None:
        return seen is None or seen < cutoff
    return not alive


def _recover_row(durable: Durable, model, row: tuple, now) -> str | None:
    from thidua.common.services.audit import log_action  # noqa: PLC0415 (audit imports models; jobs is imported by models' apps)

    pk, owner, seen, attempts = row
    attempts = attempts or 0
    with transaction.atomic():
        # Only the sweeper that changes the row as it read it acts on it.
        won = (
            model.objects.filter(pk=pk, status__in=durable.active, job_seen_at=seen)
            .filter(Q(job_owner=owner) if owner else Q(job_owner__isnull=True))
            .update(job_owner=None, job_seen_at=now)
        )
        if not won:
            return None
        instance = model.objects.get(pk=pk)
        data = {"job": durable.name, "owner": owner or "", "attempts": attempts}
        if attempts >= settings.THIDUA_JOB_MAX_ATTEMPTS:
            _resolve(durable.give_up)(pk, str(GAVE_UP % {"n": attempts}))
            log_action(instance, "jobs.give_up", data=data)
            return f"{durable.name} #{pk}: ngừng sau {attempts} lần"
        enqueue_on_commit(_resolve(durable.task), pk)
        log_action(instance, "jobs.requeue", data=data)
    return f"{durable.name} #{pk}: xếp lại hàng đợi"


def recover_stale(now: datetime.datetime | None = None) -> list[str]:
    """Queue again (or give up on) every job whose worker is gone; run the repairs.
    Returns a line per row acted on, for the worker's log and ``thidua jobs recover``."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=settings.THIDUA_JOB_STALE_SECONDS)
    done: list[str] = []
    queued = _queued_messages()
    for durable in _DURABLE.values():
        model = durable.model_class()
        task_name = _resolve(durable.task).name
        rows = model.objects.filter(status__in=durable.active).values_list(
            "pk", "job_owner", "job_seen_at", "job_attempts"
        )
        for row in rows:
            if _stale(row[1], row[2], cutoff, (task_name, row[0]) in queued):
                line = _recover_row(durable, model, row, now)
                if line:
                    done.append(line)
    for name, function in _REPAIRS.items():
        fixed = _resolve(function)()
        if fixed:
            done.append(f"{name}: {fixed}")
    for line in done:
        logger.warning("job recovery: %s", line)
    return done
