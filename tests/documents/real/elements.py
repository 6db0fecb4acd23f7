"""The structural elements of a rendered DOCX, and their comparison with an original.

An *element* is ``(kind, text)``: what a reader of the printed page sees as one unit
of the document's structure (the issuer's name, "Số: …", a heading with its printed
label, a căn cứ, a Nơi nhận line, a line of the signer block…). The fixtures list the
elements of the ORIGINAL as printed; :func:`extract` reads the same list from a DOCX
laid out as thidua's renderer lays it out:

- a header table: parent body (not bold) and issuing body (bold) in the left cell of
  row 1, Quốc hiệu and Tiêu ngữ on the right; "Số: …" (and a công văn's "V/v …") and
  the place and date in row 2;
- the type title and the trích yếu, centred and bold, a rule under them; "Kính gửi:"
  and its list; a decision's authority line (centred, bold), its căn cứ (italic) and
  its operative word ("QUYẾT ĐỊNH:", centred, bold);
- the body: paragraphs that start with a label ("I.", "1.", "1.1.", "a)", "-", "+",
  "Điều 1.", "Phần I", "Chương I") whose leading runs are bold or italic are headings
  (the emphasised part, label included) and also paragraphs (the whole text); other
  paragraphs are prose; tables give their cells;
- a borderless table with "Nơi nhận:" and its lines (the last one "- Lưu: …") and the
  signer lines;
- appendices from a new page: "Phụ lục …", the title, "(Kèm theo …)", their body.

Comparison: an expected element is *right* when an extracted element of the same kind
(opening, paragraph and closing are one kind: they print alike) has the same text after
NFC and whitespace normalisation; for prose and căn cứ the first 60 characters are
compared. Each extracted element answers one expected element at most.
"""

import io
import re
import unicodedata
from dataclasses import dataclass, field

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

__all__ = [
    "KINDS",
    "Element",
    "Score",
    "compare",
    "extract",
    "format_table",
    "norm",
]

KINDS = (
    "header_parent",
    "header_issuer",
    "number",
    "place_date",
    "type_title",
    "trich_yeu",
    "kinh_gui",
    "authority_line",
    "basis",
    "operative_word",
    "opening",
    "heading",
    "paragraph",
    "table_cell",
    "closing",
    "recipient",
    "filing",
    "signer_line",
    "appendix_label",
    "appendix_title",
    "appendix_note",
    "attachment",
)
# Kinds that print alike: the comparison does not tell them apart.
FAMILY = {"opening": "prose", "paragraph": "prose", "closing": "prose"}
# Kinds compared on their first characters only.
PREFIX_KINDS = {"prose", "basis"}
PREFIX = 60
# Kinds whose line breaks are part of the element (a name split where it must be).
LINE_KINDS = {"header_parent", "header_issuer"}

QUOC_HIEU = {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"}
TIEU_NGU = {"Độc lập - Tự do - Hạnh phúc"}

_LABEL = re.compile(
    r"^(?:"
    r"(?:Phần|Chương|Mục) [IVXLC]+\b"
    r"|[IVXLC]+\s*[.\-]"
    r"|\d+(?:\.\d+)*\.(?!\d)"
    r"|\d+\s*[/\-)]"
    r"|[a-zđ]\)"
    r"|[a-zđ]\."
    r"|[A-Z]\."
    r"|Điều \d+\."
    r"|[-+*•]"
    r")"
)
_DATE = re.compile(r"ngày\s+\S*\s*tháng\s+\S*\s*năm")
_APPENDIX = re.compile(r"^Phụ lục(?: [IVXLC]+| \d+)?\.?$")


def norm(text: str, *, lines: bool = False) -> str:
    """NFC, no-break spaces as spaces, runs of white space as one space; with
    ``lines`` the line breaks are kept (each line normalised)."""
    text = unicodedata.normalize("NFC", text or "").replace("\u00a0", " ")
    if lines:
        parts = [re.sub(r"\s+", " ", line).strip() for line in text.split("\n")]
        return "\n".join(p for p in parts if p)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Element:
    kind: str
    text: str

    @property
    def family(self) -> str:
        return FAMILY.get(self.kind, self.kind)


# -- reading the DOCX ------------------------------------------------------------------


def _runs(paragraph: Paragraph):
    """(text, bold, italic) of each run with text. A soft line break (``w:br``) is a
    space: the renderer breaks a name too long for its cell there, where a word
    processor would wrap it; the breaks that count are the paragraphs the officer
    asked for."""
    out = []
    for run in paragraph.runs:
        text = run.text.replace("\n", " ")
        if text:
            out.append((text, bool(run.bold), bool(run.italic)))
    return out


def _text(paragraph: Paragraph) -> str:
    return "".join(t for t, _, _ in _runs(paragraph))


def _all(paragraph: Paragraph, attr: int) -> bool:
    runs = [r for r in _runs(paragraph) if r[0].strip()]
    return bool(runs) and all(r[attr] for r in runs)


def _bold(paragraph: Paragraph) -> bool:
    return _all(paragraph, 1)


def _italic(paragraph: Paragraph) -> bool:
    return _all(paragraph, 2)


def _align(paragraph: Paragraph) -> str:
    value = paragraph.paragraph_format.alignment
    if value is None:
        return "left"
    return {0: "left", 1: "center", 2: "right", 3: "justify"}.get(int(value), "left")


def _leading_emphasis(paragraph: Paragraph) -> str:
    """The text of the leading bold or italic runs (a heading's label and title)."""
    out = []
    for text, bold, italic in _runs(paragraph):
        if not text.strip():
            out.append(text)
            continue
        if bold or italic:
            out.append(text)
        else:
            break
    return "".join(out)


def _blocks(container):
    """Paragraphs and tables of a body or cell, in order."""
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, None)
        elif child.tag == qn("w:tbl"):
            yield Table(child, None)


