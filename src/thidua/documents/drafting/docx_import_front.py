"""What comes between the header and the body: the type title and trích yếu, Kính gửi,
a decision's authority line, its căn cứ and its operative word ("QUYẾT ĐỊNH:")."""

import re
from dataclasses import dataclass, field

from .docx_import_blocks import Table
from .docx_import_text import Para, clean, fold, is_rule, is_upper, markup
from .docx_import_words import type_kind

__all__ = ["Front", "read_front"]

_OPERATIVE = re.compile(r"^(quyet dinh|quyet nghi|chi thi|ban hanh)\s*:$")
_BASIS = re.compile(r"^(can cu|xet|theo de nghi|theo to trinh|thuc hien)\b")
_DASH = re.compile(r"^[-–—•+]\s*")
_LABEL = re.compile(r"^(dieu \d|chuong [ivxlc\d]|phan [ivxlc\d]|[ivxlc]+\.|\d+\.)")
_BASES_LOOKAHEAD = 40  # căn cứ before an operative word further away are not bases


@dataclass
class Front:
    kind: str = ""
    type_title: str = ""
    trich_yeu: str = ""
    kinh_gui: list[str] = field(default_factory=list)
    authority_line: str = ""
    bases: list[str] = field(default_factory=list)
    operative_word: str = ""
    end: int = 0


def read_front(blocks: list, start: int) -> Front:
    front = Front(end=start)
    index = _skip_blank(blocks, start)
    if index < len(blocks) and isinstance(blocks[index], Para):
        kind = type_kind(blocks[index])
        if kind:
            front.kind, front.type_title = kind, blocks[index].plain
            index, front.trich_yeu = _trich_yeu(blocks, index + 1)
    operative = _operative_index(blocks, index)
    while True:
        index = _skip_blank(blocks, index)
        if index >= len(blocks) or isinstance(blocks[index], Table):
            break
        para = blocks[index]
        folded = fold(para.plain)
        if folded.startswith("kinh gui"):
            index = _kinh_gui(blocks, index, front.kinh_gui)
            continue
        if index == operative:
            front.operative_word = clean(para.plain).upper().replace(" :", ":")
            index += 1
            break
        if (
            # The authority line is a decision's: it stands over "QUYẾT ĐỊNH:".
            operative is not None
            and not front.authority_line
            and not front.bases
            and is_upper(para.plain)
            and (para.bold or para.centered)
            and not _LABEL.match(folded)
        ):
            front.authority_line = para.plain
        elif (operative is not None and index < operative) or (
            _BASIS.match(folded) and para.italic
        ):
            front.bases.append(_basis(para))
        else:
            break
        index += 1
    front.end = index
    return front


def _skip_blank(blocks: list, index: int) -> int:
    while (
        index < len(blocks) and isinstance(blocks[index], Para) and blocks[index].blank
    ):
        index += 1
    return index


def _trich_yeu(blocks: list, index: int) -> tuple[int, str]:
    """The centred bold lines under the type title, up to a rule or a blank line."""
    lines: list[str] = []
    while index < len(blocks) and isinstance(blocks[index], Para):
        para = blocks[index]
        text = para.plain
        if is_rule(text) or not (para.centered or para.bold):
            break
        if fold(text).startswith(("kinh gui", "(kem theo")):
            break
        if lines and is_upper(text) and not is_upper(" ".join(lines)):
            break  # the authority line, right under a trích yếu without a rule
        lines.append(text)
        index += 1
    return index, " ".join(lines)


def _operative_index(blocks: list, start: int) -> int | None:
    """Where the operative word ("QUYẾT ĐỊNH:") is, if it comes before the body."""
    for index in range(start, min(len(blocks), start + _BASES_LOOKAHEAD)):
        block = blocks[index]
        if isinstance(block, Table):
            return None
        folded = fold(block.plain)
        if _OPERATIVE.match(folded.replace(" :", ":")):
            return index
        if folded.startswith("dieu ") and _LABEL.match(folded):
            return None
    return None


def _basis(para: Para) -> str:
    # The renderer sets căn cứ in italics and ends them with ";" or ".".
    text = markup(para.pieces, plain_italic=True)
    return re.sub(r"[\s;.,]+$", "", text)


def _kinh_gui(blocks: list, index: int, found: list[str]) -> int:
    """ "Kính gửi: X." on one line, or "Kính gửi:" and a dash list, one per line; the
    list ends at the item ending with "."."""
    text = blocks[index].plain
    rest = re.sub(r"^\S+\s+\S+\s*:?\s*", "", text)
    ended = False
    if rest:
        ended = not rest.rstrip().endswith(";")
        # One recipient on the line keeps the mark typed after it ("." or none).
        found.append(_item(rest, keep_stop=ended))
    index += 1
    while not ended and index < len(blocks) and isinstance(blocks[index], Para):
        line = blocks[index].plain
        if not _DASH.match(line):
            break
        found.append(_item(line))
        ended = not line.rstrip().endswith(";")
        index += 1
    return index


def _item(text: str, *, keep_stop: bool = False) -> str:
    item = _DASH.sub("", clean(text))
    return re.sub(r"[\s;,]+$" if keep_stop else r"[\s;.,]+$", "", item)
