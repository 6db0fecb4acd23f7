"""Official-document rendering (NĐ 30/2020/NĐ-CP layout): spec → DOCX → PDF.

A pure layer: it takes plain data (:class:`Document` and friends), reads nothing from
the database and imports no Django model. python-docx is imported on the first render
only, so importing this package stays cheap.

    spec = Document(issuer=Issuer("Sở Kế hoạch và Đầu tư", "SKHĐT", "UBND tỉnh Lạng Sơn"), ...)
    docx_bytes = render_docx(spec)             # ≈ 0.1 s
    pdf_bytes = render_pdf(spec)               # LibreOffice headless, ≈ 1.2 s
    digest = sha256(pdf_bytes)
"""

import hashlib

from .formats import subject_count
from .layout import STYLE_SIZES, Layout, LayoutError, Margins
from .markup import Rich, Run, parse, plain_text, rich
from .pdf import DEFAULT_TIMEOUT, ConversionError, docx_to_pdf, find_soffice
from .spec import (
    AUTHORITY_PREFIXES,
    Appendix,
    Article,
    Block,
    Document,
    Issuer,
    Item,
    Node,
    Paragraph,
    Section,
    Signer,
    SpecError,
    Table,
    date_line,
    format_number,
    roman,
    vietnamese_letter,
)

__all__ = [
    "AUTHORITY_PREFIXES",
    "DEFAULT_TIMEOUT",
    "STYLE_SIZES",
    "Appendix",
    "Article",
    "Block",
    "ConversionError",
    "Document",
    "Issuer",
    "Item",
    "Layout",
    "LayoutError",
    "Margins",
    "Node",
    "Paragraph",
    "Rich",
    "Run",
    "Section",
    "Signer",
    "SpecError",
    "Table",
    "date_line",
    "docx_to_pdf",
    "find_soffice",
    "format_number",
    "subject_count",
    "parse",
    "plain_text",
    "render_docx",
    "render_pdf",
    "rich",
    "roman",
    "sha256",
    "vietnamese_letter",
]


def render_docx(spec: Document, layout: Layout | None = None) -> bytes:
    """DOCX bytes of ``spec``; :class:`SpecError` lists every missing component."""
    from .docx import build_docx  # noqa: PLC0415 (python-docx and lxml load on first render)

    spec.validate()
    return build_docx(spec, layout or Layout())


def render_pdf(
    spec: Document,
    layout: Layout | None = None,
    *,
    soffice: str | None = None,
    timeout: float | None = None,
    pdfa: bool = False,
) -> bytes:
    """PDF bytes of ``spec``: its DOCX converted by LibreOffice headless."""
    return docx_to_pdf(
        render_docx(spec, layout), soffice=soffice, timeout=timeout, pdfa=pdfa
    )


def sha256(data: bytes) -> str:
    """Hex sha256 of a generated file (kept with every issued document)."""
    return hashlib.sha256(data).hexdigest()
