"""Check every issued document's stored files: present, SHA-256 as registered at issue,
and the PDF's digital signature valid (``thidua documents verify --all``, and
``thidua restore`` after putting a backup back)."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..models import DocumentSignature, IssuedDocument
from .signing import check_stored_pdf, sha256

__all__ = ["DocumentCheck", "check_documents"]


@dataclass
class DocumentCheck:
    document: IssuedDocument
    signed: bool = False
    signer: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _read(document, fmt: str, problems: list) -> bytes | None:
    try:
        with getattr(document, fmt).open("rb") as handle:
            return handle.read()
    except OSError:
        problems.append(
            _("Không tìm thấy tệp %(fmt)s (%(name)s).")
            % {"fmt": fmt.upper(), "name": getattr(document, fmt).name}
        )
        return None


def check_documents(
    documents: Iterable[IssuedDocument] | None = None,
) -> Iterator[DocumentCheck]:
    """One result per issued document that has files (default: all of them)."""
    if documents is None:
        documents = (
            IssuedDocument.objects.exclude(pdf="", docx="")
            .order_by("year", "series_id", "number")
            .iterator(chunk_size=200)
        )
    for document in documents:
        check = DocumentCheck(document)
        if document.docx and document.docx_sha256:
            data = _read(document, "docx", check.problems)
            if data is not None and sha256(data) != document.docx_sha256:
                check.problems.append(
                    _("Mã SHA-256 của tệp DOCX khác với mã ghi trong sổ khi ban hành.")
                )
        if document.pdf:
            data = _read(document, "pdf", check.problems)
            signatures = list(
                DocumentSignature.objects.filter(
                    document=document, credential__isnull=False
                )
            )
            if data is not None and signatures:
                check.signed = True
                check.signer = ", ".join(s.signer_subject for s in signatures)
                _report, problems = check_stored_pdf(document, signatures, data)
                check.problems.extend(str(p) for p in problems)
            elif data is not None and sha256(data) != document.pdf_sha256:
                check.problems.append(
                    _("Mã SHA-256 của tệp khác với mã ghi trong sổ khi ban hành.")
                )
        yield check
