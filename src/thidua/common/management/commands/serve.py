"""``thidua serve`` through Django's command runner (``django-admin serve``): the same
supervisor as ``thidua serve`` (thidua/common/supervise.py), which ``thidua`` itself starts
without loading Django in the supervising process."""

import sys

from django.core.management.base import BaseCommand

from thidua.common.supervise import add_web_arguments, run


class Command(BaseCommand):
    help = "Chạy máy chủ web và tiến trình xử lý nền (huey); khởi động lại tiến trình nào dừng."

    def add_arguments(self, parser):
        add_web_arguments(parser)
        parser.add_argument("--no-migrate", action="store_true")

    def handle(self, *args, **options):
        self.stdout.flush()
        sys.exit(
            run(
                options["bind"],
                options["workers"],
                migrate=not options["no_migrate"],
                write=self.stdout.write,
            )
        )
