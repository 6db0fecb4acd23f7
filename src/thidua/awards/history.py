"""Lý lịch khen thưởng: a person's or a collective's whole award history from the register,
as DOCX (and PDF through LibreOffice) — what an office attaches to a dossier or hands the
person, instead of copying the register by hand."""

from django.utils import timezone

from thidua.documents.rendering.api import (
    Table,
    add_table,
    add_text,
    centred,
    finish,
    format_paragraph,
    heading,
    labelled_line,
    national_heading,
    new_document,
    signature_row,
    text_block,
)
from thidua.eligibility.catalog import TITLE_CODES

__all__ = ["award_history_docx", "award_history_rows"]

COLUMNS = (
    "Năm",
    "Danh hiệu, hình thức",
    "Quyết định (số, ngày, cấp quyết định)",
    "Ghi chú",
)
WIDTHS_CM = (1.6, 5.0, 6.4, 3.0)


def _decision(award) -> str:
    return (
        f"{award.decision_number} ngày {award.decision_date.strftime('%d/%m/%Y')} – "
        f"{award.decided_by}"
    )


def _note(award) -> str:
    if award.revoked:
        return f"Đã hủy bỏ theo {award.annulment_decision}" + (
            f" ngày {award.annulled_on.strftime('%d/%m/%Y')}"
            if award.annulled_on
            else ""
        )
    parts = []
    if award.period_from and award.period_from != award.year:
        parts.append(f"thành tích {award.period_from}–{award.year}")
    if award.cash_amount:
        parts.append(f"tiền thưởng {award.cash_amount:,} đ".replace(",", "."))
    return "; ".join(parts)


def award_history_rows(awards) -> tuple[list, list]:
    """(titles, forms) in year order, annulled awards kept and marked (the register is
    a history, not only what stands today)."""
    ordered = sorted(awards, key=lambda a: (a.year, a.decision_date, a.pk))
    titles = [a for a in ordered if a.code in TITLE_CODES]
    forms = [a for a in ordered if a.code not in TITLE_CODES]
    return titles, forms


def _table(document, ctx, awards) -> None:
    if not awards:
        text_block(document, "Không có.", ctx)
        return
    rows = tuple(
        (str(a.year), a.get_code_display(), _decision(a), _note(a)) for a in awards
    )
    add_table(document, Table(COLUMNS, rows, widths_cm=WIDTHS_CM), ctx)


def award_history_docx(subject, awards, *, issuer_name: str) -> bytes:
    """``subject`` is a Person or an Agency; ``awards`` its register entries."""
    document, ctx = new_document()
    layout = ctx.layout
    national_heading(document, ctx)
    today = timezone.localdate()
    date = document.add_paragraph()
    format_paragraph(date, align="right", before_pt=6, after_pt=12)
    add_text(
        date,
        f"Ngày {today:%d} tháng {today:%m} năm {today:%Y}",
        layout,
        layout.size("dia_danh_ngay"),
        italic=True,
    )
    size = layout.size("ten_loai")
    centred(document, "LÝ LỊCH KHEN THƯỞNG", ctx, size, bold=True, before=6)
    is_person = hasattr(subject, "birth_date")
    centred(
        document,
        ("CÁ NHÂN" if is_person else "TẬP THỂ"),
        ctx,
        size,
        bold=True,
        after=12,
    )
    heading(document, "I. THÔNG TIN CHUNG", ctx)
    if is_person:
        labelled_line(document, "- Họ và tên:", subject.full_name, ctx)
        born = subject.birth_date.strftime("%d/%m/%Y") if subject.birth_date else ""
        labelled_line(
            document,
            "- Ngày sinh:",
            f"{born}; Giới tính: {subject.get_gender_display()}",
            ctx,
        )
        labelled_line(document, "- Dân tộc:", subject.ethnicity, ctx)
        labelled_line(document, "- Chức vụ:", subject.position, ctx)
        labelled_line(
            document,
            "- Đơn vị công tác:",
            subject.unit.display_name if subject.unit_id else "",
            ctx,
        )
    else:
        labelled_line(document, "- Tên tập thể:", subject.name, ctx)
        parent = subject.parent
        labelled_line(
            document, "- Cơ quan cấp trên:", parent.name if parent else "", ctx
        )
    titles, forms = award_history_rows(awards)
    heading(document, "II. DANH HIỆU THI ĐUA", ctx)
    _table(document, ctx, titles)
    heading(document, "III. HÌNH THỨC KHEN THƯỞNG", ctx)
    _table(document, ctx, forms)
    text_block(
        document,
        f"*Trích từ sổ khen thưởng của {issuer_name} ngày {today:%d/%m/%Y}; gồm "
        f"{len(titles)} danh hiệu thi đua và {len(forms)} hình thức khen thưởng.*",
        ctx,
    )
    signature_row(
        document,
        ctx,
        (("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)"), ""),
        (("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", "(Ký, đóng dấu)"), ""),
    )
    name = subject.full_name if is_person else subject.name
    return finish(
        document,
        ctx,
        title=f"Lý lịch khen thưởng – {name}",
        subject=name,
        author=issuer_name,
    )
