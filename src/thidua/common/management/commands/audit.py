"""``thidua audit verify [--against TỆP]`` recomputes the hash chain;
``thidua audit checkpoint [--export] [-o TỆP]`` signs the head (and exports it)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.common.keys import KeyFileError, audit_key, audit_key_source
from thidua.common.services.audit import (
    ExportError,
    check_exported,
    export_checkpoint,
    latest_checkpoint,
    parse_exported,
    verify_chain,
    write_checkpoint,
)


class Command(BaseCommand):
    help = "Kiểm tra hoặc đóng dấu mốc chuỗi nhật ký thao tác."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify", "checkpoint"])
        parser.add_argument(
            "--export",
            action="store_true",
            help="checkpoint: in mốc mới nhất (seq, mã băm, thời điểm, HMAC) để lưu "
            "ở nơi thứ hai.",
        )
        parser.add_argument(
            "-o", "--output", help="checkpoint --export: ghi vào tệp thay vì in ra."
        )
        parser.add_argument(
            "--against",
            metavar="TỆP",
            help="verify: đối chiếu chuỗi với một mốc đã xuất (thidua audit "
            "checkpoint --export).",
        )

    def handle(self, *args, **options):
        if options["action"] == "checkpoint":
            self._checkpoint(options)
            return
        if options["export"] or options["output"]:
            raise CommandError("--export và -o chỉ dùng với “checkpoint”.")
        self._verify(options["against"])

    def _checkpoint(self, options):
        if options["against"]:
            raise CommandError("--against chỉ dùng với “verify”.")
        try:
            checkpoint = write_checkpoint()
        except KeyFileError as exc:
            raise CommandError(str(exc)) from exc
        if checkpoint is None:
            checkpoint = latest_checkpoint()
            if checkpoint is None:
                self.stdout.write("Nhật ký trống, chưa có gì để đóng mốc.")
                return
        elif not options["export"]:
            self.stdout.write(
                f"Đã đóng mốc tại #{checkpoint.seq}: {checkpoint.head_hash}"
            )
        if not options["export"]:
            return
        text = export_checkpoint(checkpoint)
        if options["output"]:
            Path(options["output"]).write_text(text, encoding="utf-8")
            self.stderr.write(
                f"Đã ghi mốc #{checkpoint.seq} vào {options['output']}. Hãy lưu tệp "
                "(hoặc bản in) ở nơi khác máy chủ."
            )
        else:
            self.stdout.write(text, ending="")

    def _verify(self, against):
        exported = None
        if against:
            try:
                exported = parse_exported(Path(against).read_text(encoding="utf-8"))
            except OSError as exc:
                raise CommandError(
                    f"Không đọc được tệp mốc {against}: {exc.strerror}."
                ) from exc
            except ExportError as exc:
                raise CommandError(f"{against}: {exc}") from exc
        try:
            report = verify_chain()
        except KeyFileError as exc:
            raise CommandError(str(exc)) from exc
        problems = []
        if report.first_bad_seq is not None:
            problems.append(
                f"Chuỗi nhật ký bị hỏng từ mục #{report.first_bad_seq} "
                f"({report.problem}); {report.checked} mục trước đó hợp lệ."
            )
        elif report.problem:
            problems.append(self._checkpoint_problem(report.problem))
        if exported is not None:
            problems.extend(check_exported(exported))
        if problems:
            raise CommandError("\n".join(problems))
        notes = [f"{report.checkpoints} mốc kiểm chứng khớp"]
        if report.legacy_checkpoints:
            notes.append(
                f"{report.legacy_checkpoints} mốc cũ ký bằng khóa suy ra từ SECRET_KEY; "
                "chạy “thidua audit checkpoint” để ký mốc mới bằng khóa mốc kiểm chứng"
            )
        if exported is not None:
            notes.append(f"khớp mốc đã xuất #{exported['seq']}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Chuỗi nhật ký toàn vẹn: {report.checked} mục đã kiểm tra "
                f"({'; '.join(notes)})."
            )
        )

    @staticmethod
    def _checkpoint_problem(problem: str) -> str:
        seq = problem.split(":")[0].removeprefix("checkpoint ").strip()
        if problem.endswith("legacy signature after key"):
            return (
                f"Mốc kiểm chứng #{seq} ký theo kiểu cũ (từ SECRET_KEY) sau khi đã có "
                "khóa mốc kiểm chứng riêng: mốc giả mạo."
            )
        if problem.endswith("signature"):
            if audit_key(create=False) is None:
                return (
                    f"Mốc kiểm chứng #{seq}: không tìm thấy khóa mốc kiểm chứng "
                    f"({audit_key_source()}); khôi phục khóa từ nơi cất giữ "
                    "(docs/backup.md)."
                )
            return (
                f"Mốc kiểm chứng #{seq}: chữ ký HMAC không khớp với khóa hiện tại "
                f"({audit_key_source()}) — mốc bị sửa hoặc khóa đã đổi."
            )
        return (
            f"Mốc kiểm chứng #{seq} không khớp với chuỗi ({problem}): nhật ký đã bị "
            "cắt bớt hoặc viết lại."
        )
