"""Reading back generated DOCX files in tests."""

import io

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import qn

W_R = qn("w:r")
W_T = qn("w:t")


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def paragraph_text(p_element) -> str:
    return "".join(t.text or "" for t in p_element.iter(W_T))


def find_paragraph(document, text: str, *, exact: bool = True):
    """The first paragraph (body or table cell) whose text is, or starts with, ``text``."""
    from docx.text.paragraph import Paragraph

    for p in document.element.body.iter(qn("w:p")):
        value = paragraph_text(p)
        if value == text or (not exact and value.startswith(text)):
            return Paragraph(p, document.part)
    raise AssertionError(f"no paragraph {text!r}")


def text_runs(paragraph):
    return [run for run in paragraph.runs if run.text]


def all_parts_xml(document):
    """The body, header and footnote parts' root elements."""
    roots = [document.element]
    for rel in document.part.rels.values():
        if rel.reltype.endswith(("/header", "/footer", "/footnotes")):
            part = rel.target_part
            element = getattr(part, "element", None)
            roots.append(element if element is not None else parse_xml(part.blob))
    return roots
