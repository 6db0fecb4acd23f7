"""Download of an issued document's DOCX or PDF, shared by every page that offers one."""

from django.http import FileResponse, Http404

__all__ = ["CONTENT_TYPES", "file_response"]


CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def file_response(document, fmt: str, *, inline: bool) -> FileResponse:
    field = getattr(document, fmt, None) if fmt in CONTENT_TYPES else None
    if document is None or not field:
        raise Http404
    name = f"{document.symbol.replace('/', '_')}.{fmt}"
    response = FileResponse(
        field.open("rb"),
        content_type=CONTENT_TYPES[fmt],
        as_attachment=not inline,
        filename=name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response
