"""A tờ trình to the higher agency as a rendering specification (NĐ 30/2020 Mẫu 1.4,
"Kính gửi" per Phụ lục I §9a), with the list of nominees as its appendix."""

from collections import Counter

from django.utils import timezone

from thidua.documents.rendering import (
    Appendix,
    Document,
    Issuer,
    Paragraph,
    Signer,
    Table,
    subject_count,
)
from thidua.eligibility.legal_basis import basis_lines

from .models import Submission

__all__ = ["spec_for_submission_id", "submission_spec"]


def submission_spec(submission: Submission) -> Document:
    agency = submission.from_agency
    parent = agency.parent
    document = submission.document
    items = list(submission.items.order_by("position"))
    people = sum(1 for i in items if not i.is_collective)
    by_code = Counter(i.get_code_display() for i in items)
    title = agency.short_name or agency.name
    to_name = submission.to_agency.name
    years = sorted({i.year for i in items})
    year_text = ", ".join(str(y) for y in years)
    return Document(
        issuer=Issuer(
            name=title,
            abbreviation=agency.abbreviation,
            parent_name=(parent.short_name or parent.name) if parent else None,
        ),
        number=document.number,
        type_code="TTr",
        type_title="Tờ trình",
        trich_yeu=submission.summary,
        place=agency.place_name,
        issue_date=document.issued_on,
        kinh_gui=(to_name,),
        body=(
            *(
                Paragraph(f"{line};")
                for line in basis_lines(document.issued_on or timezone.localdate())
            ),
            Paragraph(
                f"Căn cứ kết quả xét của Hội đồng Thi đua - Khen thưởng {title} và hồ sơ "
                f"đề nghị của các đơn vị, {title} kính trình {to_name} xem xét, khen "
                f"thưởng cho {subject_count(people, len(items) - people)} có thành "
                f"tích năm {year_text}, cụ thể:"
            ),
            *(
                Paragraph(f"- {name}: {count:02d};")
                for name, count in sorted(by_code.items())
            ),
            Paragraph("(Có danh sách, báo cáo thành tích và hồ sơ kèm theo)."),
            Paragraph(f"{title} kính trình {to_name} xem xét, quyết định./."),
        ),
        recipients=("Như trên", "Ban Thi đua - Khen thưởng (để thẩm định)"),
        filing=("VT", "VP"),
        signer=Signer(
            submission.signer_title,
            submission.signer_name,
            authority=submission.signer_authority or None,
            principal=submission.signer_principal or None,
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
                            "Chức vụ, đơn vị",
                            "Danh hiệu, hình thức đề nghị",
                            "Năm",
                            "Ý kiến thẩm định",
                        ),
                        tuple(
                            (
                                str(i.position),
                                i.subject_name,
                                i.subject_detail,
                                i.get_code_display(),
                                str(i.year),
                                i.appraisal,
                            )
                            for i in items
                        ),
                        widths_cm=(1.0, 4.0, 4.0, 3.2, 1.2, 3.6),
                    ),
                ),
            ),
        ),
    )


def spec_for_submission_id(submission_id: int) -> Document:
    try:
        submission = Submission.objects.select_related(
            "from_agency__parent", "to_agency", "document"
        ).get(pk=submission_id)
    except Submission.DoesNotExist as exc:
        raise LookupError(submission_id) from exc
    return submission_spec(submission)
