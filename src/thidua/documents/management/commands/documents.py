"""``thidua documents render movement REF --format docx|pdf -o PATH [--year YYYY]``.

REF is the movement's id or its issued number, e.g. ``173/PD-SKHĐT --year 2023``.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.documents.models import IssuedDocument
from thidua.documents.services.render import SPEC_BUILDERS, render_source


class Command(BaseCommand):
    help = "Xuất văn bản (DOCX hoặc PDF) theo thể thức Nghị định 30/2020."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        render = sub.add_parser("render", help="Tạo tệp văn bản.")
        render.add_argument("kind", choices=sorted(SPEC_BUILDERS))
        render.add_argument("ref", help="Mã (id) hoặc số, ký hiệu, ví dụ 173/PD-SKHĐT.")
        render.add_argument(
            "--year", type=int, help="Năm ban hành khi dùng số, ký hiệu."
        )
        render.add_argument("--format", choices=["docx", "pdf"], default="pdf")
        render.add_argument("-o", "--output", required=True)

    def handle(self, *args, **options):
        kind, ref = options["kind"], options["ref"]
        if ref.isdigit():
            source_id = int(ref)
        else:
            documents = IssuedDocument.objects.filter(source_kind=kind, symbol=ref)
            if options["year"]:
                documents = documents.filter(year=options["year"])
            found = list(documents[:2])
            if not found:
                raise CommandError(f"Không tìm thấy văn bản “{ref}”.")
            if len(found) > 1:
                raise CommandError(f"Có nhiều văn bản “{ref}”; hãy thêm --year.")
            source_id = found[0].source_id
        try:
            data = render_source(kind, source_id, options["format"])
        except LookupError as exc:
            raise CommandError(f"Không tìm thấy {kind} {ref}.") from exc
        Path(options["output"]).write_bytes(data)
        self.stdout.write(f"Đã ghi {options['output']} ({len(data)} byte).")
