"""An official document typed in Word (.docx) read into the document model
(docs/document-model.md), for the editor to take over (#15).

    result = import_docx(upload.read())
    draft.content = result.content       # version 1 content, NFC
    for line in result.unplaced:          # what could not be placed, and where
        messages.warning(request, line)

The document is read as NĐ 30/2020 lays it out, top to bottom: the header
(:mod:`.docx_import_header`), the type title, trích yếu, Kính gửi, authority line,
căn cứ and operative word (:mod:`.docx_import_front`), the body and its typed labels
(:mod:`.docx_import_body`), then Nơi nhận, signers and appendices
(:mod:`.docx_import_tail`). Nothing is dropped silently: pictures, embedded objects,
page headers and footers and lines that fit nowhere are listed in ``unplaced``.
Pure Python: no database, no Django.
"""

import unicodedata
from dataclasses import dataclass

from .docx_import_blocks import Table, read_blocks
from .docx_import_body import read_body
from .docx_import_front import read_front
from .docx_import_header import read_header
from .docx_import_package import MB, DocxImportError, Package, open_package
from .docx_import_styles import q
from .docx_import_tail import Tail, find_end, read_appendices, read_tail
from .docx_import_text import clean, snippet

__all__ = ["DocxImportError", "ImportResult", "import_docx"]


@dataclass
class ImportResult:
    content: dict  # the document model's content, version 1
    unplaced: list[str]  # 'Đoạn 37: "…" (hình ảnh) – không đặt được'


def import_docx(data: bytes, *, max_bytes: int = 20 * MB) -> ImportResult:
    """The content of a Word document; DocxImportError (a Vietnamese ``message``)
    when the file is not one, is damaged, protected, too large or has no text."""
    package = open_package(data, max_bytes)
    blocks = read_blocks(package)
    if not any(_has_text(block) for block in blocks):
        raise DocxImportError(
            "Tệp Word không có chữ nào để nhập (có thể chỉ có ảnh chụp, ảnh quét); "
            "hãy dùng tệp Word có nội dung chữ."
        )
    unplaced = _pictures(blocks) + _margins(package)
    header = read_header(blocks)
    unplaced.extend(header.unplaced)
    front = read_front(blocks, header.end)
    end, signed = find_end(blocks, front.end)
    body = read_body(blocks[front.end : end], unplaced)
    tail = read_tail(blocks, end, unplaced) if signed else Tail(end=end)
    appendices = read_appendices(blocks, tail.end, unplaced)

    kind = front.kind or ("cong_van" if header.trich_yeu else "khac")
    trich_yeu = front.trich_yeu or header.trich_yeu
    if front.trich_yeu and header.trich_yeu:
        unplaced.append(
            f'Đầu văn bản: "V/v {snippet(header.trich_yeu)}" – không đặt được'
        )
    issuers = header.issuers or [{"parent": "", "name": "", "abbreviation": ""}]
    _abbreviations(issuers, header.symbols, header.symbol, kind)
    content = {
        "version": 1,
        "kind": kind,
        "issuers": issuers,
        "number": header.number,
        "symbol": header.symbol,
        "place": header.place,
        "date": header.date,
        "type_title": "" if kind == "cong_van" else front.type_title,
        "trich_yeu": trich_yeu,
        "kinh_gui": front.kinh_gui,
        "authority_line": front.authority_line,
        "bases": front.bases,
        "operative_word": front.operative_word,
        "opening": body.opening,
        "body": body.nodes,
        "closing": body.closing,
        "recipients": tail.recipients,
        "filing": tail.filing,
        "signers": tail.signers,
        "appendices": appendices,
        "attachments": [],
    }
    return ImportResult(content=_nfc(content), unplaced=[_nfc(u) for u in unplaced])


def _has_text(block) -> bool:
    if isinstance(block, Table):
        return bool(block.text().strip())
    return not block.blank


def _pictures(blocks: list) -> list[str]:
    found = []
    for block in blocks:
        paras = (
            [p for column in block.columns() for p in column]
            if isinstance(block, Table)
            else [block]
        )
        for para in paras:
            for what in para.images:
                text = f'"{snippet(para.plain)}" ' if para.plain else ""
                found.append(f"{para.where}: {text}({what}) – không đặt được")
    return found


def _margins(package: Package) -> list[str]:
    """Text in page headers and footers (an address line, a note), page numbers
    aside: the model has no place for it."""
    found = []
    for where, root in package.margins:
        text = clean(" ".join(t.text or "" for t in root.iter(q("t"))))
        if text and not text.replace(" ", "").isdigit():
            found.append(f'{where}: "{snippet(text)}" – không đặt được')
    return found


def _abbreviations(issuers: list[dict], own: list[str], symbol: str, kind: str) -> None:
    """The issuers' abbreviations from the symbol: "KH-UBND" → UBND, "QĐ-TTg" → TTg,
    a công văn's "UBND-VX" → UBND; co-issuers "KHLT-CTY-CĐCS" → CTY, CĐCS; an
    issuer's own Số line (co-issued headers) wins."""
    groups = [g for g in symbol.split("-") if g]
    for number, issuer in enumerate(issuers):
        if number < len(own) and own[number] and own[number] != symbol:
            parts = own[number].split("-")
            issuer["abbreviation"] = parts[0] if kind == "cong_van" else parts[-1]
        elif kind == "cong_van":
            issuer["abbreviation"] = groups[0] if number == 0 and groups else ""
        elif len(groups) > number + 1:
            issuer["abbreviation"] = groups[number + 1]


def _nfc(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {k: _nfc(v) for k, v in value.items()}
    return value
