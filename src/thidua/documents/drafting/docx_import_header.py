"""The document's header: issuing bodies, Số/ký hiệu, place and date, a công văn's V/v.

Agencies type it as a borderless table (two columns, sometimes two rows, three columns
for co-issuers side by side), as text boxes, or as paragraphs with tab stops. Each is
read as columns of lines: the column with the Quốc hiệu gives the place and date, each
other column an issuer (its upper-case lines: the parent body not bold, the issuing
body bold), its Số line and V/v.
"""

import re
from dataclasses import dataclass, field

from .docx_import_blocks import Table
from .docx_import_text import Para, fold, is_rule, is_upper, snippet
from .docx_import_words import (
    is_quoc_hieu,
    is_tieu_ngu,
    read_date,
    read_number,
    type_kind,
)

__all__ = ["Header", "read_header"]

_VV = re.compile(r"^(v/v|về việc)\s*[:.]?\s*", re.IGNORECASE)
# Stamps typed above or in the header (độ khẩn, độ mật, a draft's mark): not names.
_STAMPS = {"khan", "thuong khan", "hoa toc", "mat", "toi mat", "tuyet mat", "du thao"}
_LOOKAHEAD = 6  # the header is among the first blocks, after stamps such as "KHẨN"


@dataclass
class Header:
    issuers: list[dict] = field(default_factory=list)
    symbols: list[str] = field(default_factory=list)  # each issuer's own, "" if none
    number: str = ""
    symbol: str = ""
    place: str = ""
    date: str | None = None
    trich_yeu: str = ""
    end: int = 0  # the first block after the header
    unplaced: list[str] = field(default_factory=list)


def read_header(blocks: list) -> Header:
    header = Header()
    candidates = [i for i, b in enumerate(blocks) if not _blank(b)][:_LOOKAHEAD]
    tables = [i for i in candidates if _header_table(blocks[i])]
    if tables:
        start = tables[0]
        columns = blocks[start].columns()
        end = start + 1
        # A second row typed below the table: "Số: …<tab>Hà Nội, ngày…".
        more, end = _paragraph_columns(blocks, end, after_table=True)
        _merge(columns, more)
    else:
        start = candidates[0] if candidates else 0
        columns, end = _paragraph_columns(blocks, start, after_table=False)
        if not any(_header_line(p.plain) for column in columns for p in column):
            return header  # no header at all: the body starts at once
    for block in blocks[:start]:
        if not _blank(block):
            header.unplaced.append(_where(block))
    header.end = end
    _read_columns(columns, header)
    return header


def _blank(block) -> bool:
    return isinstance(block, Para) and block.blank


def _where(block) -> str:
    text = block.plain if isinstance(block, Para) else block.text()
    return f'{block.where}: "{snippet(text)}" – không đặt được'


def _header_table(block) -> bool:
    return isinstance(block, Table) and any(
        _header_line(p.plain) for column in block.columns() for p in column
    )


def _header_line(text: str) -> bool:
    return (
        is_quoc_hieu(text)
        or is_tieu_ngu(text)
        or read_number(text) is not None
        or read_date(text) is not None
    )


