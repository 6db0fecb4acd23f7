"""The single entry point that turns a registered document into DOCX and PDF files.

Each source kind (a movement's launch document, a decision, a council's minutes…) is
registered by its app (documents/kinds.py) with the builder of its rendering
specification; the files are stored with their SHA-256 and the document is frozen from
then on.
"""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.common.actions import audit_code
from thidua.common.jobs import checkpoint, claim, enqueue_on_commit, fresh_lease
from thidua.common.services.audit import log_action

from ..kinds import document_kind
from ..models import DocumentSignature, IssuedDocument
from ..selectors import layout_for
from ..workflows import DOCUMENT, RENDER_JOB
from .signing import sign_for_document

__all__ = [
    "ACTIVE",
    "build_spec",
    "give_up_render",
    "render_issued_document",
    "render_source",
    "rerender_document",
]

logger = logging.getLogger(__name__)


def build_spec(kind: str, source_id: int):
    return document_kind(kind).build_spec(source_id)


def render_source(kind: str, source_id: int, fmt: str) -> bytes:
    """DOCX or PDF bytes for a source object, issued or not (previews, the CLI)."""
    from .. import rendering  # noqa: PLC0415 (python-docx and LibreOffice glue are heavy)

    docx = rendering.render_docx(build_spec(kind, source_id), layout_for(kind))
    return docx if fmt == "docx" else rendering.docx_to_pdf(docx)


# A document in this state has no files yet: a job renders it, or waits to.
ACTIVE = (IssuedDocument.Status.RENDERING,)


def _failed(document, message: str, exc: Exception) -> None:
    logger.exception("rendering %s failed", document.symbol)
    give_up_render(document.pk, message % {"reason": str(exc)[:500]})


def render_issued_document(document_id: int) -> None:
    """Render, sign the PDF when the issuer has a credential, store both files with
    their SHA-256, mark the document ready (frozen) — and, in that same transaction,
    run what the source kind does once its files exist (a decision writes its awards),
    so a document is never ready with its consequences missing.

    Safe to run again after a crash: it claims the document first (one that is ready,
    failed, or held by a live worker is left alone) and keeps its number. On an error
    the document is marked failed with the reason; an officer can render it again
    (:func:`rerender_document`)."""
    from .. import rendering  # noqa: PLC0415 (heavy)

    if not claim(IssuedDocument, document_id, ACTIVE):
        return
    document = IssuedDocument.objects.select_related("series__council").get(
        pk=document_id
    )
    try:
        layout = layout_for(document.source_kind)
        docx = rendering.render_docx(
            build_spec(document.source_kind, document.source_id), layout
        )
        pdf = rendering.docx_to_pdf(docx)
    except Exception as exc:
        _failed(document, _("Không tạo được tệp: %(reason)s"), exc)
        raise
    checkpoint("documents.render.converted", IssuedDocument, document.pk)
    try:
        pdf, signatures = sign_for_document(document, pdf, layout)
    except Exception as exc:
        _failed(document, _("Không ký số được: %(reason)s"), exc)
        raise
    base = document.symbol.replace("/", "_")

    def store_files(locked, _move) -> list[str]:
        locked.docx.save(f"{base}.docx", ContentFile(docx), save=False)
        locked.pdf.save(f"{base}.pdf", ContentFile(pdf), save=False)
        locked.docx_sha256 = hashlib.sha256(docx).hexdigest()
        locked.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
        locked.error = ""
        locked.job_owner = None
        return ["docx", "pdf", "docx_sha256", "pdf_sha256", "error", "job_owner"]

    with transaction.atomic():
        current = IssuedDocument.objects.select_for_update().get(pk=document.pk)
        if current.status != IssuedDocument.Status.RENDERING:
            return  # rendered meanwhile by a worker that took it over
        locked = DOCUMENT.transition(
            current,
            IssuedDocument.Status.READY,
            check_permission=False,
            through=RENDER_JOB,
            effect=store_files,
            data=lambda locked: {
                "docx_sha256": locked.docx_sha256,
                "pdf_sha256": locked.pdf_sha256,
            },
            lock=lambda query: query.select_related("series__council"),
        )
        for fields in signatures:
            _record_signature(locked, fields)
        document_kind(document.source_kind).run_after_render(document.source_id)


SIGN_ACTIONS = {
    (DocumentSignature.Kind.PERSONAL, True): audit_code("documents.sign_personal"),
    (DocumentSignature.Kind.PERSONAL, False): audit_code(
        "documents.sign_personal_missing"
    ),
    (DocumentSignature.Kind.SEAL, True): audit_code("documents.sign"),
}


def _record_signature(document, fields: dict) -> None:
    """One signature of the PDF (or the personal one missing, with why), audited as
    the step of whoever it belongs to: the approver's own, the clerk's seal."""
    row = DocumentSignature.objects.create(document=document, **fields)
    log_action(
        document,
        SIGN_ACTIONS[row.kind, row.made],
        actor=row.step_by,
        agency_id=DOCUMENT.agency_of(document),
        data={
            "kind": row.kind,
            "credential": row.credential_id,
            "fingerprint": row.fingerprint,
            "person": row.person_id,
            "signer": row.caption,
            "signed_at": row.signed_at,
            "missing_reason": row.missing_reason,
            "pdf_sha256": document.pdf_sha256,
        },
    )


def rerender_document(document: IssuedDocument, *, actor=None) -> IssuedDocument:
    """Render a document whose rendering failed once more, under the number it already
    has (a legal number is never taken twice)."""
    from ..tasks import task_render_document  # noqa: PLC0415 (tasks import this module)

    def fresh(locked, _move) -> list[str]:
        previous.append(locked.error)
        locked.error = ""
        for name, value in fresh_lease().items():
            setattr(locked, name, value)
        return ["error", *fresh_lease()]

    previous: list[str] = []
    with transaction.atomic():
        locked = DOCUMENT.transition(
            document,
            IssuedDocument.Status.RENDERING,
            actor=actor,
            effect=fresh,
            data=lambda locked: {
                "symbol": locked.symbol,
                "previous_error": previous[0][:500],
            },
            lock=lambda query: query.select_related("series__council"),
        )
        enqueue_on_commit(task_render_document, locked.pk)
    locked.refresh_from_db()
    return locked


def give_up_render(document_id: int, reason: str) -> None:
    """Mark a document still rendering as failed with ``reason`` for the user: after a
    rendering or signing error, or when the worker died on it too often
    (thidua.common.jobs). One no longer rendering is left as it is."""

    def explain(locked, _move) -> list[str]:
        locked.error = reason
        locked.job_owner = None
        return ["error", "job_owner"]

    with transaction.atomic():
        document = (
            IssuedDocument.objects.select_for_update()
            .filter(pk=document_id, status__in=ACTIVE)
            .first()
        )
        if document is None:
            return
        DOCUMENT.transition(
            document,
            IssuedDocument.Status.FAILED,
            reason=reason,
            check_permission=False,
            through=RENDER_JOB,
            effect=explain,
            lock=lambda query: query.select_related("series__council"),
        )
