"""``thidua exchange export|import|schema``: the data-exchange format (docs/exchange.md)."""

import json
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from thidua.exchange.export import export_agency
from thidua.exchange.importer import import_exchange
from thidua.exchange.schema import SCHEMA
from thidua.organizations.models import Agency


def _agency(code: str) -> Agency:
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        raise CommandError(f"Không có cơ quan mã “{code}”.")
    return agency


class Command(BaseCommand):
    help = "Xuất, nhập dữ liệu trao đổi (cơ quan, cá nhân, sổ khen thưởng, quyết định)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        out = sub.add_parser("export", help="xuất một cơ quan và các đơn vị trực thuộc")
        out.add_argument("agency", help="mã cơ quan")
        out.add_argument(
            "-o", "--output", default="-", help="tệp JSON (mặc định: stdout)"
        )
        into = sub.add_parser("import", help="nhập tệp vào một cơ quan")
        into.add_argument("file")
        into.add_argument("--into", required=True, help="mã cơ quan nhận")
        sub.add_parser("schema", help="in JSON Schema của định dạng")

    def handle(self, *args, **options):
        action = options["action"]
        if action == "schema":
            self.stdout.write(json.dumps(SCHEMA, ensure_ascii=False, indent=2))
            return
        if action == "export":
            text = json.dumps(
                export_agency(_agency(options["agency"])), ensure_ascii=False, indent=1
            )
            if options["output"] == "-":
                self.stdout.write(text)
            else:
                with open(options["output"], "w", encoding="utf-8") as handle:
                    handle.write(text)
            return
        try:
            with open(options["file"], "rb") as handle:
                raw = handle.read()
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp: {exc}") from None
        try:
            result = import_exchange(raw, into=_agency(options["into"]))
        except ValidationError as exc:
            for message in exc.messages:
                sys.stderr.write(message + "\n")
            raise CommandError("Không nhập được; xem các lỗi ở trên.") from None
        self.stdout.write(
            f"Đã nhập. Tạo mới: {result.created}; cập nhật: {result.updated}; không đổi: {result.unchanged}; quyết định (chỉ tham "
            f"khảo): {result.informative_decisions}."
        )