def _paragraph_columns(
    blocks: list, start: int, *, after_table: bool
) -> tuple[list[list[Para]], int]:
    """Header lines typed as paragraphs: [left column, right column] and the first
    block after them. Tabs separate the columns; a line alone goes left or right by
    what it says. Only Số, date and V/v lines follow a header table."""
    left: list[Para] = []
    right: list[Para] = []
    index = start
    in_vv = False
    while index < len(blocks):
        block = blocks[index]
        if isinstance(block, Table):
            if after_table or not _header_table(block):
                break
            for number, column in enumerate(block.columns()):
                (left if number == 0 else right).extend(column)
            index += 1
            continue
        if block.blank:
            in_vv = False
            index += 1
            continue
        parts = block.columns()
        if type_kind(block) or fold(block.plain).startswith("kinh gui"):
            break
        kinds = [_line_kind(part.plain) for part in parts]
        if (
            in_vv
            and len(parts) == 1
            and kinds[0] == "other"
            and not is_upper(block.plain)
        ):
            left.append(block)  # the V/v continues on the next line
            index += 1
            continue
        if after_table and not any(k in ("number", "date", "vv") for k in kinds):
            break
        if not after_table and all(k == "other" for k in kinds):
            if left and not all(is_upper(p.plain) for p in parts):
                break
            if any(_line_kind(p.plain) in ("number", "date") for p in left + right):
                break
        if len(parts) > 1:
            left.append(parts[0])
            right.extend(parts[1:])
        elif kinds[0] in ("quoc_hieu", "date"):
            right.append(parts[0])
        else:
            left.append(parts[0])
        in_vv = kinds[0] == "vv" or (in_vv and kinds[0] == "other")
        index += 1
    return [column for column in (left, right) if column], index


def _line_kind(text: str) -> str:
    if is_quoc_hieu(text) or is_tieu_ngu(text):
        return "quoc_hieu"
    if read_number(text) is not None:
        return "number"
    if read_date(text) is not None:
        return "date"
    if _VV.match(text):
        return "vv"
    return "other"


def _merge(columns: list[list[Para]], more: list[list[Para]]) -> None:
    """Lines typed under the table join its columns: the left one (Số, V/v) its first
    column, the right one (the date) its last."""
    if more:
        columns[0].extend(more[0])
        if len(more) > 1:
            columns[-1].extend(more[1])


def _read_columns(columns: list[list[Para]], header: Header) -> None:
    for column in columns:
        national = any(is_quoc_hieu(p.plain) or is_tieu_ngu(p.plain) for p in column)
        agency: list[Para] = []
        symbol = ""
        vv: list[str] = []
        for para in column:
            text = para.plain
            kind = _line_kind(text)
            if kind == "quoc_hieu" or is_rule(text):
                continue
            if fold(text) in _STAMPS:
                header.unplaced.append(_where(para))
                continue
            if kind == "date":
                place, date, valid = read_date(text)
                header.place, header.date = place, date
                if not valid:
                    header.unplaced.append(
                        f'{para.where}: ngày ban hành "{snippet(text)}" không có thật '
                        "– để trống"
                    )
            elif kind == "number" and not symbol:
                number, symbol = read_number(text)
                if not header.symbol:
                    header.number, header.symbol = number, symbol
                elif number or symbol != header.symbol:
                    header.unplaced.append(
                        f'{para.where}: số, ký hiệu thứ hai "{snippet(text)}" – '
                        "không đặt được"
                    )
            elif kind == "vv" or vv:
                vv.append(_VV.sub("", text) if kind == "vv" else text)
            elif not national and not symbol and is_upper(text):
                agency.append(para)
            else:
                header.unplaced.append(_where(para))
        if vv and not header.trich_yeu:
            header.trich_yeu = " ".join(v for v in vv if v)
        if agency:
            header.issuers.append(_issuer(agency))
            header.symbols.append(symbol)


def _joined(lines: list[Para]) -> str:
    """Lines as the officer typed them ("\n" between): the wraps thidua's renderer
    made to fit the name in its cell are joined again with a space, for the renderer
    to wrap anew (metrics.name_lines)."""
    text = ""
    for index, para in enumerate(lines):
        if index:
            text += " " if para.wrapped else "\n"
        text += para.plain
    return text


def _issuer(lines: list[Para]) -> dict:
    """The parent body is the lines not in bold, the issuing body the bold ones after
    them; a long name broken over lines keeps its typed breaks."""
    parent = [p for p in lines if not p.bold]
    name = [p for p in lines if p.bold]
    if not name:
        parent, name = parent[:-1], parent[-1:]
    elif parent and lines[0].bold:
        # Bold lines before plain ones: all of it is the name as typed.
        parent, name = [], list(lines)
    return {"parent": _joined(parent), "name": _joined(name), "abbreviation": ""}
