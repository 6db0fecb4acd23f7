"""What an administrative document says, as plain data (NĐ 30/2020 Art 8, Phụ lục I).

A :class:`Document` holds every component of the decree's grid: issuing body and its
parent, number and symbol, place and date, type and trích yếu, căn cứ, content, Nơi
nhận and the signer. It knows nothing about DOCX; the renderers read it. Text is
normalised to NFC when a spec is built, and rich texts accept the project's light
markup (``**đậm**``, ``*nghiêng*``, ``[^chú thích]``).
"""

import datetime
import re
from dataclasses import dataclass

from ._text import nfc as _nfc
from ._text import set_frozen as _set
from .blocks import (
    Article,
    Block,
    Item,
    Node,
    Paragraph,
    Section,
    Table,
    block_problems,
)
from .formats import date_line, format_number, roman, vietnamese_letter
from .markup import Rich, Run, rich

__all__ = [
    "AUTHORITY_PREFIXES",
    "Appendix",
    "Article",
    "Block",
    "Document",
    "Issuer",
    "Item",
    "Node",
    "Paragraph",
    "Section",
    "Signer",
    "SpecError",
    "Table",
    "date_line",
    "format_number",
    "roman",
    "vietnamese_letter",
]

AUTHORITY_PREFIXES = ("TM.", "KT.", "TL.", "TUQ.", "Q.")
_CODE = re.compile(r"^[A-Za-zĐđ]+$")
# Groups joined by "-"; some agencies also join with "." ("KH-THPTTX.PL") and a
# normative text carries its year ("15/2025/NĐ-CP" → symbol "2025/NĐ-CP").
_ABBREVIATION = re.compile(r"^[A-Za-zĐđ0-9]+([-./][A-Za-zĐđ0-9]+)*$")


