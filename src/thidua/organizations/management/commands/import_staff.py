"""``thidua import-staff FILE.xlsx --agency CODE [--dry-run]`` and ``--template FILE``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.organizations.imports.staff import import_staff
from thidua.organizations.imports.template import staff_template_bytes
from thidua.organizations.models import Agency


class Command(BaseCommand):
    help = "Nhập danh sách cán bộ từ tệp Excel (.xlsx) theo mẫu."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="Tệp .xlsx cần nhập.")
        parser.add_argument("--agency", help="Mã cơ quan, ví dụ SKHĐT.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Chỉ kiểm tra, không ghi."
        )
        parser.add_argument(
            "--template", metavar="FILE", help="Ghi tệp mẫu trống ra FILE."
        )

    def handle(self, *args, **options):
        agency = None
        if options["agency"]:
            agency = Agency.objects.filter(code=options["agency"]).first()
            if agency is None:
                raise CommandError(f"Không có cơ quan mã “{options['agency']}”.")
        if options["template"]:
            Path(options["template"]).write_bytes(staff_template_bytes(agency))
            self.stdout.write(f"Đã ghi tệp mẫu: {options['template']}")
            return
        if not options["file"]:
            raise CommandError("Thiếu tệp cần nhập.")
        if agency is None:
            raise CommandError("Thiếu --agency MÃ_CƠ_QUAN.")
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp “{path}”.")
        result = import_staff(path, agency=agency, dry_run=options["dry_run"])
        if result.rejected:
            raise CommandError(
                f"Tệp bị từ chối: {result.rejected} Không ghi dữ liệu nào."
            )
        if result.errors:
            for error in result.errors:
                self.stderr.write(
                    f"Dòng {error.row}, cột “{error.column}”: {error.message}"
                )
            raise CommandError(
                f"{len(result.errors)} lỗi trong {result.rows} dòng. Không ghi dữ liệu nào."
            )
        verb = "Kiểm tra xong (chưa ghi)" if result.dry_run else "Đã nhập"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb}: {result.rows} dòng – thêm mới {result.created}, "
                f"cập nhật {result.updated}, không đổi {result.unchanged}."
            )
        )
