"""``thidua audit verify`` recomputes the hash chain; ``thidua audit checkpoint`` signs the head."""

from django.core.management.base import BaseCommand, CommandError

from thidua.common.services.audit import verify_chain, write_checkpoint


class Command(BaseCommand):
    help = "Kiểm tra hoặc đóng dấu mốc chuỗi nhật ký thao tác."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify", "checkpoint"])

    def handle(self, *args, **options):
        if options["action"] == "checkpoint":
            checkpoint = write_checkpoint()
            if checkpoint is None:
                self.stdout.write("Nhật ký trống, chưa có gì để đóng mốc.")
            else:
                self.stdout.write(
                    f"Đã đóng mốc tại #{checkpoint.seq}: {checkpoint.head_hash}"
                )
            return
        report = verify_chain()
        if report.ok:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Chuỗi nhật ký toàn vẹn: {report.checked} mục đã kiểm tra."
                )
            )
            return
        if report.first_bad_seq is not None:
            raise CommandError(
                f"Chuỗi nhật ký bị hỏng từ mục #{report.first_bad_seq} ({report.problem}); "
                f"{report.checked} mục trước đó hợp lệ."
            )
        raise CommandError(f"Mốc kiểm chứng không khớp: {report.problem}.")
