"""Structured content → the renderer's :class:`~thidua.documents.rendering.Document`.

The one path from what the officer wrote (editor, template, DOCX import) to the DOCX
and PDF: the preview, the command line and the issued file all go through it.
"""

import datetime

from thidua.documents.rendering import (
    Appendix,
    Document,
    Issuer,
    Node,
    Paragraph,
    Signer,
    Table,
)

from ..doc_types import code_for_title
from .content import KINDS, ContentError, normalise_content
from .validation import parse_date, table_grid

__all__ = ["content_spec"]


def _lines(text: str) -> list[str]:
    """A text typed with line breaks is several paragraphs: a break inside one
    justified paragraph would stretch the line before it across the page."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def _paragraphs(text: str, **options) -> list[Paragraph]:
    return [Paragraph(line, **options) for line in _lines(text)]


def _table(node: dict) -> Table:
    problems: list[str] = []
    placed = table_grid(node, "Bảng", problems)
    if placed is None:
        raise ContentError(problems)
    grid, merges, bold = placed
    widths = tuple(node["widths"]) or None
    return Table(
        header=tuple(grid[0]),
        rows=tuple(tuple(row) for row in grid[1:]),
        widths_cm=widths,
        fit=widths is not None,
        header_rows=node["header_rows"],
        merges=tuple(merges),
        bold_cells=frozenset(bold),
    )


def _blocks(nodes: list[dict]) -> tuple:
    out: list = []
    for node in nodes:
        if node["type"] == "paragraph":
            out.extend(
                _paragraphs(node["text"], align=node["align"], indent=node["indent"])
            )
        elif node["type"] == "table":
            out.append(_table(node))
        else:
            first, _sep, rest = node["text"].partition("\n")
            out.append(
                Node(
                    numbering=node["numbering"],
                    title=node["title"],
                    text=first.strip(),
                    children=(*_paragraphs(rest), *_blocks(node["children"])),
                    emphasis=node["emphasis"] or None,
                    start=node["start"],
                )
            )
    return tuple(out)


def _signer(entry: dict) -> Signer:
    return Signer(
        title=entry["title"],
        name=entry["name"],
        authority=entry["authority"] or None,
        principal=entry["principal"] or None,
        second_authority=entry["second_authority"] or None,
        second_principal=entry["second_principal"] or None,
    )


def _issuer(entry: dict, fallback_abbreviation: str = "") -> Issuer:
    return Issuer(
        name=entry["name"],
        abbreviation=entry["abbreviation"] or fallback_abbreviation,
        parent_name=entry["parent"] or None,
    )


def content_spec(
    content: dict,
    *,
    number: int | str | None = None,
    issue_date: datetime.date | None = None,
) -> Document:
    """The rendering specification of ``content``; ``number`` and ``issue_date``
    (the register's, at the clerk's step) override what the content says."""
    content = normalise_content(content)
    kind = KINDS.get(content["kind"], KINDS["khac"])
    issuers = content["issuers"] or [{"parent": "", "name": "", "abbreviation": ""}]
    symbol = content["symbol"] or None
    # The symbol's last group names the issuer when no abbreviation was typed
    # ("KH-UBND" → UBND).
    fallback = symbol.replace(".", "-").split("-")[-1] if symbol else ""
    type_title = content["type_title"]
    if content["kind"] in KINDS and not content["type_title"] and kind.type_title:
        type_title = kind.type_title
    if number is None and content["number"]:
        number = content["number"]
    month_of = None
    if issue_date is None and content["date"]:
        parsed = parse_date(content["date"])
        if isinstance(parsed, datetime.date):
            issue_date = parsed
        else:
            month_of = parsed
    signers = content["signers"] or [_EMPTY_SIGNER]
    closing = content["closing"]
    extra_closing = tuple(p for text in closing[:-1] for p in _paragraphs(text))
    opening = tuple(line for text in content["opening"] for line in _lines(text))
    return Document(
        issuer=_issuer(issuers[0], fallback),
        co_issuers=tuple(_issuer(entry) for entry in issuers[1:]),
        type_title=type_title,
        # A "văn bản khác" takes the code of the tên loại typed (QUY CHẾ → QC).
        type_code=kind.type_code or code_for_title(type_title),
        trich_yeu=content["trich_yeu"],
        place=content["place"],
        signer=_signer(signers[0]),
        co_signer=_signer(signers[1]) if len(signers) > 1 else None,
        issue_date=issue_date,
        month_of=month_of,
        number=number,
        symbol=symbol,
        kinh_gui=tuple(content["kinh_gui"]),
        authority_line=content["authority_line"] or None,
        bases=tuple(content["bases"]),
        operative_word=content["operative_word"] or None,
        opening=opening,
        body=(*_blocks(content["body"]), *extra_closing),
        closing=closing[-1].replace("\n", " ") if closing else (),
        recipients=tuple(content["recipients"]),
        filing=tuple(content["filing"]) or ("VT",),
        appendices=tuple(
            Appendix(
                title=a["title"], blocks=_blocks(a["body"]), landscape=a["landscape"]
            )
            for a in content["appendices"]
        ),
        attachments=tuple(a["name"] for a in content["attachments"]),
        attached_to=(type_title.capitalize() if type_title else kind.label) or None,
    )


_EMPTY_SIGNER = dict.fromkeys(
    (
        "authority",
        "principal",
        "second_authority",
        "second_principal",
        "title",
        "name",
    ),
    "",
)
