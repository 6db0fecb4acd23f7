"""A movement's launch plan as document-model content (docs/document-model.md), for
an officer who writes it in the editor instead of the fixed skeleton: the movement's
own data — its name, the documents it carries out, purposes, theme, contents, time
window and registration deadline, duties, closing, recipients, signer — fill sections
he can then rename, nest, add to and reorder. The movement keeps its data (the system
still knows its purposes, time window and recipients); the draft is linked to it."""

from .document import opening_text
from .models import Movement

__all__ = ["launch_content"]


def _items(texts) -> list[dict]:
    return [
        {
            "type": "section",
            "numbering": "arabic",
            "title": "",
            "text": t,
            "children": [],
        }
        for t in texts
        if t.strip()
    ]


def _section(title: str, children: list[dict]) -> dict:
    return {
        "type": "section",
        "numbering": "roman",
        "title": title,
        "text": "",
        "children": children,
    }


def _day(day) -> str:
    return f"{day:%d/%m/%Y}"


def _time_window(movement: Movement) -> list[dict]:
    lines = []
    if movement.starts_on and movement.ends_on:
        lines.append(
            f"Thời gian thực hiện: từ ngày {_day(movement.starts_on)} đến ngày "
            f"{_day(movement.ends_on)}."
        )
    elif movement.starts_on:
        lines.append(f"Thời gian thực hiện: từ ngày {_day(movement.starts_on)}.")
    elif movement.ends_on:
        lines.append(f"Thời gian thực hiện: đến ngày {_day(movement.ends_on)}.")
    if movement.registration_deadline:
        lines.append(
            "Các đơn vị đăng ký thi đua trước ngày "
            f"{_day(movement.registration_deadline)}."
        )
    return [
        {"type": "paragraph", "text": t, "align": "justify", "indent": True}
        for t in lines
    ]


def launch_content(movement: Movement) -> dict:
    """The content of ``movement``'s launch plan (NĐ 30 Mẫu 1.4) from its data."""
    launcher = movement.launcher
    parent = launcher.parent
    theme = movement.theme_intro.strip() or (
        f"Chủ đề thi đua: **“{movement.theme.strip()}”**."
        if movement.theme.strip()
        else ""
    )
    sections = [
        _section("Mục đích", _items(p.text for p in movement.purposes.all())),
        _section(
            "Chủ đề thi đua",
            [{"type": "paragraph", "text": theme, "align": "justify", "indent": True}]
            if theme
            else [],
        ),
        _section("Nội dung thi đua", _items(c.text for c in movement.contents.all())),
        _section("Thời gian thực hiện", _time_window(movement)),
        _section("Tổ chức thực hiện", _items(d.text for d in movement.duties.all())),
    ]
    opening = opening_text(movement, movement.implemented_documents.all())
    signer = {
        "authority": movement.signer_authority,
        "principal": movement.signer_principal,
        "second_authority": "",
        "second_principal": "",
        "title": movement.signer_title.upper(),
        "name": movement.signer_name,
        "person_id": None,
    }
    return {
        "version": 1,
        "kind": "phat_dong" if movement.type_code == "PD" else "ke_hoach",
        "issuers": [
            {
                "parent": (parent.short_name or parent.name) if parent else "",
                "name": launcher.short_name or launcher.name,
                "abbreviation": launcher.abbreviation,
            }
        ],
        "number": "",
        "symbol": f"{movement.type_code}-{launcher.abbreviation}",
        "place": launcher.place_name,
        "date": None,
        "type_title": movement.document_title,
        "trich_yeu": movement.name,
        "opening": [opening] if opening else [],
        "body": [s for s in sections if s["children"]],
        "closing": [movement.closing.strip()] if movement.closing.strip() else [],
        "recipients": [r.label for r in movement.recipients.all()],
        "filing": [
            part.strip()
            for part in movement.archive_units.rstrip(". ").split(",")
            if part.strip()
        ]
        or ["VT"],
        "signers": [signer] if signer["title"] or signer["name"] else [],
    }
