"""``thidua worker``: the background worker (huey consumer), for a service manager
such as systemd or under ``thidua serve``. At start it picks up what a dead worker left
(thidua.common.tasks.recover_jobs_at_start)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Chạy tiến trình xử lý nền (nhập danh sách, tạo tệp văn bản, nhắc việc)."

    def handle(self, *args, **options):
        call_command("run_huey", verbose=False)