def _cells(table: Table):
    """The cells of ``table`` row by row, each once (spanned cells are one ``w:tc``)."""
    for tr in table._tbl.tr_lst:
        yield list(tr.tc_lst)


def _cell_paragraphs(tc):
    return [Paragraph(p, None) for p in tc.iterchildren(qn("w:p"))]


def _is_signature_table(table: Table) -> bool:
    texts = []
    for row in _cells(table):
        for tc in row:
            for p in _cell_paragraphs(tc):
                if _text(p).strip():
                    texts.append(p)
    if any(norm(_text(p)) == "Nơi nhận:" for p in texts):
        return True
    # A signer block alone: every line centred and bold, no borders.
    return bool(texts) and all(_bold(p) and _align(p) == "center" for p in texts)


def _header_cell(tc) -> list[Element]:
    """A header cell's elements; consecutive name lines of the same weight are one
    element (parent: not bold; issuer: bold), their line breaks kept."""
    out: list[Element] = []
    group: list[str] = []
    group_kind = ""

    def flush() -> None:
        if group:
            out.append(Element(group_kind, norm("\n".join(group), lines=True)))
            group.clear()

    for p in _cell_paragraphs(tc):
        text = _text(p)
        plain = norm(text)
        if not plain or plain in QUOC_HIEU or plain in TIEU_NGU:
            flush()
            continue
        if plain.startswith(("Số:", "Số ")):
            flush()
            out.append(Element("number", plain))
        elif plain.startswith("V/v"):
            flush()
            out.append(Element("trich_yeu", plain))
        elif _DATE.search(plain) and _italic(p):
            flush()
            out.append(Element("place_date", plain))
        else:
            kind = "header_issuer" if _bold(p) else "header_parent"
            if kind != group_kind:
                flush()
            group_kind = kind
            group.append(text)
    flush()
    return out


def _header(table: Table) -> list[Element]:
    return [e for row in _cells(table) for tc in row for e in _header_cell(tc)]


def _signature(table: Table) -> list[Element]:
    out = []
    for row in _cells(table):
        for tc in row:
            in_recipients = False
            for p in _cell_paragraphs(tc):
                plain = norm(_text(p))
                if not plain:
                    continue
                if plain == "Nơi nhận:":
                    in_recipients = True
                    continue
                if in_recipients:
                    kind = (
                        "filing"
                        if plain.lstrip("- ").startswith("Lưu")
                        else "recipient"
                    )
                    out.append(Element(kind, plain))
                else:
                    out.append(Element("signer_line", plain))
    return out


def _table(table: Table) -> list[Element]:
    out = []
    for row in _cells(table):
        for tc in row:
            text = norm("\n".join(_text(p) for p in _cell_paragraphs(tc)))
            if text:
                out.append(Element("table_cell", text))
    return out


def _body_paragraph(p: Paragraph, state: dict) -> list[Element]:
    text = _text(p)
    plain = norm(text)
    if not plain:
        return []
    if _APPENDIX.match(plain) and _bold(p) and _align(p) == "center":
        state["appendix"] = "label"
        return [Element("appendix_label", plain)]
    if state.get("appendix") == "label" and _align(p) == "center":
        state["appendix"] = "title"
        return [Element("appendix_title", plain)]
    if plain.startswith("(Kèm theo") and _align(p) == "center":
        state["appendix"] = None
        return [Element("appendix_note", plain)]
    state["appendix"] = None
    if _bold(p) and _align(p) == "center" and plain.endswith(":") and state["preamble"]:
        state["preamble"] = False
        return [Element("operative_word", plain)]
    if _italic(p) and state["preamble"]:
        return [Element("basis", plain)]
    lead = norm(_leading_emphasis(p))
    if lead and (_LABEL.match(lead) or lead == plain):
        state["preamble"] = False
        out = [Element("heading", lead.rstrip() if lead != plain else plain)]
        if lead != plain:
            out.append(Element("paragraph", plain))
        return out
    if _LABEL.match(plain):
        state["preamble"] = False
    return [Element("paragraph", plain)]


