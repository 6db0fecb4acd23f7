"""``thidua jobs recover``: pick up at once what dead workers left (the worker does it
at start and every five minutes on its own)."""

from django.core.management.base import BaseCommand

from thidua.common.jobs import recover_stale


class Command(BaseCommand):
    help = "Xử lý nền: xếp lại hàng đợi những việc bị dừng giữa chừng."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser(
            "recover",
            help="Xếp lại hàng đợi (hoặc đánh dấu lỗi) việc mà tiến trình nền đã chết.",
        )

    def handle(self, *args, **options):
        lines = recover_stale()
        for line in lines:
            self.stdout.write(line)
        self.stdout.write(
            f"Đã xử lý {len(lines)} việc." if lines else "Không có việc nào bị dừng."
        )
