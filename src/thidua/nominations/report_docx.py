"""The DOCX of an achievement report (báo cáo thành tích, nd30-and-forms.md §6.2–6.3).

Not a numbered outgoing document: no issuer block, no Số/ký hiệu, no Nơi nhận. The
page (A4, margins, Times New Roman, sizes) and the low-level writers are those of the
official-document renderer (``thidua.documents.rendering``), so the report looks like
the rest of the dossier.
"""

from thidua.documents.rendering.api import (
    BLANK,
    Ctx,
    Table,
    add_table,
    add_text,
    body_paragraph,
    centred,
    finish,
    format_paragraph,
    heading,
    labelled_line,
    national_heading,
    new_document,
    rule,
    signature_row,
    text_block,
    text_width_pt,
)
from thidua.eligibility.catalog import NAMES, PRESIDENT_FORMS, TITLE_CODES

from .models import AchievementReport, Nomination
from .report_catalog import lookback_years
from .selectors import report_awards, report_place

__all__ = ["build_report_docx", "report_title"]

# Awards whose report is also confirmed by the submitting level (§6.2 signatures [U]).
_HIGHER = {"BK_TTG", "CSTDTQ", "CO_CP", *PRESIDENT_FORMS}
TITLE_COLUMNS = (
    "Năm",
    "Danh hiệu thi đua",
    "Số, ngày, tháng, năm của quyết định công nhận danh hiệu thi đua; cơ quan ban "
    "hành quyết định",
)
FORM_COLUMNS = (
    "Năm",
    "Hình thức khen thưởng",
    "Số, ngày, tháng, năm của quyết định khen thưởng; cơ quan ban hành quyết định",
)
WIDTHS_CM = (2.0, 5.5, 8.5)


def report_title(code: str) -> str:
    """``ĐỀ NGHỊ TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ`` and the like."""
    name = NAMES.get(code, code)
    if code in TITLE_CODES and not code.startswith("CO_"):
        name = f"danh hiệu {name}"
    return f"ĐỀ NGHỊ TẶNG {name.upper()}"


def _header(document, nomination: Nomination, ctx: Ctx) -> None:
    layout = ctx.layout
    national_heading(document, ctx)
    place = report_place(nomination) or BLANK
    date = document.add_paragraph()
    format_paragraph(date, align="right", before_pt=6, after_pt=12)
    add_text(
        date,
        f"{place}, ngày {BLANK} tháng {BLANK} năm {BLANK}",
        layout,
        layout.size("dia_danh_ngay"),
        italic=True,
    )
    size = layout.size("ten_loai")
    centred(document, "BÁO CÁO THÀNH TÍCH", ctx, size, bold=True, before=6)
    title = report_title(nomination.code)
    centred(document, title, ctx, size, bold=True)
    if nomination.agency_id:
        centred(document, nomination.agency.name, ctx, size, bold=True)
    width = text_width_pt(title, size, bold=True)
    rule(document, min(width, ctx.text_width_pt) * layout.rule_ratio, ctx, after=12)


def _individual(document, nomination: Nomination, report: AchievementReport, ctx: Ctx):
    person = nomination.person
    heading(document, "I. SƠ LƯỢC LÝ LỊCH", ctx)
    labelled_line(document, "- Họ tên:", person.full_name, ctx)
    born = person.birth_date.strftime("%d/%m/%Y") if person.birth_date else BLANK
    labelled_line(
        document,
        "- Sinh ngày, tháng, năm:",
        f"{born}; Giới tính: {person.get_gender_display()}",
        ctx,
    )
    labelled_line(document, "- Dân tộc:", person.ethnicity, ctx)
    labelled_line(document, "- Quê quán:", report.hometown, ctx)
    labelled_line(document, "- Trú quán:", report.residence, ctx)
    labelled_line(
        document, "- Đơn vị công tác:", person.unit.name if person.unit_id else "", ctx
    )
    labelled_line(
        document,
        "- Chức vụ (Đảng, chính quyền, đoàn thể):",
        report.party_positions or person.position,
        ctx,
    )
    labelled_line(
        document, "- Trình độ chuyên môn, nghiệp vụ:", report.qualification, ctx
    )
    labelled_line(
        document, "- Học hàm, học vị, danh hiệu, giải thưởng:", report.honours, ctx
    )
    heading(document, "II. THÀNH TÍCH ĐẠT ĐƯỢC", ctx)
    heading(document, "1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận:", ctx)
    text_block(document, report.duties, ctx)
    heading(document, "2. Thành tích đạt được của cá nhân:", ctx)
    _period(document, nomination, ctx)
    text_block(document, report.achievements, ctx)


