"""Run the web server (gunicorn) and the job worker (huey) side by side, for the demo
and small installations. Production runs them as two services (`thidua web`,
`thidua worker`; docs/operations.md), so that each is restarted on its own.

Either child that dies is started again (after a pause that grows while it keeps
dying): a worker killed by the OOM killer leaves the web server serving, and the jobs
it held are picked up by the new worker (thidua.common.jobs)."""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

__all__ = [
    "ACCESS_LOG_FORMAT",
    "Command",
    "add_web_arguments",
    "gunicorn_argv",
    "serve_forever",
]

ACCESS_LOG_FORMAT = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)ss'
# A child that ran this long before dying is restarted at once; one that dies sooner
# waits 1, 2, 4 … up to 60 seconds.
STABLE_SECONDS = 60
MAX_PAUSE = 60


def gunicorn_argv(bind: str, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "thidua.wsgi:application",
        "--bind",
        bind,
        "--workers",
        str(workers),
        "--timeout",
        "120",
        "--access-logfile",
        "-",
        # X-Forwarded-* only from THIDUA_PROXY_IPS (none by default), as in Django.
        "--forwarded-allow-ips",
        ",".join(settings.THIDUA_PROXY_IPS),
        # Path only: query strings can carry a searched CCCD.
        "--access-logformat",
        ACCESS_LOG_FORMAT,
    ]


def add_web_arguments(parser) -> None:
    """--bind and --workers, for `thidua serve`, `thidua web` and `thidua demo`."""
    parser.add_argument(
        "--bind", default=os.environ.get("THIDUA_BIND", "127.0.0.1:8000")
    )
    parser.add_argument(
        "--workers", type=int, default=int(os.environ.get("THIDUA_WEB_WORKERS", "3"))
    )


def worker_argv() -> list[str]:
    return [sys.executable, "-m", "thidua.cli", "worker"]


class _Child:
    def __init__(self, name: str, argv: list[str], env: dict, stdout):
        self.name, self.argv, self.env, self.stdout = name, argv, env, stdout
        self.process: subprocess.Popen | None = None
        self.started = 0.0
        self.pause = 0.0
        self.due = 0.0

    def start(self) -> None:
        self.process = subprocess.Popen(self.argv, env=self.env)
        self.started = time.monotonic()

    def check(self, now: float) -> None:
        """Start the child again if it died and its pause is over."""
        if self.process is not None and self.process.poll() is None:
            return
        if self.process is not None:
            code = self.process.returncode
            ran = now - self.started
            self.pause = (
                0 if ran >= STABLE_SECONDS else min(MAX_PAUSE, self.pause * 2 or 1)
            )
            self.stdout.write(
                f"{self.name} đã dừng (mã {code}); khởi động lại sau {self.pause:.0f} giây."
            )
            self.process = None
            self.due = now + self.pause
        if now >= self.due:
            self.start()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()

    def wait(self) -> None:
        if self.process is None:
            return
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def serve_forever(bind: str, workers: int, stdout) -> int:
    """Start gunicorn and the worker, keep both running until SIGTERM or SIGINT."""
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings.base")
    children = [
        _Child("Máy chủ web", gunicorn_argv(bind, workers), env, stdout),
        _Child("Tiến trình xử lý nền", worker_argv(), env, stdout),
    ]
    stopping = False

    def stop(*_args):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        for child in children:
            child.start()
        while not stopping:
            now = time.monotonic()
            for child in children:
                child.check(now)
            time.sleep(0.5)
    finally:
        for child in children:
            child.stop()
        for child in children:
            child.wait()
    return 0


class Command(BaseCommand):
    help = "Chạy máy chủ web và tiến trình xử lý nền (huey); khởi động lại tiến trình nào dừng."

    def add_arguments(self, parser):
        add_web_arguments(parser)
        parser.add_argument("--no-migrate", action="store_true")

    def handle(self, *args, **options):
        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write(
            f"thidua đang chạy tại http://{options['bind']}/ "
            f"(dữ liệu: {settings.DATA_DIR}). Nhấn Ctrl+C để dừng."
        )
        sys.exit(serve_forever(options["bind"], options["workers"], self.stdout))
