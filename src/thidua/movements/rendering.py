"""The movement's launch document as a rendering specification (documents.rendering)."""

from thidua.documents.rendering import (
    Document,
    Issuer,
    Item,
    Paragraph,
    Section,
    Signer,
)

from .document import movement_document
from .models import Movement, MovementReport

__all__ = ["movement_spec", "review_spec", "spec_for_movement_id", "spec_for_review_id"]


def movement_spec(movement: Movement) -> Document:
    """NĐ 30/2020 Mẫu 1.4 (văn bản có tên loại) built from the movement's data."""
    doc = movement_document(movement)
    launcher = movement.launcher
    issued = movement.issued_document
    body = tuple(
        Section(
            title=section.title,
            blocks=tuple(
                Item(text=text) if section.numbered else Paragraph(text=text)
                for text in section.paragraphs
            ),
        )
        for section in doc.sections
    )
    filing = tuple(
        part.strip() for part in doc.archive.rstrip(". ").split(",") if part.strip()
    )
    return Document(
        issuer=Issuer(
            name=doc.issuer_name,
            abbreviation=launcher.abbreviation,
            parent_name=doc.parent_name or None,
        ),
        type_title=doc.title,
        type_code=movement.type_code,
        trich_yeu=movement.name,
        place=launcher.place_name,
        signer=Signer(
            title=doc.signer_title,
            name=doc.signer_name,
            authority=doc.signer_authority or None,
            principal=doc.signer_principal or None,
        ),
        issue_date=issued.issued_on if issued else None,
        number=issued.number if issued else None,
        opening=(doc.opening,) if doc.opening else (),
        body=body,
        closing=doc.closing,
        recipients=tuple(doc.recipients),
        filing=filing or ("VT",),
    )


def spec_for_movement_id(movement_id: int) -> Document:
    try:
        movement = Movement.objects.select_related(
            "launcher", "launcher__parent", "issued_document"
        ).get(pk=movement_id)
    except Movement.DoesNotExist as exc:
        raise LookupError(movement_id) from exc
    return movement_spec(movement)


def review_spec(review: MovementReport) -> Document:
    """A Báo cáo (Mẫu 1.4) for a sơ kết / tổng kết: one Roman section per part."""
    movement = review.movement
    launcher = movement.launcher
    issued = review.issued_document
    parent = launcher.parent
    return Document(
        issuer=Issuer(
            name=(launcher.short_name or launcher.name).upper(),
            abbreviation=launcher.abbreviation,
            parent_name=(parent.short_name or parent.name).upper() if parent else None,
        ),
        type_title="BÁO CÁO",
        type_code="BC",
        trich_yeu=review.title,
        place=launcher.place_name,
        signer=Signer(title=review.signer_title.upper(), name=review.signer_name),
        issue_date=issued.issued_on if issued else None,
        number=issued.number if issued else None,
        body=tuple(
            Section(
                title=part["title"].upper(),
                blocks=tuple(
                    Paragraph(text=line)
                    for line in part["text"].splitlines()
                    if line.strip()
                ),
            )
            for part in review.sections
        ),
        recipients=tuple(r.label for r in movement.recipients.all()),
        filing=("VT",),
    )


def spec_for_review_id(review_id: int) -> Document:
    try:
        review = MovementReport.objects.select_related(
            "movement__launcher__parent", "issued_document"
        ).get(pk=review_id)
    except MovementReport.DoesNotExist as exc:
        raise LookupError(review_id) from exc
    return review_spec(review)
