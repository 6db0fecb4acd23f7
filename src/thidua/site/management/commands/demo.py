"""Set up the demo: migrate, load the Lạng Sơn demo data once, print accounts, serve."""

import os
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand

from thidua.common.services.audit import write_checkpoint
from thidua.common.supervise import add_web_arguments
from thidua.demo.loader import DEMO_PASSWORD, demo_accounts, demo_loaded, load_demo


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu (Sở KH&ĐT Lạng Sơn) và chạy máy chủ."

    def add_arguments(self, parser):
        parser.add_argument(
            "--load-only", action="store_true", help="Chỉ nạp dữ liệu mẫu."
        )
        add_web_arguments(parser)

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        if demo_loaded():
            self.stdout.write("Dữ liệu mẫu đã có sẵn.")
        else:
            self.stdout.write("Đang nạp dữ liệu mẫu…")
            load_demo()
            checkpoint = write_checkpoint()  # the install's signed audit checkpoint
            self.stdout.write(self.style.SUCCESS("Đã nạp dữ liệu mẫu."))
            if checkpoint is not None:
                self.stdout.write(
                    f"Đã đóng mốc nhật ký thao tác tại #{checkpoint.seq}."
                )
        self.stdout.write("")
        self.stdout.write(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
        for account in demo_accounts():
            self.stdout.write(f"  {account.username:<12} {account.description}")
        if options["load_only"]:
            return
        self.stdout.write("")
        self.stdout.write(
            f"Mở http://{options['bind']}/ trong trình duyệt. Nhấn Ctrl+C để dừng."
        )
        self.stdout.flush()
        sys.stdout.flush()
        # `thidua serve` takes this process's place: the demo data loaded here stays
        # out of the supervisor's memory (thidua/common/supervise.py).
        # The demo's people may make themselves a test certificate (never elsewhere).
        os.environ["THIDUA_TEST_CERTIFICATES"] = "1"
        argv = [sys.executable, "-m", "thidua.cli", "serve", "--no-migrate"]
        argv += ["--bind", options["bind"], "--workers", str(options["workers"])]
        os.execv(argv[0], argv)
