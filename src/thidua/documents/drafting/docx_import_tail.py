"""The end of a document: Nơi nhận, the signers, and the appendices after them.

The signature block is usually a borderless table (left: "Nơi nhận:" and its list;
right: the signer; biên bản and co-issued documents: two signers side by side), or
paragraphs with tab stops. Each column is read as lines: "Nơi nhận:" starts the
recipients; before it, upper-case lines are the signer's titles ("TM. ỦY BAN NHÂN DÂN",
"KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") and the line after the signature space the name.
"""

import re
from dataclasses import dataclass, field

from .docx_import_blocks import Table
from .docx_import_body import read_label, read_nodes
from .docx_import_text import Para, clean, fold, is_rule, is_upper, snippet
from .docx_import_words import appendix_label, is_quoc_hieu, is_tieu_ngu, signer_line

__all__ = ["Tail", "find_end", "read_appendices", "read_tail"]

_PREFIX = re.compile(
    r"^(?P<p>TM|KT|TL|TUQ|Q|T/M|K/T|T/L)\s*\.\s*|^(?P<q>T/M|K/T|T/L)\s+"
)
_PLACEHOLDER = re.compile(r"^\(.*\b(ky|da ky|dau|chu ky|ho ten)\b.*\)$")
_DASH = re.compile(r"^[-–—•+]\s*")
_NAME = re.compile(r"^([^\W\d_][^\s]*\.?\s+){1,6}[^\W\d_]+$")


@dataclass
class Tail:
    recipients: list[str] = field(default_factory=list)
    filing: list[str] = field(default_factory=list)
    signers: list[dict] = field(default_factory=list)
    end: int = 0


def find_end(blocks: list, start: int) -> tuple[int, bool]:
    """Where the body ends, and whether a signature block (True) or an appendix
    starts there."""
    for index in range(start, len(blocks)):
        block = blocks[index]
        if isinstance(block, Table):
            if _noi_nhan(block) or _signature_table(block):
                return index, True
            continue
        if block.blank:
            continue
        if appendix_label(block) is not None:
            return index, False
        first = block.columns()[0].plain
        if fold(first).startswith("noi nhan") or (
            signer_line(first) and _PREFIX.match(first)
        ):
            return index, True
        if signer_line(first) and block.bold and _name_follows(blocks, index + 1):
            return index, True
    return len(blocks), False


def _noi_nhan(table: Table) -> bool:
    return any(
        fold(p.plain).startswith("noi nhan")
        for column in table.columns()
        for p in column
    )


def _signature_table(table: Table) -> bool:
    columns = table.columns()
    if len(table.rows) > 6 or len(columns) > 4 or len(table.text()) > 800:
        return False
    firsts = [next((p.plain for p in c if not p.blank), "") for c in columns]
    return any(signer_line(f) for f in firsts) and not any(
        is_quoc_hieu(p.plain) for c in columns for p in c
    )


def _name_follows(blocks: list, index: int) -> bool:
    """A signer typed as paragraphs: upper-case titles, then a name, then the end."""
    seen = 0
    for block in blocks[index : index + 8]:
        if isinstance(block, Table) or block.page_break:
            return False
        if block.blank:
            continue
        seen += 1
        if _is_name(block.plain):
            return True
        if not is_upper(block.plain) or seen > 3:
            return False
    return False


def _is_name(text: str) -> bool:
    return (
        not is_upper(text)
        and len(text) <= 50
        and bool(_NAME.match(text))
        and all(word[0].isupper() for word in text.split())
    )


def read_tail(blocks: list, start: int, unplaced: list[str]) -> Tail:
    tail = Tail()
    groups: list[list[list[Para]]] = []  # each table's (or the paragraphs') columns
    left: list[Para] = []
    right: list[Para] = []
    index = start
    while index < len(blocks):
        block = blocks[index]
        if isinstance(block, Table):
            if not (_noi_nhan(block) or _signature_table(block)):
                break
            groups.append(block.columns())
            index += 1
            continue
        if (
            index > start
            and not block.blank
            and (block.page_break or appendix_label(block) is not None)
        ):
            break
        listed = _DASH.match(block.plain) or fold(block.plain).startswith("luu")
        if _signed(right) and not block.blank and not listed:
            break  # after the name: an appendix without its label
        parts = block.columns() or [block]
        if len(parts) > 1:
            left.append(parts[0])
            right.extend(parts[1:])
        elif (
            left
            and (_DASH.match(block.plain) or fold(block.plain).startswith("luu"))
            or fold(block.plain).startswith("noi nhan")
        ):
            left.append(block)
        else:
            right.append(block)
        index += 1
    if left or right:
        groups.append([left, right])
    tail.end = index
    found: list[dict] = []
    for columns in groups:
        for column in columns:
            before, recipients = _split(column)
            if recipients:
                _recipients(recipients, tail)
            signer = _signer(before, unplaced)
            if signer:
                found.append(signer)
    # The first signer is the one on the right (biên bản: the chair; co-issued: the
    # issuing body); the second stands left.
    tail.signers = found[::-1]
    return tail


def _signed(lines: list[Para]) -> bool:
    texts = [p.plain for p in lines if not p.blank]
    return bool(texts) and any(is_upper(t) for t in texts) and _is_name(texts[-1])


def _split(column: list[Para]) -> tuple[list[Para], list[Para]]:
    for number, para in enumerate(column):
        if fold(para.plain).startswith("noi nhan"):
            return column[:number], column[number:]
    return column, []


