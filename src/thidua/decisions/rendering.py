"""A decision as a rendering specification: NĐ 30/2020 Mẫu 1.2 with the list appended."""

from thidua.documents.rendering import (
    Appendix,
    Article,
    Document,
    Issuer,
    Paragraph,
    Signer,
    Table,
)

from .models import Decision

__all__ = ["decision_spec", "spec_for_decision_id"]


def _money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def decision_spec(decision: Decision) -> Document:
    agency = decision.round.agency
    parent = agency.parent
    document = decision.issued_document
    items = list(
        decision.items.select_related(
            "nomination__person__unit", "nomination__agency"
        ).order_by("position")
    )
    total = sum(i.cash_amount for i in items)
    people = sum(1 for i in items if i.nomination.person_id)
    rows = tuple(
        (
            str(item.position),
            str(item.nomination.subject),
            (
                item.nomination.person.position + ", "
                if item.nomination.person and item.nomination.person.position
                else ""
            )
            + (
                item.nomination.person.unit.display_name
                if item.nomination.person
                else item.nomination.agency.display_name
            ),
            item.nomination.get_code_display(),
            _money(item.cash_amount),
        )
        for item in items
    )
    title = agency.short_name or agency.name
    return Document(
        issuer=Issuer(
            name=title,
            abbreviation=agency.abbreviation,
            parent_name=(parent.short_name or parent.name) if parent else None,
        ),
        number=document.number,
        type_code="QĐ",
        type_title="Quyết định",
        trich_yeu=decision.summary,
        place=agency.place_name,
        issue_date=document.issued_on,
        authority_line=f"{decision.signer_principal or decision.signer_title} {title}",
        bases=(
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
            "Căn cứ các văn bản quy định chi tiết thi hành Luật Thi đua, khen thưởng",
            f"Theo đề nghị của Hội đồng Thi đua - Khen thưởng {title}",
        ),
        operative_word="QUYẾT ĐỊNH:",
        body=(
            Article(
                (
                    Paragraph(
                        f"Tặng danh hiệu, hình thức khen thưởng cho {people:02d} cá nhân và "
                        f"{len(items) - people:02d} tập thể có thành tích năm {decision.round.year} "
                        "(có danh sách kèm theo)."
                    ),
                )
            ),
            Article(
                (
                    Paragraph(
                        f"Tổng số tiền thưởng: {_money(total)} đồng, tính theo mức lương cơ sở "
                        "tại thời điểm ký quyết định."
                    ),
                ),
                title="Tiền thưởng",
            ),
            Article(
                (
                    Paragraph(
                        "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, thủ trưởng các "
                        "đơn vị liên quan và các cá nhân, tập thể có tên tại Điều 1 chịu trách "
                        "nhiệm thi hành Quyết định này./."
                    ),
                )
            ),
        ),
        recipients=("Như Điều 3", "Lưu hồ sơ khen thưởng"),
        filing=("VT", "VP"),
        signer=Signer(
            decision.signer_title,
            decision.signer_name,
            authority=decision.signer_authority or None,
            principal=decision.signer_principal or None,
        ),
        attached_to="Quyết định",
        appendices=(
            Appendix(
                "Danh sách cá nhân, tập thể được khen thưởng",
                (
                    Table(
                        (
                            "STT",
                            "Họ và tên / Tên tập thể",
                            "Chức vụ, đơn vị",
                            "Danh hiệu, hình thức",
                            "Tiền thưởng (đồng)",
                        ),
                        rows,
                        widths_cm=(1.2, 5.0, 5.0, 3.5, 2.8),
                    ),
                ),
            ),
        ),
    )


def spec_for_decision_id(decision_id: int) -> Document:
    try:
        decision = Decision.objects.select_related(
            "round__agency__parent", "issued_document"
        ).get(pk=decision_id)
    except Decision.DoesNotExist as exc:
        raise LookupError(decision_id) from exc
    return decision_spec(decision)
