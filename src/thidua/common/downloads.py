"""The ``Content-Disposition`` of every file response, per RFC 6266: an ASCII
``filename`` for old clients and the real name, UTF-8 and percent-encoded, in
``filename*`` (RFC 8187). Names with quotes, semicolons, slashes or Vietnamese letters
("Quyết định 05/QĐ-UBND; "bản sao".pdf") survive on every browser and cannot break
the header."""

import re
import unicodedata
from urllib.parse import quote

__all__ = [
    "INLINE_TYPES",
    "ascii_file_name",
    "content_disposition",
    "set_download_name",
    "uploaded_file_response",
]

# RFC 8187 attr-char besides ALPHA / DIGIT: what may stay unencoded in filename*.
_ATTR_CHARS = "!#$&+-.^_`|~"
_UNSAFE_ASCII = re.compile(r"[^A-Za-z0-9._()+ -]+")


def _clean(name: str) -> str:
    """The name as the user will see it: NFC, no folders, no control characters."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("/", "_").replace("\\", "_")
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    return re.sub(r"\s+", " ", name).strip(" .") or "tep"


def _ascii(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"_+", "_", _UNSAFE_ASCII.sub("_", text)).strip(" ._")


def ascii_file_name(name: str) -> str:
    """ "Quyết định 05_QĐ-UBND.pdf" -> "Quyet dinh 05_QD-UBND.pdf": accents dropped,
    đ as d, anything else outside a safe set as "_"; the extension kept."""
    clean = _clean(name)
    stem, dot, ext = clean.rpartition(".")
    if not (dot and stem and ext.isascii() and ext.isalnum() and len(ext) <= 10):
        stem, ext = clean, ""
    stem = _ascii(stem)[:140] or "tep"
    return f"{stem}.{ext}" if ext else stem


def content_disposition(name: str, *, inline: bool = False) -> str:
    """``attachment; filename="…"; filename*=UTF-8''…`` (or ``inline``)."""
    clean = _clean(name)
    kind = "inline" if inline else "attachment"
    encoded = quote(clean, safe=_ATTR_CHARS)
    return f"{kind}; filename=\"{ascii_file_name(clean)}\"; filename*=UTF-8''{encoded}"


def set_download_name(response, name: str, *, inline: bool = False):
    """Give ``response`` its file name (the one way any view sets it); answers it."""
    response["Content-Disposition"] = content_disposition(name, inline=inline)
    return response


# Shown in the browser; anything else (DOCX, XLSX) is downloaded.
INLINE_TYPES = {"application/pdf", "image/png", "image/jpeg"}


def uploaded_file_response(request, stored, name: str):
    """A file a user uploaded (a dossier's, a draft's attachment), under its own
    name: PDF and images inline unless ``?tai-ve=1``, the rest downloaded; sandboxed
    and never sniffed, so an uploaded file cannot run in the site's origin."""
    import mimetypes  # noqa: PLC0415 (only file responses need it)

    from django.http import FileResponse  # noqa: PLC0415 (this module stays Django-free)

    content_type = (
        mimetypes.guess_type(stored.name)[0]
        or mimetypes.guess_type(name)[0]
        or "application/octet-stream"
    )
    inline = content_type in INLINE_TYPES and not request.GET.get("tai-ve")
    response = FileResponse(stored.open("rb"), content_type=content_type)
    set_download_name(response, name, inline=inline)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response
