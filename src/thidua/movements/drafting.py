"""A movement's launch plan as document-model content (docs/document-model.md), for
an officer who writes it in the editor instead of the fixed skeleton: the movement's
own data — its name, the documents it carries out, purposes, theme, contents, time
window with its rounds (đợt) and registration deadline, audience, targets (chỉ
tiêu), awards with tiers and gifts, funding sources, duties, closing, recipients,
signer — fill sections he can then rename, nest, add to and reorder. The movement
keeps its data (the system still knows its rounds, awards and money); the draft is
linked to it, and "Cập nhật từ dữ liệu phong trào" writes the sections again."""

from thidua.common.money import decimal_figures

from .document import opening_text
from .models import Movement
from .plan_text import (
    award_groups,
    award_line,
    day_text,
    funding_lines,
    registration_line,
    round_line,
    time_intro,
)

__all__ = ["DATA_SECTIONS", "launch_content"]

# The sections written from the movement's data rows, in the plan's order: written
# again by "Cập nhật từ dữ liệu phong trào" (services.launch_plan).
DATA_SECTIONS = (
    "Đối tượng thi đua",
    "Chỉ tiêu thi đua",
    "Thời gian thực hiện",
    "Khen thưởng",
    "Kinh phí",
)


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


def _paragraph(text: str) -> dict:
    return {"type": "paragraph", "text": text, "align": "justify", "indent": True}


def _item(text: str, numbering: str = "dash", children=()) -> dict:
    return {
        "type": "section",
        "numbering": numbering,
        "title": "",
        "text": text,
        "children": list(children),
    }


def _time_window(movement: Movement) -> list[dict]:
    rounds = list(movement.rounds.all())
    intro = time_intro(movement, len(rounds))
    blocks = [_paragraph(intro)] if intro else []
    blocks += [_item(round_line(r)) for r in rounds]
    deadline = registration_line(movement)
    if deadline:
        blocks.append(_paragraph(deadline))
    return blocks


def _targets(movement: Movement) -> list[dict]:
    return [
        _item(
            f"{i.name}: {decimal_figures(i.target)} {i.unit_of_measure}".rstrip()
            + f" (thời hạn {day_text(i.due_on)})."
        )
        for i in movement.indicators.all()
    ]


def _awards(movement: Movement) -> list[dict]:
    items = []
    for form, awards in award_groups(movement.awards.all()):
        if len(awards) == 1:
            items.append(_item(award_line(awards[0]), "arabic"))
        else:
            items.append(
                _item(
                    f"{form}:",
                    "arabic",
                    [_item(award_line(a, with_form=False)) for a in awards],
                )
            )
    return items


def launch_content(movement: Movement) -> dict:
    """The content of ``movement``'s launch plan (NĐ 30 Mẫu 1.4) from its data."""
    launcher = movement.launcher
    parent = launcher.parent
    theme = movement.theme_intro.strip() or (
        f"Chủ đề thi đua: **“{movement.theme.strip()}”**."
        if movement.theme.strip()
        else ""
    )
    audience = movement.audience.strip()
    sections = [
        _section("Mục đích", _items(p.text for p in movement.purposes.all())),
        _section("Chủ đề thi đua", [_paragraph(theme)] if theme else []),
        _section("Đối tượng thi đua", [_paragraph(audience)] if audience else []),
        _section("Nội dung thi đua", _items(c.text for c in movement.contents.all())),
        _section("Chỉ tiêu thi đua", _targets(movement)),
        _section("Thời gian thực hiện", _time_window(movement)),
        _section("Khen thưởng", _awards(movement)),
        _section(
            "Kinh phí",
            [_item(line) for line in funding_lines(movement.funding_sources.all())],
        ),
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
