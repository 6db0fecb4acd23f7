"""Download of an issued document's DOCX or PDF, shared by every page that offers one.

A signed PDF is verified before it is served: a file changed on disk after signing is
not handed out silently but reported (409) and written to the audit trail.
"""

import io
import unicodedata

from django.http import FileResponse, Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from thidua.common.downloads import set_download_name

__all__ = ["CONTENT_TYPES", "ascii_header", "file_response", "generated_file_response"]


CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def ascii_header(text: str) -> str:
    """ "Sở Kế hoạch" -> "So Ke hoach": HTTP header values must stay ASCII."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii())
    return "".join(c for c in text if c.isprintable() and c not in ';,"').strip()


def _tampered(request, document, report, problems) -> HttpResponse:
    from .services.signing import record_tamper  # noqa: PLC0415 (services import files' callers)

    record_tamper(document, problems, getattr(request, "user", None))
    html = render_to_string(
        "documents/tampered.html",
        {"document": document, "report": report, "problems": problems},
        request=request,
    )
    return HttpResponse(html, status=409)


def file_response(document, fmt: str, *, inline: bool, request=None):
    field = getattr(document, fmt, None) if fmt in CONTENT_TYPES else None
    if document is None or not field:
        raise Http404
    name = f"{document.symbol.replace('/', '_')}.{fmt}"
    body = field.open("rb")
    signatures = []
    if fmt == "pdf":
        from .models import DocumentSignature  # noqa: PLC0415 (keeps this module light)

        signatures = list(
            DocumentSignature.objects.filter(
                document=document, credential__isnull=False
            )
        )
    if signatures:
        from .services.signing import check_stored_pdf  # noqa: PLC0415 (pyHanko)

        with body:
            data = body.read()
        report, problems = check_stored_pdf(document, signatures, data)
        if problems:
            return _tampered(request, document, report, problems)
        body = io.BytesIO(data)
    response = FileResponse(
        body, content_type=CONTENT_TYPES[fmt], as_attachment=not inline
    )
    set_download_name(response, name, inline=inline)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    if signatures:
        trusted = "yes" if report.trusted else "no"
        response["X-Thidua-Signature"] = (
            f"valid; signer={ascii_header(report.signer_cn)}; trusted={trusted}"
        )
    return response


def generated_file_response(docx: bytes, fmt: str, name: str) -> HttpResponse:
    """A document made on request (certificates, award histories), as DOCX or as PDF
    through LibreOffice; 503 with a plain message when the conversion fails."""
    from .rendering.pdf import ConversionError, docx_to_pdf  # noqa: PLC0415 (heavy)

    if fmt not in CONTENT_TYPES:
        raise Http404
    data = docx
    if fmt == "pdf":
        try:
            data = docx_to_pdf(docx)
        except ConversionError:
            return HttpResponse(
                _(
                    "Không tạo được tệp PDF (LibreOffice). Hãy tải bản DOCX hoặc báo quản trị."
                ),
                status=503,
                content_type="text/plain; charset=utf-8",
            )
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    set_download_name(response, f"{name}.{fmt}")
    response["X-Content-Type-Options"] = "nosniff"
    return response
