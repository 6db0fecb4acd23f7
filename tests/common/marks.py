"""Developer marks that pages and generated documents must never show (issues #16, #17
point 6), and the text of a page or a document to look for them in."""

import io
import re
import zipfile

__all__ = [
    "developer_marks",
    "document_marks",
    "document_text",
    "page_marks",
    "style_attributes",
]

# What a user must never read (the law as cited rules): doubt marks, internal names,
# paths of the developers' docs, Python's dicts. A setting that reflects an agency's
# choice says "theo quy chế của cơ quan / Hội đồng"; what was not read is the admin's
# note (thidua eligibility explain, docs/eligibility.md).
DEVELOPER_MARKS = re.compile(
    r"chưa (?:được )?kiểm chứng|chưa (?:được )?đối chiếu|cần đối chiếu|\[U\]"
    r"|tham số chính sách|suy luận|mặc định của thidua|docs/"
    r"|\bnd\d+_\d{4}\b|\bluat\d{4}\b|\btt\d+_\d{4}\b|\bTHIDUA_[A-Z0-9_]+"
    # a dict or its keys printed as Python writes them
    r"|\{'|'\}|\b(?:before|after|section|old|new|value|field)\s*:(?!/)",
    re.IGNORECASE,
)


def _marks(text: str) -> list[str]:
    return sorted({m.group(0) for m in DEVELOPER_MARKS.finditer(text)})


# Attributes a reader sees (a tooltip, an image's text, a field's hint).
_READ_ATTRIBUTES = re.compile(
    r"""\s(?:title|alt|placeholder|aria-label)\s*=\s*(?:"([^"]*)"|'([^']*)')"""
)


def developer_marks(html: str) -> list[str]:
    """The marks in the page's text and in the attributes a reader sees (scripts, other
    attributes and tags left out: option values and ids may carry codes)."""
    html = re.sub(r"<script\b.*?</script>", " ", html, flags=re.DOTALL)
    shown = [a or b for a, b in _READ_ATTRIBUTES.findall(html)]
    text = re.sub(r"<[^>]+>", " ", html)
    return _marks(" ".join([text, *shown]))


def page_marks(html: str) -> list[str]:
    """The page's developer marks (its text and the attributes a reader is shown)."""
    return sorted(set(developer_marks(html)))


def document_text(content_type: str, content: bytes) -> str | None:
    """What a reader sees in a generated DOCX, XLSX or PDF (every paragraph, table
    cell, header and footer; every cell of every sheet; every page's text); None for
    any other download."""
    kind = content_type.split(";")[0].strip()
    if kind.endswith("wordprocessingml.document"):
        read = _docx_text
    elif kind.endswith("spreadsheetml.sheet"):
        read = _xlsx_text
    elif kind == "application/pdf":
        read = _pdf_text
    else:
        return None
    try:
        return read(content)
    except Exception:  # noqa: BLE001 (a file a user uploaded is served as it came)
        return None


def document_marks(content_type: str, content: bytes) -> list[str]:
    text = document_text(content_type, content)
    return [] if text is None else _marks(text)


def _docx_text(content: bytes) -> str:
    # Every w:t of the body, headers, footers and footnotes: python-docx's paragraphs
    # leave out nested tables and text boxes, the XML does not.
    parts = []
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                xml = archive.read(name).decode("utf-8", "replace")
                parts += re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml)
    return " ".join(parts)


def _xlsx_text(content: bytes) -> str:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content), read_only=True)
    parts = []
    for sheet in workbook.worksheets:
        parts.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            parts += [str(v) for v in row if v is not None]
    workbook.close()
    return " ".join(parts)


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(
        page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages
    )


STYLE_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*\sstyle\s*=", re.DOTALL)


def style_attributes(html: str) -> list[str]:
    """The tags of a page that carry a ``style`` attribute (the CSP blocks them)."""
    text = re.sub(r"<script\b.*?</script>", " ", html, flags=re.DOTALL)
    return [m.group(0)[:60] for m in STYLE_ATTRIBUTE.finditer(text)]
