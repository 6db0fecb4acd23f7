"""The outgoing documents on the command line.

- ``thidua documents import FILE.docx [--agency CODE]``: a new draft (models/drafts.py)
  read from a DOCX file; prints its id and every line the import could not place.
  A file that is not a readable DOCX: the reason, exit status 1, nothing created.
  Without ``--agency`` the draft belongs to the root of the organisation tree (when
  there is exactly one).
- ``thidua documents render ID [--pdf OUT.pdf] [--docx OUT.docx]``: the files of any
  draft, by its id (blanks for the number and date until it is issued).
- ``thidua documents render issued:N`` (or ``render --issued N``) ``--pdf … --docx …``:
  the stored files of issued document N, as registered (signed PDF included).
- ``thidua documents render KIND REF --format docx|pdf -o PATH [--year YYYY]``: a
  registered kind's source (``movement``, ``decision``, ``draft``…); REF is its id
  or its issued number, e.g. ``173/PD-SKHĐT --year 2023``.
- ``thidua documents rerender --failed | --id N ...``.
- ``thidua documents verify --all`` (or ``verify SỐ [--year YYYY]``): checks every
  issued document's stored files: SHA-256 as registered at issue and, for a signed
  PDF, its digital signature; exit status 1 when one fails.
"""

import contextlib
from pathlib import Path

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.management.base import BaseCommand, CommandError

from thidua.documents.kinds import document_kinds
from thidua.documents.models import DraftDocument, IssuedDocument
from thidua.documents.services.render import (
    render_issued_document,
    render_source,
    rerender_document,
)
from thidua.organizations.models import Agency


class Command(BaseCommand):
    help = "Xuất văn bản (DOCX hoặc PDF) theo thể thức Nghị định 30/2020."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Tạo văn bản soạn thảo từ tệp DOCX.")
        imp.add_argument("file", help="Tệp .docx")
        imp.add_argument("--agency", help="Mã cơ quan soạn thảo (mặc định: gốc cây).")
        render = sub.add_parser(
            "render",
            help=(
                "Tạo tệp văn bản: ID (văn bản soạn thảo), issued:N (tệp đã lưu của "
                "văn bản đi N), hoặc KIND REF."
            ),
        )
        render.add_argument(
            "refs",
            nargs="*",
            metavar="REF",
            help=(
                "ID của văn bản soạn thảo; issued:N; hoặc loại ("
                + ", ".join(sorted(k.code for k in document_kinds()))
                + ") và mã (id) hoặc số, ký hiệu, ví dụ movement 173/PD-SKHĐT."
            ),
        )
        render.add_argument("--issued", type=int, help="Mã (id) văn bản đi đã lưu tệp.")
        render.add_argument(
            "--year", type=int, help="Năm ban hành khi dùng số, ký hiệu."
        )
        render.add_argument("--format", choices=["docx", "pdf"], default="pdf")
        render.add_argument("-o", "--output")
        render.add_argument("--pdf", help="Ghi tệp PDF vào đây.")
        render.add_argument("--docx", help="Ghi tệp DOCX vào đây.")
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
        elif options["action"] == "import":
            self.import_docx(options)
        else:
            self.render(options)

    def import_docx(self, options):
        from thidua.documents.services.drafts import import_draft  # noqa: PLC0415 (python-docx is heavy)

        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(
                f"Không đọc được tệp “{path}”: {exc.strerror}."
            ) from None
        try:
            draft, unplaced = import_draft(
                data, agency=self._agency(options["agency"]), file_name=path.name
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        self.stdout.write(f"Đã tạo văn bản soạn thảo mã {draft.pk}: {draft}")
        if unplaced:
            self.stdout.write(f"{len(unplaced)} dòng chưa xếp được vào văn bản:")
            for line in unplaced:
                self.stdout.write(f"  {line}")

    @staticmethod
    def _agency(code: str | None) -> Agency:
        if code:
            agency = Agency.objects.filter(code=code).first()
            if agency is None:
                raise CommandError(f"Không có cơ quan mã “{code}”.")
            return agency
        roots = list(Agency.objects.filter(parent__isnull=True)[:2])
        if len(roots) != 1:
            raise CommandError("Hãy chọn cơ quan soạn thảo: --agency MÃ.")
        return roots[0]

    def _outputs(self, options) -> dict[str, str]:
        """``{fmt: path}`` from --pdf/--docx, or -o with --format."""
        outputs = {fmt: options[fmt] for fmt in ("pdf", "docx") if options.get(fmt)}
        if options["output"]:
            outputs.setdefault(options["format"], options["output"])
        if not outputs:
            raise CommandError("Chọn tệp ghi ra: --pdf TỆP, --docx TỆP hoặc -o TỆP.")
        return outputs

    def _write(self, path: str, data: bytes) -> None:
        Path(path).write_bytes(data)
        self.stdout.write(f"Đã ghi {path} ({len(data)} byte).")

    def render(self, options):
        refs = options["refs"]
        if options["issued"] is not None or (
            len(refs) == 1 and refs[0].startswith("issued:")
        ):
            self._render_issued(options)
        elif len(refs) == 1:
            self._render_draft(refs[0], options)
        else:
            self._render_kind(refs, options)

    def _render_kind(self, refs, options) -> None:
        if len(refs) != 2:
            raise CommandError(
                "Cần ID văn bản soạn thảo, issued:N, hoặc loại và mã văn bản."
            )
        kind, ref = refs
        if kind not in {k.code for k in document_kinds()}:
            raise CommandError(f"Không có loại văn bản “{kind}”.")
        if not options["output"]:
            raise CommandError("Chọn tệp ghi ra: -o TỆP.")
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
        except (LookupError, ObjectDoesNotExist) as exc:
            raise CommandError(f"Không tìm thấy {kind} {ref}.") from exc
        self._write(options["output"], data)

    def _render_draft(self, ref: str, options) -> None:
        from thidua.documents import rendering  # noqa: PLC0415 (heavy)
        from thidua.documents.drafting.content import ContentError  # noqa: PLC0415 (loads the renderer)

        outputs = self._outputs(options)
        if not ref.isdigit() or not DraftDocument.objects.filter(pk=ref).exists():
            raise CommandError(f"Không có văn bản soạn thảo mã “{ref}”.")
        try:
            docx = render_source("draft", int(ref), "docx")
        except (ContentError, rendering.SpecError) as exc:
            problems = "; ".join(exc.problems)
            raise CommandError(f"Văn bản chưa tạo được tệp: {problems}") from None
        if "docx" in outputs:
            self._write(outputs["docx"], docx)
        if "pdf" in outputs:
            try:
                pdf = rendering.docx_to_pdf(docx)
            except rendering.ConversionError as exc:
                raise CommandError(str(exc)) from None
            self._write(outputs["pdf"], pdf)

    def _render_issued(self, options) -> None:
        outputs = self._outputs(options)
        ref = options["issued"]
        if ref is None:
            ref = options["refs"][0].removeprefix("issued:")
        document = (
            IssuedDocument.objects.filter(pk=ref).first()
            if str(ref).isdigit()
            else None
        )
        if document is None:
            raise CommandError(f"Không có văn bản đi mã “{ref}”.")
        if not document.is_ready:
            raise CommandError(
                f"{document.symbol} chưa có tệp ({document.get_status_display()})."
            )
        for fmt, path in outputs.items():
            with getattr(document, fmt).open("rb") as stored:
                self._write(path, stored.read())

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