def _recipients(lines: list[Para], tail: Tail) -> None:
    items: list[str] = []
    first = re.sub(r"^\S+\s+\S+\s*:?\s*", "", lines[0].plain)
    for text in [first] + [p.plain for p in lines[1:]]:
        if not text:
            continue
        if _DASH.match(text) or not items or items[-1].rstrip().endswith((";", ".")):
            items.append(_DASH.sub("", text))
        else:
            items[-1] += " " + text  # a recipient broken over two lines
    for item in items:
        item = re.sub(r"[\s;.,]+$", "", item)
        if fold(item).startswith("luu"):
            filed = re.sub(r"^\S+\s*:?\s*", "", item)
            tail.filing.extend(
                clean(part) for part in filed.split(",") if clean(part).strip(".;")
            )
        elif item:
            tail.recipients.append(item)


def _signer(lines: list[Para], unplaced: list[str]) -> dict | None:
    groups: list[list[Para]] = [[]]
    for para in lines:
        if para.blank or _PLACEHOLDER.match(fold(para.plain)) or is_rule(para.plain):
            if groups[-1]:
                groups.append([])
            continue
        groups[-1].append(para)
    groups = [g for g in groups if g]
    if not groups:
        return None
    if len(groups) > 1:
        titles = [p.plain for g in groups[:-1] for p in g]
        names = groups[-1]
    else:
        count = next(
            (i for i, p in enumerate(groups[0]) if not is_upper(p.plain)),
            len(groups[0]),
        )
        titles = [p.plain for p in groups[0][:count]]
        names = groups[0][count:]
    if not titles or not all(is_upper(t) for t in titles):
        unplaced.extend(
            f'{p.where}: "{snippet(p.plain)}" – không đặt được'
            for g in groups
            for p in g
        )
        return None
    signer = {
        "authority": "",
        "principal": "",
        "second_authority": "",
        "second_principal": "",
        "title": "",
        "name": " ".join(p.plain for p in names),
    }
    _titles(titles, signer, names[0].where if names else groups[0][0].where, unplaced)
    return signer


def _titles(lines: list[str], signer: dict, where: str, unplaced: list[str]) -> None:
    """TM./KT./Q./TL./TUQ. lines and the title: the last line without a prefix is
    the title, the lines between a prefixed line and it continue that line."""
    entries: list[list] = []  # [prefix, [lines]]
    after: list[str] = []
    for line in lines:
        match = _PREFIX.match(line)
        if match:
            if after and entries:
                entries[-1][1].extend(after)
            after = []
            prefix = (match["p"] or match["q"]).replace("/", "") + "."
            entries.append([prefix, [line[match.end() :].strip()]])
        else:
            after.append(line)
    if after:
        if entries:
            entries[-1][1].extend(after[:-1])
        else:
            after = ["\n".join(after)]
        signer["title"] = after[-1]
    elif entries and entries[-1][0] == "Q.":
        # "Q. GIÁM ĐỐC": the acting head; Q. stands before the title.
        prefix, texts = entries.pop()
        signer["title"] = "\n".join(texts)
        key = "second_authority" if entries else "authority"
        signer[key] = prefix
    for number, (prefix, texts) in enumerate(entries):
        if number > 1:
            unplaced.append(f'{where}: "{prefix} {" ".join(texts)}" – không đặt được')
            continue
        first = "" if number == 0 else "second_"
        signer[first + "authority"] = prefix
        signer[first + "principal"] = "\n".join(texts)


def read_appendices(blocks: list, start: int, unplaced: list[str]) -> list[dict]:
    """Phụ lục I, II…: each from its "Phụ lục" line, or from a new page with a title
    in capitals; the "(Kèm theo …)" line is made again from the number and date."""
    segments: list[list] = []
    for block in blocks[start:]:
        has_content = bool(segments) and any(
            isinstance(b, Table) or not b.blank for b in segments[-1]
        )
        starts = isinstance(block, Para) and appendix_label(block) is not None
        if (
            has_content
            and block.page_break
            and (
                isinstance(block, Table)
                and _header(block)
                or isinstance(block, Para)
                and is_upper(block.plain)
                and block.bold
            )
        ):
            starts = True
        if starts or not segments:
            segments.append([])
        segments[-1].append(block)
    return [a for s in segments if (a := _appendix(s, unplaced)) is not None]


def _header(table: Table) -> bool:
    return any(
        is_quoc_hieu(p.plain) or is_tieu_ngu(p.plain)
        for column in table.columns()
        for p in column
    )


def _appendix(blocks: list, unplaced: list[str]) -> dict | None:
    index = 0
    title: list[str] = []
    label = None
    while index < len(blocks):
        block = blocks[index]
        if isinstance(block, Table) and _header(block):
            unplaced.append(f"{block.where}: đầu văn bản lặp lại ở phụ lục – bỏ qua")
        elif isinstance(block, Table) or not block.blank:
            break
        index += 1
    if index < len(blocks) and isinstance(blocks[index], Para):
        label = appendix_label(blocks[index])
        if label is not None:
            title.extend([label[1]] if label[1] else [])
            index += 1
    while index < len(blocks) and isinstance(blocks[index], Para):
        para = blocks[index]
        folded = fold(para.plain)
        if para.blank or is_rule(para.plain):
            if title:
                break
        elif folded.startswith("(kem theo"):
            index += 1
            break
        elif read_label(para.plain) is None and (para.centered or para.bold):
            title.append(para.plain)
        else:
            break
        index += 1
    rest = blocks[index:]
    if label is None and not title:
        unplaced.extend(
            f'{b.where}: "{snippet(b.plain if isinstance(b, Para) else b.text())}" '
            "– không đặt được"
            for b in rest
            if isinstance(b, Table) or not b.blank
        )
        return None
    return {
        "title": " ".join(title),
        "body": read_nodes(rest, unplaced),
        "landscape": any(b.landscape for b in blocks),
    }
