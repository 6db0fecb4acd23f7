"""``thidua documents render movement REF --format docx|pdf -o PATH [--year YYYY]``
and ``thidua documents rerender --failed | --id N ...``
and ``thidua documents verify --all`` (or ``verify SỐ [--year YYYY]``).

REF is the movement's id or its issued number, e.g. ``173/PD-SKHĐT --year 2023``.
``verify`` checks every issued document's stored files: SHA-256 as registered at
issue and, for a signed PDF, its digital signature; exit status 1 when one fails.
"""

import contextlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.documents.kinds import document_kinds
from thidua.documents.models import IssuedDocument
from thidua.documents.services.render import (
    render_issued_document,
    render_source,
    rerender_document,
)


class Command(BaseCommand):
    help = "Xuất văn bản (DOCX hoặc PDF) theo thể thức Nghị định 30/2020."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        render = sub.add_parser("render", help="Tạo tệp văn bản.")
        render.add_argument("kind", choices=sorted(k.code for k in document_kinds()))
        render.add_argument("ref", help="Mã (id) hoặc số, ký hiệu, ví dụ 173/PD-SKHĐT.")
        render.add_argument(
            "--year", type=int, help="Năm ban hành khi dùng số, ký hiệu."
        )
        render.add_argument("--format", choices=["docx", "pdf"], default="pdf")
        render.add_argument("-o", "--output", required=True)
        again = sub.add_parser(
            "rerender",
            help="Tạo lại tệp của văn bản đã cấp số mà tạo tệp lỗi (giữ nguyên số).",
        )
        which = again.add_mutually_exclusive_group(required=True)
        which.add_argument(
            "--failed", action="store_true", help="Mọi văn bản đang ở trạng thái lỗi."
        )
        which.add_argument(
            "--id", type=int, nargs="+", dest="ids", help="Mã (id) các văn bản."
        )

        verify = sub.add_parser(
            "verify",
            help="Kiểm tra tệp của văn bản đã phát hành: mã SHA-256 và chữ ký số.",
        )
        verify.add_argument(
            "symbol", nargs="?", help="Số, ký hiệu, ví dụ 173/PD-SKHĐT."
        )
        verify.add_argument("--year", type=int, help="Năm ban hành.")
        verify.add_argument(
            "--all", action="store_true", help="Kiểm tra mọi văn bản có tệp."
        )

    def handle(self, *args, **options):
        if options["action"] == "rerender":
            self.rerender(options)
        elif options["action"] == "verify":
            self._verify(options)
        else:
            self.render(options)

    def render(self, options):
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

    def rerender(self, options):
        failed = IssuedDocument.objects.filter(status=IssuedDocument.Status.FAILED)
        if options["ids"]:
            found = set(
                IssuedDocument.objects.filter(pk__in=options["ids"]).values_list(
                    "pk", flat=True
                )
            )
            missing = sorted(set(options["ids"]) - found)
            if missing:
                raise CommandError(
                    "Không có văn bản mã " + ", ".join(map(str, missing)) + "."
                )
            failed = failed.filter(pk__in=options["ids"])
        documents = list(failed.order_by("pk"))
        if not documents:
            self.stdout.write("Không có văn bản nào tạo tệp lỗi.")
            return
        still_failed = 0
        for document in documents:
            rerender_document(document)
            # An error's reason is stored on the document and printed below.
            with contextlib.suppress(Exception):
                render_issued_document(document.pk)
            document.refresh_from_db()
            if document.status == IssuedDocument.Status.READY:
                self.stdout.write(f"{document.symbol} (mã {document.pk}): đã tạo tệp.")
            else:
                still_failed += 1
                self.stdout.write(
                    f"{document.symbol} (mã {document.pk}): vẫn lỗi — {document.error}"
                )
        if still_failed:
            raise CommandError(f"{still_failed} văn bản vẫn tạo tệp lỗi.")

    def _verify(self, options):
        from thidua.documents.services.integrity import check_documents  # noqa: PLC0415 (pyHanko loads slowly)

        documents = None
        if options["all"] == bool(options["symbol"]):
            raise CommandError("Chọn một văn bản (số, ký hiệu) hoặc --all.")
        if options["symbol"]:
            documents = IssuedDocument.objects.filter(symbol=options["symbol"])
            if options["year"]:
                documents = documents.filter(year=options["year"])
            if not documents.exists():
                raise CommandError(f"Không tìm thấy văn bản “{options['symbol']}”.")
        total = signed = 0
        failed = []
        for check in check_documents(documents):
            total += 1
            signed += check.signed
            label = f"{check.document.symbol} ({check.document.year})"
            if check.ok:
                what = "không ký số, mã SHA-256 khớp"
                if check.signed:
                    what = f"chữ ký số hợp lệ, ký bởi {check.signer}"
                self.stdout.write(f"  đạt   {label}: {what}")
            else:
                failed.append(check)
                self.stdout.write(f"  LỖI   {label}: {' '.join(check.problems)}")
        summary = (
            f"{total} văn bản có tệp đã kiểm tra ({signed} có chữ ký số), "
            f"{len(failed)} lỗi."
        )
        if failed:
            raise CommandError(f"Văn bản phát hành không toàn vẹn: {summary}")
        self.stdout.write(self.style.SUCCESS(f"Văn bản phát hành toàn vẹn: {summary}"))