def _collective(document, nomination: Nomination, report: AchievementReport, ctx: Ctx):
    heading(document, "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", ctx)
    heading(document, "1. Đặc điểm, tình hình:", ctx)
    labelled_line(document, "- Địa chỉ trụ sở chính:", report.address, ctx)
    labelled_line(document, "- Điện thoại:", report.phone, ctx)
    if report.website:
        labelled_line(document, "- Fax, website:", report.website, ctx)
    if report.situation:
        text_block(document, report.situation, ctx)
    heading(document, "2. Chức năng, nhiệm vụ:", ctx)
    text_block(document, report.functions, ctx)
    heading(document, "II. THÀNH TÍCH ĐẠT ĐƯỢC", ctx)
    heading(document, "1. Thành tích đạt được:", ctx)
    _period(document, nomination, ctx)
    text_block(document, report.achievements, ctx)
    heading(
        document,
        "2. Những biện pháp hoặc nguyên nhân đạt được thành tích; các "
        "phong trào thi đua đã được áp dụng:",
        ctx,
    )
    text_block(document, report.measures, ctx)
    heading(
        document,
        "3. Việc thực hiện chủ trương, đường lối của Đảng, chính sách và "
        "pháp luật của Nhà nước; công tác xây dựng Đảng và đoàn thể:",
        ctx,
    )
    text_block(document, report.policies, ctx)


def _period(document, nomination: Nomination, ctx: Ctx) -> None:
    years = lookback_years(nomination.code)
    if years > 1:
        paragraph = body_paragraph(document, ctx)
        add_text(
            paragraph,
            f"(Thành tích từ năm {nomination.year - years + 1} đến năm "
            f"{nomination.year})",
            ctx.layout,
            ctx.layout.size("body"),
            italic=True,
        )


def _decision(award) -> str:
    return (
        f"Quyết định số {award.decision_number} ngày "
        f"{award.decision_date.strftime('%d/%m/%Y')} của {award.decided_by}"
    )


def _awards(document, nomination: Nomination, ctx: Ctx) -> None:
    titles, forms = report_awards(nomination)
    heading(document, "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", ctx)
    for title, columns, awards in (
        ("1. Danh hiệu thi đua:", TITLE_COLUMNS, titles),
        ("2. Hình thức khen thưởng:", FORM_COLUMNS, forms),
    ):
        heading(document, title, ctx)
        if not awards:
            text_block(document, "Không có.", ctx)
            continue
        rows = tuple((str(a.year), a.get_code_display(), _decision(a)) for a in awards)
        add_table(document, Table(columns, rows, widths_cm=WIDTHS_CM), ctx)


def _signatures(document, nomination: Nomination, ctx: Ctx) -> None:
    """Labels from memory of the templates [U] (docs/reports-dossier.md)."""
    if nomination.agency_id:
        left = ("XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", "(Ký, đóng dấu)")
        right = ("THỦ TRƯỞNG ĐƠN VỊ", "(Ký, đóng dấu)")
        right_name = ""
    else:
        left = ("THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ", "(Ký, đóng dấu)")
        right = ("NGƯỜI BÁO CÁO THÀNH TÍCH", "(Ký, ghi rõ họ và tên)")
        right_name = nomination.person.full_name
    signature_row(document, ctx, (left, ""), (right, right_name))
    if nomination.person_id and nomination.code in _HIGHER:
        gap = document.add_paragraph()
        format_paragraph(gap, after_pt=12)
        centred(
            document,
            "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG",
            ctx,
            ctx.layout.size("quyen_han_chuc_vu"),
            bold=True,
        )
        centred(
            document,
            "(Ký, đóng dấu)",
            ctx,
            ctx.layout.size("quyen_han_chuc_vu"),
            italic=True,
        )


def build_report_docx(nomination: Nomination, report: AchievementReport) -> bytes:
    """DOCX bytes of ``report`` (saved or not) for ``nomination``."""
    document, ctx = new_document()
    _header(document, nomination, ctx)
    if nomination.agency_id:
        _collective(document, nomination, report, ctx)
    else:
        _individual(document, nomination, report, ctx)
    _awards(document, nomination, ctx)
    _signatures(document, nomination, ctx)
    return finish(
        document,
        ctx,
        title=f"Báo cáo thành tích {report_title(nomination.code).lower()}",
        subject=str(nomination.subject),
        author=nomination.proposing_unit.name,
        revision=report.version,
        stamp=report.updated_at,
    )