def extract(data: bytes) -> list[Element]:
    """The elements of a DOCX rendered by thidua, in document order."""
    document = docx.Document(io.BytesIO(data))
    blocks = list(_blocks(document.element.body))
    out: list[Element] = []
    index = 0
    # The header table.
    while index < len(blocks) and not isinstance(blocks[index], Table):
        index += 1
    if index < len(blocks):
        out.extend(_header(blocks[index]))
        index += 1
    cong_van = any(e.kind == "trich_yeu" for e in out)
    # Title block: type title, trích yếu (one or more lines), up to an empty paragraph.
    phase = "trich_yeu" if cong_van else "type_title"
    title_lines: list[str] = []
    state = {"preamble": True, "appendix": None}
    in_kinh_gui = False
    for block in blocks[index:]:
        if isinstance(block, Table):
            if title_lines:
                out.append(Element("trich_yeu", norm(" ".join(title_lines))))
                title_lines = []
            phase = "body"
            if _is_signature_table(block):
                out.extend(_signature(block))
            else:
                out.extend(_table(block))
            continue
        p = block
        plain = norm(_text(p))
        centred_bold = _bold(p) and _align(p) == "center"
        if phase == "type_title":
            if not plain:
                continue
            if centred_bold:
                out.append(Element("type_title", plain))
                phase = "trich_yeu"
                continue
            phase = "after_title"
        if phase == "trich_yeu" and not cong_van:
            if plain and centred_bold:
                title_lines.append(plain)
                continue
            if title_lines:
                out.append(Element("trich_yeu", norm(" ".join(title_lines))))
                title_lines = []
            phase = "after_title"
        if phase in ("trich_yeu", "after_title"):
            phase = "after_title"
            if not plain:
                continue
            if plain.startswith("Kính gửi"):
                in_kinh_gui = True
                rest = norm(plain.split(":", 1)[1]) if ":" in plain else ""
                if rest:
                    out.append(Element("kinh_gui", rest))
                continue
            if in_kinh_gui and plain.startswith("-") and _align(p) != "justify":
                out.append(Element("kinh_gui", plain))
                continue
            in_kinh_gui = False
            # A body that opens on "Chương I" / "Phần I" (a quy chế, no căn cứ): the
            # centred label is the first heading, not a decision's authority line.
            if centred_bold and not plain.endswith(":") and not _LABEL.match(plain):
                out.append(Element("authority_line", plain))
                continue
            phase = "body"
        out.extend(_body_paragraph(p, state))
    if title_lines:
        out.append(Element("trich_yeu", norm(" ".join(title_lines))))
    return out


# -- comparison --------------------------------------------------------------------------


def _key(kind: str, text: str) -> str:
    family = FAMILY.get(kind, kind)
    value = norm(text, lines=kind in LINE_KINDS)
    if family in PREFIX_KINDS:
        value = value[:PREFIX]
    return value


def _matches(expected: Element, found: Element) -> bool:
    if expected.family != found.family:
        return False
    want = _key(expected.kind, expected.text)
    have = norm(found.text, lines=found.kind in LINE_KINDS)
    if expected.family in PREFIX_KINDS:
        return have.startswith(want)
    return have == want


@dataclass
class Score:
    name: str
    right: list[dict] = field(default_factory=list)
    wrong: list[dict] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.right) + len(self.wrong)

    @property
    def value(self) -> float:
        return len(self.right) / self.total if self.total else 1.0

    @property
    def not_expressible(self) -> list[dict]:
        return [e for e in self.right + self.wrong if e.get("not_expressible")]

    @property
    def expressible_value(self) -> float:
        right = [e for e in self.right if not e.get("not_expressible")]
        total = self.total - len(self.not_expressible)
        return len(right) / total if total else 1.0


def compare(name: str, expected: list[dict], found: list[Element]) -> Score:
    """Scores each expected element against the extracted ones (each used once)."""
    score = Score(name)
    used = [False] * len(found)
    for item in expected:
        want = Element(item["element"], item["text"])
        hit = next(
            (
                i
                for i, element in enumerate(found)
                if not used[i] and _matches(want, element)
            ),
            None,
        )
        if hit is None:
            score.wrong.append(item)
        else:
            used[hit] = True
            score.right.append(item)
    return score


def format_table(scores: list[Score]) -> str:
    """A per-document table of the scores and the overall line."""
    lines = [
        f"{'document':34} {'right':>5} {'total':>5} {'score':>6} {'expr.':>6} {'n/e':>4}",
    ]
    for s in scores:
        lines.append(
            f"{s.name:34} {len(s.right):5d} {s.total:5d} {s.value:6.1%} "
            f"{s.expressible_value:6.1%} {len(s.not_expressible):4d}"
        )
    right = sum(len(s.right) for s in scores)
    total = sum(s.total for s in scores)
    ne = sum(len(s.not_expressible) for s in scores)
    expr_right = sum(
        len([e for e in s.right if not e.get("not_expressible")]) for s in scores
    )
    lines.append(
        f"{'overall':34} {right:5d} {total:5d} {right / total if total else 1:6.1%} "
        f"{expr_right / (total - ne) if total - ne else 1:6.1%} {ne:4d}"
    )
    for s in scores:
        for item in s.wrong:
            flag = " (not expressible)" if item.get("not_expressible") else ""
            lines.append(
                f"  ✗ {s.name}: {item['element']}: {item['text'][:70]!r}{flag}"
            )
    return "\n".join(lines)
