"""``thidua restore ĐƯỜNG_DẪN [--force] [--no-keys]``: check an archive made by
``thidua backup``, put it back, then run ``thidua audit verify`` and
``thidua documents verify --all`` (docs/backup.md)."""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from thidua.common.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Khôi phục từ tệp sao lưu của thidua backup: kiểm tra mã SHA-256, khôi phục "
        "cơ sở dữ liệu và tệp, rồi kiểm tra chuỗi nhật ký và chữ ký số văn bản."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Tệp sao lưu (.tar.gz hoặc .tar).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Thay thế cả khi cơ sở dữ liệu hoặc thư mục tệp đích đã có dữ liệu.",
        )
        parser.add_argument(
            "--no-keys",
            action="store_true",
            help="Không đặt lại các khóa có trong tệp sao lưu (--include-keys).",
        )

    def handle(self, *args, **options):
        self.stdout.write(f"Đang kiểm tra {options['path']}…")
        try:
            result = restore_backup(
                Path(options["path"]),
                force=options["force"],
                keys=not options["no_keys"],
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        manifest = result.manifest
        made = timezone.localtime(
            datetime.datetime.fromisoformat(manifest["created_at"])
        )
        self.stdout.write(
            f"Đã khôi phục bản sao lưu lúc {made:%H:%M:%S ngày %d/%m/%Y} "
            f"(thidua {manifest['thidua_version']}, {manifest['engine']}, "
            f"máy {manifest.get('host', '?')})."
        )
        for note in result.notes:
            self.stdout.write(f"  {note}")
        for problem in result.problems:
            self.stdout.write(self.style.ERROR(f"  LỖI: {problem}"))
        for check in result.checks:
            mark = self.style.SUCCESS("ĐẠT") if check.ok else self.style.ERROR("LỖI")
            self.stdout.write(f"{check.title}: {mark}")
            for line in check.output.splitlines():
                self.stdout.write(f"    {line}")
        if not result.ok:
            raise CommandError(
                "Đã khôi phục nhưng kiểm tra KHÔNG ĐẠT (xem ở trên). Đừng đưa vào sử "
                "dụng trước khi làm rõ."
            )
        self.stdout.write(self.style.SUCCESS("Khôi phục xong, mọi kiểm tra đều đạt."))
