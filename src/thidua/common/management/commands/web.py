"""``thidua web``: the web server alone (gunicorn), for a service manager such as
systemd; the worker runs as its own service (``thidua worker``). docs/operations.md."""

import os
import sys

from django.core.management.base import BaseCommand

from thidua.common.supervise import add_web_arguments, gunicorn_argv


class Command(BaseCommand):
    help = "Chạy máy chủ web (gunicorn), không kèm tiến trình xử lý nền."

    def add_arguments(self, parser):
        add_web_arguments(parser)

    def handle(self, *args, **options):
        argv = gunicorn_argv(options["bind"], options["workers"])
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings.base")
        sys.stdout.flush()
        # gunicorn takes this process's place: the service manager watches it directly.
        os.execv(argv[0], argv)
