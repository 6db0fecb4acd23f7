"""Run the web server (gunicorn) and the job worker (huey) side by side."""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

__all__ = ["ACCESS_LOG_FORMAT", "Command", "serve_forever"]

ACCESS_LOG_FORMAT = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)ss'


def serve_forever(bind: str, workers: int, stdout) -> int:
    """Start gunicorn and the huey consumer; stop both when either stops or on a signal."""
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings.base")
    web = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "thidua.wsgi:application",
            "--bind", bind, "--workers", str(workers), "--timeout", "120",
            "--access-logfile", "-", "--forwarded-allow-ips", ",".join(settings.THIDUA_PROXY_IPS),
            # Path only: query strings can carry a searched CCCD.
            "--access-logformat", ACCESS_LOG_FORMAT,
        ],
        env=env,
    )  # fmt: skip
    worker = subprocess.Popen(
        [sys.executable, "-m", "thidua.cli", "run_huey", "--quiet"], env=env
    )
    children = [web, worker]
    stopping = False

    def stop(*_args):
        nonlocal stopping
        stopping = True
        for child in children:
            if child.poll() is None:
                child.terminate()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        while not stopping and all(c.poll() is None for c in children):
            time.sleep(0.5)
    finally:
        stop()
        for child in children:
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
    return web.returncode or 0


class Command(BaseCommand):
    help = "Chạy máy chủ web và tiến trình xử lý nền (huey)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--bind", default=os.environ.get("THIDUA_BIND", "127.0.0.1:8000")
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("THIDUA_WEB_WORKERS", "3")),
        )
        parser.add_argument("--no-migrate", action="store_true")

    def handle(self, *args, **options):
        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write(
            f"thidua đang chạy tại http://{options['bind']}/ "
            f"(dữ liệu: {settings.DATA_DIR}). Nhấn Ctrl+C để dừng."
        )
        sys.exit(serve_forever(options["bind"], options["workers"], self.stdout))
