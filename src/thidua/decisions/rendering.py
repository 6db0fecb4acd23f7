"""A decision as a rendering specification: NĐ 30/2020 Mẫu 1.2 with the list appended."""

from django.utils import timezone

from thidua.common.money import amount_clause, amount_figures
from thidua.common.text import fold
from thidua.documents.rendering import (
    Appendix,
    Article,
    Document,
    Issuer,
    Paragraph,
    Signer,
    Table,
    subject_count,
)
from thidua.eligibility.legal_basis import basis_lines

from .models import Decision
from .selectors import CouncilResult, council_chair, council_results

__all__ = ["decision_spec", "proposal_spec", "spec_for_decision_id"]


def _authority_line(head: str, agency: str) -> str:
    """ "CHỦ TỊCH Ủy ban nhân dân tỉnh …"; an issuer named by its head's own title
    (Thủ tướng Chính phủ, Chủ tịch nước) is named once, not "THỦ TƯỚNG THỦ TƯỚNG
    CHÍNH PHỦ"."""
    if not head or fold(agency).startswith(fold(head)):
        return agency
    return f"{head} {agency}"


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
            amount_figures(item.cash_amount),
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
        authority_line=_authority_line(
            decision.signer_principal or decision.signer_title, title
        ),
        bases=(
            *basis_lines(document.issued_on or timezone.localdate()),
            f"Theo đề nghị của Hội đồng Thi đua - Khen thưởng {title}",
        ),
        operative_word="QUYẾT ĐỊNH:",
        body=(
            Article(
                (
                    Paragraph(
                        "Tặng danh hiệu, hình thức khen thưởng cho "
                        f"{subject_count(people, len(items) - people)} có thành tích năm "
                        f"{decision.round.year} (có danh sách kèm theo)."
                    ),
                )
            ),
            # No cash (Giấy khen of an agency without a fund, say): no article for it.
            *(
                (
                    Article(
                        (
                            Paragraph(
                                f"Tổng số tiền thưởng: {amount_clause(total)}, tính theo mức "
                                "lương cơ sở tại thời điểm ký quyết định."
                            ),
                        ),
                        title="Tiền thưởng",
                    ),
                )
                if total
                else ()
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
        recipients=(f"Như Điều {3 if total else 2}", "Lưu hồ sơ khen thưởng"),
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


def _tally(result: CouncilResult | None) -> str:
    if result is None:
        return "Không qua Hội đồng"
    text = f"Đồng ý {result.yes}/{result.roster_size}, không đồng ý {result.no}; " + (
        "thông qua" if result.passed else "không thông qua"
    )
    if result.paper:
        return f"{text} (nhập từ biên bản họp giấy đã ký ngày {result.on:%d/%m/%Y})"
    return f"{text} (bỏ phiếu kín ngày {result.on:%d/%m/%Y})"


def proposal_spec(decision: Decision) -> Document:
    """The tờ trình by which the agency's Hội đồng TĐKT puts the draft decision before
    the head: the list with each dossier's council result, and, for the dossiers the
    council decided on paper, a word that their result was entered from the signed
    minutes (date, tally). A draft: unnumbered, undated, signed for the council by its
    chair seated today (dots left for a hand to fill when none is)."""
    agency = decision.round.agency
    chair = council_chair(agency)
    parent = agency.parent
    items = list(
        decision.items.select_related(
            "nomination__person__unit", "nomination__agency"
        ).order_by("position")
    )
    results = council_results([i.nomination_id for i in items])
    people = sum(1 for i in items if i.nomination.person_id)
    title = agency.short_name or agency.name
    head = decision.signer_principal or decision.signer_title or "Thủ trưởng"
    on_paper = [
        (item, results[item.nomination_id])
        for item in items
        if item.nomination_id in results and results[item.nomination_id].paper
    ]
    return Document(
        issuer=Issuer(
            name=f"Hội đồng Thi đua - Khen thưởng {title}",
            abbreviation="HĐTĐKT",
            parent_name=agency.name,
        ),
        type_code="TTr",
        type_title="Tờ trình",
        trich_yeu=decision.summary,
        place=agency.place_name or (parent.place_name if parent else ""),
        kinh_gui=(f"{head} {title}",),
        body=(
            *(Paragraph(f"{line};") for line in basis_lines(timezone.localdate())),
            Paragraph(
                f"Căn cứ kết quả xét của Hội đồng Thi đua - Khen thưởng {title} và hồ sơ "
                f"đề nghị của các đơn vị, Hội đồng kính trình {head} {title} xem xét, "
                "quyết định khen thưởng cho "
                f"{subject_count(people, len(items) - people)} có thành tích năm "
                f"{decision.round.year} (có danh sách kèm theo)."
            ),
            *(
                Paragraph(
                    f"- Hồ sơ của {item.nomination.subject} "
                    f"({item.nomination.get_code_display()}): kết quả xét của Hội đồng "
                    "được nhập từ biên bản họp trên giấy đã ký, họp ngày "
                    f"{result.on:%d/%m/%Y}: đồng ý {result.yes}/{result.roster_size} "
                    f"thành viên, không đồng ý {result.no}"
                    + ("." if result.passed else ", không thông qua.")
                )
                for item, result in on_paper
            ),
            Paragraph(f"Hội đồng kính trình {head} {title} xem xét, quyết định./."),
        ),
        recipients=("Như trên", "Lưu hồ sơ khen thưởng"),
        filing=("VT", "HĐTĐKT"),
        signer=Signer(
            "Chủ tịch",
            chair.full_name if chair else "………………",
            authority="TM.",
            principal="Hội đồng",
        ),
        attached_to="Tờ trình",
        appendices=(
            Appendix(
                "Danh sách đề nghị khen thưởng",
                (
                    Table(
                        (
                            "STT",
                            "Họ và tên / Tên tập thể",
                            "Danh hiệu, hình thức",
                            "Kết quả xét của Hội đồng",
                            "Ý kiến thẩm định",
                        ),
                        tuple(
                            (
                                str(item.position),
                                str(item.nomination.subject),
                                item.nomination.get_code_display(),
                                _tally(results.get(item.nomination_id)),
                                item.nomination.appraisal,
                            )
                            for item in items
                        ),
                        widths_cm=(1.0, 4.2, 3.4, 4.6, 3.8),
                    ),
                ),
            ),
        ),
    )
