"""``thidua serve``: the web server (gunicorn) and the job worker (huey) side by side,
for the demo and small installations, under a supervisor that stays small.

Production runs them as two services (``thidua web``, ``thidua worker``;
docs/operations.md), so that each is restarted on its own.

This module imports nothing of Django: the supervisor only starts, watches and stops
its two children, and holding the whole application in it would cost ~100 MB for
nothing. The application is imported once, in gunicorn's master (``preload_app`` in
:mod:`thidua.gunicorn_conf`), which also applies the migrations before it forks the
web workers; the job worker is started once the web server is ready (the migrations
done), through a pipe that gunicorn's ``when_ready`` hook writes to.

Either child that dies later is started again (after a pause that grows while it keeps
dying): a worker killed by the OOM killer leaves the web server serving, and the jobs it
held are picked up by the new worker (thidua.common.jobs). A web server that dies
before it was ever ready (a failed migration, a bad setting) stops ``thidua serve``
with its exit status: restarting it would only repeat the error.
"""

import argparse
import os
import select
import signal
import subprocess
import sys
import time

__all__ = [
    "Child",
    "add_web_arguments",
    "gunicorn_argv",
    "main",
    "run",
    "worker_argv",
]

# A child that ran this long before dying is restarted at once; one that dies sooner
# waits 1, 2, 4 … up to 60 seconds.
STABLE_SECONDS = 60
MAX_PAUSE = 60
WEB_NAME = "Máy chủ web"
WORKER_NAME = "Tiến trình xử lý nền"


def default_workers() -> int:
    """Web workers for this machine unless THIDUA_WEB_WORKERS says otherwise: one more
    than the cores, at least 2 and at most 4 — each sync worker holds one request at a
    time, and past the cores more workers only cost memory (docs/operations.md)."""
    configured = os.environ.get("THIDUA_WEB_WORKERS", "")
    if configured:
        return int(configured)
    return max(2, min(4, (os.cpu_count() or 1) + 1))


def add_web_arguments(parser) -> None:
    """--bind and --workers, for `thidua serve`, `thidua web` and `thidua demo`."""
    parser.add_argument(
        "--bind", default=os.environ.get("THIDUA_BIND", "127.0.0.1:8000")
    )
    parser.add_argument("--workers", type=int, default=default_workers())


def gunicorn_argv(bind: str, workers: int) -> list[str]:
    """gunicorn with thidua's configuration (thidua/gunicorn_conf.py)."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "thidua.wsgi:application",
        "--config",
        "python:thidua.gunicorn_conf",
        "--bind",
        bind,
        "--workers",
        str(workers),
    ]


def worker_argv() -> list[str]:
    return [sys.executable, "-m", "thidua.cli", "worker"]


class Child:
    def __init__(self, name: str, argv: list[str], env: dict, write):
        self.name, self.argv, self.env, self.write = name, argv, env, write
        self.process: subprocess.Popen | None = None
        self.started = 0.0
        self.pause = 0.0
        self.due = 0.0

    def start(self, pass_fds=()) -> None:
        self.process = subprocess.Popen(self.argv, env=self.env, pass_fds=pass_fds)
        self.started = time.monotonic()

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def check(self, now: float) -> None:
        """Start the child again if it died and its pause is over."""
        if self.alive():
            return
        if self.process is not None:
            code = self.process.returncode
            ran = now - self.started
            self.pause = (
                0 if ran >= STABLE_SECONDS else min(MAX_PAUSE, self.pause * 2 or 1)
            )
            self.write(
                f"{self.name} đã dừng (mã {code}); khởi động lại sau {self.pause:.0f} giây."
            )
            self.process = None
            self.due = now + self.pause
        if now >= self.due:
            self.start()

    def stop(self) -> None:
        if self.alive():
            self.process.terminate()

    def wait(self) -> None:
        if self.process is None:
            return
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _wait_ready(web: Child, ready_fd: int, stopping) -> bool:
    """Until gunicorn's master says it is ready (True), dies first, or we are told to
    stop (False)."""
    while not stopping():
        readable, _w, _x = select.select([ready_fd], [], [], 0.2)
        if readable and os.read(ready_fd, 16):
            return True
        if not web.alive():
            return False
    return False


def _write(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def run(bind: str, workers: int, *, migrate: bool, write=_write) -> int:
    """Start gunicorn (which migrates first unless ``migrate`` is false) and, once it
    is ready, the worker; keep both running until SIGTERM or SIGINT."""
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings.base")
    env["THIDUA_MIGRATE_ON_START"] = "1" if migrate else ""
    env["THIDUA_ANNOUNCE_BIND"] = bind
    web = Child(WEB_NAME, gunicorn_argv(bind, workers), env, write)
    worker = Child(WORKER_NAME, worker_argv(), env, write)
    stopping = False

    def stop(*_args):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    ready_read, ready_write = os.pipe()
    try:
        web.env = {**env, "THIDUA_READY_FD": str(ready_write)}
        web.start(pass_fds=(ready_write,))
        os.close(ready_write)
        web.env = env  # a restarted web server has nobody to tell
        if not _wait_ready(web, ready_read, lambda: stopping):
            if stopping:
                return 0
            web.process.wait()
            write(f"{WEB_NAME} không khởi động được (mã {web.process.returncode}).")
            return web.process.returncode or 1
        worker.start()
        while not stopping:
            now = time.monotonic()
            web.check(now)
            worker.check(now)
            time.sleep(0.5)
    finally:
        os.close(ready_read)
        for child in (web, worker):
            child.stop()
        for child in (web, worker):
            child.wait()
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="thidua serve",
        description="Chạy máy chủ web và tiến trình xử lý nền (huey); khởi động lại "
        "tiến trình nào dừng.",
    )
    add_web_arguments(parser)
    parser.add_argument(
        "--no-migrate",
        action="store_true",
        help="Không cập nhật cơ sở dữ liệu trước khi phục vụ.",
    )
    options = parser.parse_args(argv)

    return run(options.bind, options.workers, migrate=not options.no_migrate)
