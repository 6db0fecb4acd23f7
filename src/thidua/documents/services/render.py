"""The single entry point that turns a registered document into DOCX and PDF files.

Each source kind (a movement's launch document, later decisions and minutes) registers
a builder that returns the rendering specification; the files are stored with their
SHA-256 and the document is frozen from then on.
"""

import hashlib
import logging
from collections.abc import Callable
from importlib import import_module

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.common.services.audit import log_action

from ..models import DocumentLayout, DocumentSignature, IssuedDocument
from .signing import sign_for_document

__all__ = ["SPEC_BUILDERS", "build_spec", "render_issued_document", "render_source"]

logger = logging.getLogger(__name__)

# source kind -> "module:function" building the spec from the source object's id.
SPEC_BUILDERS = {
    "movement": "thidua.movements.rendering:spec_for_movement_id",
    "review": "thidua.movements.rendering:spec_for_review_id",
    "decision": "thidua.decisions.rendering:spec_for_decision_id",
    "council_minutes": "thidua.councils.minutes:spec_for_meeting_id",
    "council_tally": "thidua.councils.tally:spec_for_tally_meeting_id",
    "submission": "thidua.nominations.rendering:spec_for_submission_id",
}


# source kind -> "module:function" run once the files exist (e.g. write the awards).
AFTER_RENDER = {
    "decision": "thidua.decisions.services.decision:write_awards",
}


def _builder(kind: str) -> Callable:
    module, _sep, name = SPEC_BUILDERS[kind].partition(":")
    return getattr(import_module(module), name)


def build_spec(kind: str, source_id: int):
    return _builder(kind)(source_id)


def layout_for(kind: str):
    """The administrator's layout for this kind of document, or the NĐ 30 default."""
    from ..rendering import Layout  # noqa: PLC0415 (keeps the module import light)

    stored = DocumentLayout.objects.filter(kind=kind).first()
    return Layout.from_dict(stored.layout) if stored else Layout()


def render_source(kind: str, source_id: int, fmt: str) -> bytes:
    """DOCX or PDF bytes for a source object, issued or not (previews, the CLI)."""
    from .. import rendering  # noqa: PLC0415 (python-docx and LibreOffice glue are heavy)

    docx = rendering.render_docx(build_spec(kind, source_id), layout_for(kind))
    return docx if fmt == "docx" else rendering.docx_to_pdf(docx)


def _failed(document, message: str, exc: Exception) -> None:
    logger.exception("rendering %s failed", document.symbol)
    IssuedDocument.objects.filter(pk=document.pk).update(
        status=IssuedDocument.Status.FAILED,
        error=message % {"reason": str(exc)[:500]},
    )


def render_issued_document(document_id: int) -> None:
    """Render, sign the PDF when the issuer has a credential, store both files with
    their SHA-256, mark the document ready (frozen).

    On failure the document is marked failed with the reason, so the page says so and
    a retry can run; nothing half-written is kept.
    """
    from .. import rendering  # noqa: PLC0415 (heavy)

    document = IssuedDocument.objects.filter(pk=document_id).first()
    if document is None or document.status == IssuedDocument.Status.READY:
        return
    try:
        layout = layout_for(document.source_kind)
        docx = rendering.render_docx(
            build_spec(document.source_kind, document.source_id), layout
        )
        pdf = rendering.docx_to_pdf(docx)
    except Exception as exc:
        _failed(document, _("Không tạo được tệp: %(reason)s"), exc)
        raise
    try:
        pdf, signature = sign_for_document(document, pdf, layout)
    except Exception as exc:
        _failed(document, _("Không ký số được: %(reason)s"), exc)
        raise
    base = document.symbol.replace("/", "_")
    with transaction.atomic():
        locked = IssuedDocument.objects.select_for_update().get(pk=document.pk)
        locked.docx.save(f"{base}.docx", ContentFile(docx), save=False)
        locked.pdf.save(f"{base}.pdf", ContentFile(pdf), save=False)
        locked.docx_sha256 = hashlib.sha256(docx).hexdigest()
        locked.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
        locked.status = IssuedDocument.Status.READY
        locked.error = ""
        locked.save()
        agency_id = locked.series.agency_id or locked.series.council.agency_id
        log_action(
            locked,
            "documents.render",
            agency_id=agency_id,
            data={"docx_sha256": locked.docx_sha256, "pdf_sha256": locked.pdf_sha256},
        )
        if signature is not None:
            row = DocumentSignature.objects.create(document=locked, **signature)
            log_action(locked, "documents.sign", agency_id=agency_id,
                       data={"credential": row.credential_id,
                             "fingerprint": row.fingerprint,
                             "signed_at": row.signed_at,
                             "pdf_sha256": locked.pdf_sha256})  # fmt: skip
    if document.source_kind in AFTER_RENDER:
        module, _sep, name = AFTER_RENDER[document.source_kind].partition(":")
        getattr(import_module(module), name)(document.source_id)