class SpecError(ValueError):
    """A document spec misses required components; ``problems`` lists all of them."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("Văn bản thiếu hoặc sai thành phần: " + "; ".join(problems))


def _lines(text: str | None) -> str | None:
    """NFC, each line stripped, empty lines dropped: a ``\n`` in a name is where
    the officer wants the line to break ("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK")."""
    if text is None:
        return None
    lines = [line.strip() for line in (_nfc(text) or "").split("\n")]
    return "\n".join(line for line in lines if line)


@dataclass(frozen=True)
class Issuer:
    """The issuing body (ô 2) and its direct parent body (cơ quan chủ quản), if any.
    A ``\n`` in either name forces a line break there; without one the name wraps
    where the cell ends."""

    name: str
    abbreviation: str
    parent_name: str | None = None

    def __post_init__(self) -> None:
        _set(self, "name", _lines(self.name))
        _set(self, "abbreviation", _nfc(self.abbreviation))
        _set(self, "parent_name", _lines(self.parent_name) or None)

    @property
    def name_lines(self) -> list[str]:
        return self.name.split("\n")

    @property
    def parent_lines(self) -> list[str]:
        return self.parent_name.split("\n") if self.parent_name else []

    @property
    def one_line_name(self) -> str:
        """The name as running text (the "(Kèm theo … của …)" line, metadata)."""
        return " ".join(self.name.split("\n"))


ACTING = "Q."


@dataclass(frozen=True)
class Signer:
    """Ô 7a/7b: ``authority`` is one of TM., KT., TL., TUQ., Q. and ``principal`` the
    collective or the head it signs for (``KT. GIÁM ĐỐC`` / ``PHÓ GIÁM ĐỐC``)."""

    title: str
    name: str
    authority: str | None = None
    principal: str | None = None
    # A second authority line under the first: "TM. ỦY BAN NHÂN DÂN" /
    # "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" (a deputy signs for the collective's head).
    second_authority: str | None = None
    second_principal: str | None = None

    def __post_init__(self) -> None:
        for name in (
            "title",
            "name",
            "authority",
            "principal",
            "second_authority",
            "second_principal",
        ):
            _set(self, name, _nfc(getattr(self, name)) or None)

    @property
    def title_lines(self) -> tuple[str, ...]:
        lines = []
        pairs = [(self.authority, self.principal)]
        if self.second_authority:
            pairs.append((self.second_authority, self.second_principal))
        acting = False
        for authority, principal in pairs:
            if authority == ACTING:
                # Q. (the acting head): the prefix stands before the title he acts
                # in, one line ("Q. GIÁM ĐỐC"), the name under it.
                acting = True
            elif authority:
                lines.append(f"{authority} {principal}")
        if self.title:
            lines.append(f"{ACTING} {self.title}" if acting else self.title)
        elif acting:
            lines.append(ACTING)
        return tuple(line.upper() for line in lines)

    def problems(self, label: str) -> list[str]:
        out = []
        if not self.title:
            out.append(f"Thiếu chức vụ {label}")
        if not self.name:
            out.append(f"Thiếu họ tên {label}")
        if self.authority and self.authority not in AUTHORITY_PREFIXES:
            out.append(
                f"Quyền hạn ký {self.authority!r} không hợp lệ (chỉ dùng "
                + ", ".join(AUTHORITY_PREFIXES)
                + ")"
            )
        # Q. stands before the acting head's own title: nobody is signed for.
        if self.authority and self.authority != ACTING and not self.principal:
            out.append(
                f"Thiếu tên tập thể hoặc chức vụ người đứng đầu sau {self.authority}"
            )
        if self.second_authority:
            if self.second_authority not in AUTHORITY_PREFIXES:
                out.append(
                    f"Quyền hạn ký {self.second_authority!r} không hợp lệ (chỉ dùng "
                    + ", ".join(AUTHORITY_PREFIXES)
                    + ")"
                )
            elif self.second_authority != ACTING and not self.second_principal:
                out.append(f"Thiếu chức vụ người đứng đầu sau {self.second_authority}")
            if not self.authority:
                out.append(f"Dòng {self.second_authority} {label} cần một dòng trên nó")
        elif self.second_principal:
            out.append(
                f"Thiếu quyền hạn ký (TM., KT., …) trước {self.second_principal}"
            )
        return out


@dataclass(frozen=True)
class Appendix:
    """A Phụ lục of the document (Mẫu 2.1): own page numbering, its title in upper
    case and the "(Kèm theo …)" line under it."""

    title: str
    blocks: tuple[Block, ...] = ()
    landscape: bool = False

    def __post_init__(self) -> None:
        _set(self, "title", _nfc(self.title))
        _set(self, "blocks", tuple(self.blocks))


def _ensure_end(runs: Rich, end: str) -> Rich:
    """Replaces trailing ``;``/``.``/``,`` of the last text run with ``end``."""
    runs = list(runs)
    for i in range(len(runs) - 1, -1, -1):
        if runs[i].text:
            text = runs[i].text.rstrip().rstrip(";.,").rstrip()
            runs[i] = Run(text + end, runs[i].bold, runs[i].italic, runs[i].footnote)
            break
    return tuple(runs)


def _list_line(text: str, end: str) -> str:
    return "- " + text.strip().lstrip("-").strip().rstrip(";.,").rstrip() + end


@dataclass(frozen=True)
class Document:
    """An administrative document. ``number`` is None for a draft (left blank for the
    văn thư); ``symbol`` defaults to type code + issuer abbreviation (``PD-SKHĐT``).
    A công văn has an empty ``type_title`` and an explicit ``symbol`` (``SKHĐT-VP``)."""

    issuer: Issuer
    type_title: str
    type_code: str
    trich_yeu: str
    place: str
    signer: Signer
    issue_date: datetime.date | None = None
    # An int from the register, or the digits as printed ("0125": an agency that pads
    # to four digits keeps them).
    number: int | str | None = None
    symbol: str | None = None
    kinh_gui: tuple[str, ...] = ()
    authority_line: str | None = None
    bases: tuple[Rich, ...] = ()
    operative_word: str | None = None
    opening: tuple[Rich, ...] = ()
    body: tuple[Block, ...] = ()
    closing: Rich = ()
    recipients: tuple[str, ...] = ()
    filing: tuple[str, ...] = ("VT",)
    co_signer: Signer | None = None
    appendices: tuple[Appendix, ...] = ()
    show_date_in_header: bool = True
    attached_to: str | None = None
    # Co-issuers (văn bản liên tịch; an enterprise and its trade union), printed
    # beside the issuer in the header.
    co_issuers: tuple[Issuer, ...] = ()
    # Files delivered with the document, listed under its closing.
    attachments: tuple[str, ...] = ()
    # (year, month) of a draft dated by month, the day left for the signing day.
    month_of: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        for name in ("type_title", "type_code", "place", "symbol"):
            _set(self, name, _nfc(getattr(self, name)))
        _set(self, "trich_yeu", _lines(self.trich_yeu))
        for name in ("authority_line", "operative_word", "attached_to"):
            _set(self, name, _nfc(getattr(self, name)) or None)
        _set(self, "kinh_gui", tuple(_nfc(k) for k in self.kinh_gui))
        _set(self, "recipients", tuple(_nfc(r) for r in self.recipients))
        _set(self, "filing", tuple(_nfc(f) for f in self.filing))
        _set(self, "opening", tuple(rich(p) for p in self.opening))
        _set(self, "closing", rich(self.closing))
        _set(self, "body", tuple(self.body))
        _set(self, "appendices", tuple(self.appendices))
        _set(self, "co_issuers", tuple(self.co_issuers))
        _set(self, "attachments", tuple(_nfc(a) for a in self.attachments if a))
        bases = tuple(rich(b) for b in self.bases)
        _set(
            self,
            "bases",
            tuple(
                _ensure_end(b, "." if i == len(bases) - 1 else ";")
                for i, b in enumerate(bases)
            ),
        )

    # -- presentation of the fixed components ---------------------------------------

    @property
    def is_cong_van(self) -> bool:
        """A công văn has no type title; its trích yếu follows "V/v" under Số (ô 5b)."""
        return not self.type_title

    @property
    def full_symbol(self) -> str:
        return self.symbol or f"{self.type_code}-{self.issuer.abbreviation}"

    @property
    def number_text(self) -> str:
        """``"173/PD-SKHĐT"``, or ``"      /PD-SKHĐT"`` for a draft."""
        if self.number is None:
            number = "\u00a0" * 6
        elif isinstance(self.number, str):
            number = self.number.zfill(2)
        else:
            number = format_number(self.number)
        return f"{number}/{self.full_symbol}"

    @property
    def number_line(self) -> str:
        return f"Số: {self.number_text}"

    @property
    def date_text(self) -> str:
        return date_line(self.place, self.issue_date, month_of=self.month_of)

    @property
    def recipient_lines(self) -> tuple[str, ...]:
        """Nơi nhận lines: ``"- X;"`` each, the last being ``"- Lưu: VT, VP."``."""
        lines = [_list_line(r, ";") for r in self.recipients if r]
        lines.append("- Lưu: " + ", ".join(self.filing) + ".")
        return tuple(lines)

    @property
    def kinh_gui_lines(self) -> tuple[str, ...]:
        """One recipient on the line itself, as typed (NĐ 30's Mẫu 1.5 has none after
        it; some agencies end it with "."); several as ``"- X;"`` … ``"- Y."``."""
        names = [k for k in self.kinh_gui if k]
        if len(names) == 1:
            return (names[0].rstrip(";, "),)
        return tuple(
            _list_line(name, "." if i == len(names) - 1 else ";")
            for i, name in enumerate(names)
        )

    @property
    def attached_note(self) -> str:
        """The "(Kèm theo …)" line of the appendices (Mẫu 2.1)."""
        kind = self.attached_to or "Văn bản"
        if self.number is None or self.issue_date is None:
            return f"(Kèm theo {kind} số      /{self.full_symbol} ngày      tháng      năm      của {self.issuer.one_line_name})"
        month = self.issue_date.month
        month_text = f"{month:02d}" if month <= 2 else str(month)
        return (
            f"(Kèm theo {kind} số {self.number_text} ngày {self.issue_date.day:02d} "
            f"tháng {month_text} năm {self.issue_date.year} của {self.issuer.one_line_name})"
        )

    # -- validation ----------------------------------------------------------------

    def problems(self) -> list[str]:
        """Every missing or malformed component, in grid order (empty when valid)."""
        out: list[str] = []
        if not self.issuer.name:
            out.append("Thiếu tên cơ quan ban hành")
        if not self.issuer.abbreviation or not _ABBREVIATION.match(
            self.issuer.abbreviation
        ):
            out.append("Thiếu hoặc sai chữ viết tắt tên cơ quan ban hành")
        if isinstance(self.number, str):
            if not self.number.isdigit() or not int(self.number):
                out.append("Số văn bản chỉ gồm chữ số, lớn hơn 0")
        elif self.number is not None and self.number < 1:
            out.append("Số văn bản phải là số nguyên dương")
        if self.symbol is None and (
            not self.type_code or not _CODE.match(self.type_code)
        ):
            out.append("Thiếu hoặc sai chữ viết tắt tên loại văn bản")
        if self.symbol is not None and not _ABBREVIATION.match(self.symbol):
            out.append(
                "Ký hiệu văn bản chỉ gồm chữ viết tắt nối bằng dấu gạch nối, không có dấu cách"
            )
        if not self.place:
            out.append("Thiếu địa danh")
        if not self.type_title and self.symbol is None:
            out.append(
                "Thiếu tên loại văn bản (công văn không có tên loại: ghi ký hiệu, "
                "ví dụ SKHĐT-VP)"
            )
        if not self.trich_yeu:
            out.append("Thiếu trích yếu nội dung văn bản")
        if not (self.opening or self.body or self.closing):
            out.append("Văn bản chưa có nội dung")
        for issuer in self.co_issuers:
            if not issuer.name:
                out.append("Thiếu tên cơ quan cùng ban hành")
        out.extend(self.signer.problems("người ký"))
        if self.co_signer is not None:
            out.extend(self.co_signer.problems("người ký thứ hai"))
        if not self.filing or not self.filing[0]:
            out.append("Thiếu nơi lưu (Lưu: VT, …)")
        for i, appendix in enumerate(self.appendices, 1):
            if not appendix.title:
                out.append(f"Phụ lục {roman(i)} thiếu tiêu đề")
            out.extend(
                f"Phụ lục {roman(i)}: {p}" for p in block_problems(appendix.blocks)
            )
        out.extend(block_problems(self.body))
        return out

    def validate(self) -> "Document":
        problems = self.problems()
        if problems:
            raise SpecError(problems)
        return self
