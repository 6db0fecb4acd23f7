"""The launch document of a movement as a structure: the single source for the HTML
preview and for the DOCX/PDF specification (NĐ 30/2020 Mẫu 1.4, văn bản có tên loại)."""

from dataclasses import dataclass, field

from thidua.documents.rendering import date_line, roman

from .models import Movement
from .plan_text import award_line, funding_lines, time_lines

__all__ = ["MovementDocument", "Section", "movement_document", "opening_text"]


@dataclass
class Section:
    title: str  # "MỤC ĐÍCH"
    paragraphs: list[str] = field(default_factory=list)  # markup, numbered when listed
    numbered: bool = True
    index: int = 0

    @property
    def heading(self) -> str:
        return f"{roman(self.index + 1)}. {self.title.upper()}"


@dataclass
class MovementDocument:
    parent_name: str
    issuer_name: str
    number: int | None
    symbol_suffix: str  # "PD-SKHĐT"
    place_date: str
    title: str  # "PHÁT ĐỘNG"
    summary: str
    opening: str
    sections: list[Section]
    closing: str
    recipients: list[str]
    archive: str
    signer_authority: str
    signer_principal: str
    signer_title: str
    signer_name: str

    @property
    def number_text(self) -> str:
        number = f"{self.number:02d}" if self.number else "    "
        return f"Số: {number}/{self.symbol_suffix}"


def opening_text(movement: Movement, implemented) -> str:
    if movement.opening.strip():
        return movement.opening.strip()
    refs = "; ".join(
        f"{d.doc_type} số {d.number_symbol} ngày {d.issued_on:%d/%m/%Y} của {d.issuer} "
        f"về {d.summary}"
        for d in implemented
    )
    return f"Thực hiện {refs}." if refs else ""


def movement_document(
    movement: Movement, overrides: dict | None = None
) -> MovementDocument:
    """Build the document; ``overrides`` replaces a section's items (unsaved preview)."""
    overrides = overrides or {}

    def items(section: str, related: str) -> list:
        if section in overrides:
            return overrides[section]
        return list(getattr(movement, related).all())

    launcher = movement.launcher
    parent = launcher.parent
    document = movement.issued_document
    theme_text = movement.theme_intro.strip() or (
        f"Chủ đề thi đua: **“{movement.theme.strip()}”**."
        if movement.theme.strip()
        else ""
    )
    rounds = items("rounds", "rounds")
    # The time is said once rounds or an end event are given; a movement with only
    # its window (the seed) keeps the document its agency issued.
    timing = (
        time_lines(movement, rounds) if rounds or movement.ends_with.strip() else []
    )
    audience = movement.audience.strip()
    sections = [
        Section("Mục đích", [p.text for p in items("purposes", "purposes")]),
        Section("Chủ đề thi đua", [theme_text] if theme_text else [], numbered=False),
        Section("Đối tượng thi đua", [audience] if audience else [], numbered=False),
        Section("Nội dung thi đua", [c.text for c in items("contents", "contents")]),
        Section("Thời gian thực hiện", timing, numbered=False),
        Section("Khen thưởng", [award_line(a) for a in items("awards", "awards")]),
        Section(
            "Kinh phí",
            funding_lines(items("funding", "funding_sources")),
            numbered=False,
        ),
        Section("Tổ chức thực hiện", [d.text for d in items("duties", "duties")]),
    ]
    sections = [s for s in sections if s.paragraphs]
    for index, section in enumerate(sections):
        section.index = index
    return MovementDocument(
        parent_name=(parent.short_name or parent.name) if parent else "",
        issuer_name=(launcher.short_name or launcher.name),
        number=document.number if document else None,
        symbol_suffix=f"{movement.type_code}-{launcher.abbreviation}",
        place_date=date_line(
            launcher.place_name, document.issued_on if document else None
        ),
        title=movement.document_title,
        summary=movement.name,
        opening=opening_text(movement, items("implemented", "implemented_documents")),
        sections=sections,
        closing=movement.closing.strip(),
        recipients=[r.label for r in items("recipients", "recipients")],
        archive=movement.archive_units,
        signer_authority=movement.signer_authority,
        signer_principal=movement.signer_principal,
        signer_title=movement.signer_title,
        signer_name=movement.signer_name,
    )
