"""The DOCX of an achievement report (báo cáo thành tích, nd30-and-forms.md §6.2–6.3).

Not a numbered outgoing document: no issuer block, no Số/ký hiệu, no Nơi nhận. The
page (A4, margins, Times New Roman, sizes) and the low-level writers are those of the
official-document renderer (``thidua.documents.rendering``), so the report looks like
the rest of the dossier.
"""

import datetime

import docx
from docx.oxml.ns import qn
from docx.table import _Cell

from thidua.documents.rendering import Layout, Table, parse
from thidua.documents.rendering.docx import (
    package_bytes,
    setup_defaults,
    setup_section,
)
from thidua.documents.rendering.docx_body import add_table, body_paragraph, write_rich
from thidua.documents.rendering.docx_footnotes import Footnotes
from thidua.documents.rendering.docx_header import add_page_numbers
from thidua.documents.rendering.docx_xml import (
    Ctx,
    add_rule,
    add_text,
    cant_split,
    cell_paragraph,
    format_paragraph,
    set_table_grid,
)
from thidua.documents.rendering.metrics import text_width_pt
from thidua.eligibility.catalog import NAMES, TITLE_CODES

from .models import AchievementReport, Nomination
from .report_catalog import lookback_years
from .selectors import report_awards, report_place

__all__ = ["build_report_docx", "report_title"]

BLANK = "……"
# Awards whose report is also confirmed by the submitting level (§6.2 signatures [U]).
_HIGHER = {"HCLD_3", "BK_TTG", "CSTDTQ", "CO_CP"}
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


def _centred(document, text, ctx, size, *, bold=False, italic=False, before=0, after=0):
    paragraph = document.add_paragraph()
    format_paragraph(paragraph, align="center", before_pt=before, after_pt=after,
                     keep_next=True)  # fmt: skip
    add_text(paragraph, text, ctx.layout, size, bold=bold, italic=italic)
    return paragraph


def _rule(document, length_pt: float, ctx: Ctx, *, after: float = 0) -> None:
    add_rule(document.add_paragraph(), ctx.layout, length_pt=length_pt,
             available_pt=ctx.text_width_pt, after_pt=after)  # fmt: skip


def _header(document, nomination: Nomination, ctx: Ctx) -> None:
    layout = ctx.layout
    _centred(document, layout.quoc_hieu, ctx, layout.size("quoc_hieu"), bold=True)
    _centred(document, layout.tieu_ngu, ctx, layout.size("tieu_ngu"), bold=True)
    # The rule under the Tiêu ngữ is as long as the line (Phụ lục I, II.2).
    _rule(
        document,
        text_width_pt(layout.tieu_ngu, layout.size("tieu_ngu"), bold=True),
        ctx,
    )
    place = report_place(nomination) or BLANK
    date = document.add_paragraph()
    format_paragraph(date, align="right", before_pt=6, after_pt=12)
    add_text(date, f"{place}, ngày {BLANK} tháng {BLANK} năm {BLANK}", layout,
             layout.size("dia_danh_ngay"), italic=True)  # fmt: skip
    size = layout.size("ten_loai")
    _centred(document, "BÁO CÁO THÀNH TÍCH", ctx, size, bold=True, before=6)
    title = report_title(nomination.code)
    _centred(document, title, ctx, size, bold=True)
    if nomination.agency_id:
        _centred(document, nomination.agency.name, ctx, size, bold=True)
    width = text_width_pt(title, size, bold=True)
    _rule(document, min(width, ctx.text_width_pt) * layout.rule_ratio, ctx, after=12)


def _heading(document, text: str, ctx: Ctx) -> None:
    paragraph = body_paragraph(document, ctx, keep_next=True)
    add_text(paragraph, text, ctx.layout, ctx.layout.size("heading"), bold=True)


def _line(document, label: str, value: str, ctx: Ctx) -> None:
    paragraph = body_paragraph(document, ctx)
    size = ctx.layout.size("body")
    add_text(paragraph, f"{label} ", ctx.layout, size)
    write_rich(paragraph, parse(value or BLANK), ctx, size)


def _text(document, value: str, ctx: Ctx) -> None:
    """Paragraphs of a long field (one per line), in the light markup."""
    lines = [line for line in (value or "").splitlines() if line.strip()]
    for line in lines or [BLANK]:
        write_rich(
            body_paragraph(document, ctx), parse(line), ctx, ctx.layout.size("body")
        )


def _individual(document, nomination: Nomination, report: AchievementReport, ctx: Ctx):
    person = nomination.person
    _heading(document, "I. SƠ LƯỢC LÝ LỊCH", ctx)
    _line(document, "- Họ tên:", person.full_name, ctx)
    born = person.birth_date.strftime("%d/%m/%Y") if person.birth_date else BLANK
    _line(document, "- Sinh ngày, tháng, năm:",
          f"{born}; Giới tính: {person.get_gender_display()}", ctx)  # fmt: skip
    _line(document, "- Dân tộc:", person.ethnicity, ctx)
    _line(document, "- Quê quán:", report.hometown, ctx)
    _line(document, "- Trú quán:", report.residence, ctx)
    _line(
        document, "- Đơn vị công tác:", person.unit.name if person.unit_id else "", ctx
    )
    _line(document, "- Chức vụ (Đảng, chính quyền, đoàn thể):",
          report.party_positions or person.position, ctx)  # fmt: skip
    _line(document, "- Trình độ chuyên môn, nghiệp vụ:", report.qualification, ctx)
    _line(document, "- Học hàm, học vị, danh hiệu, giải thưởng:", report.honours, ctx)
    _heading(document, "II. THÀNH TÍCH ĐẠT ĐƯỢC", ctx)
    _heading(document, "1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận:", ctx)
    _text(document, report.duties, ctx)
    _heading(document, "2. Thành tích đạt được của cá nhân:", ctx)
    _period(document, nomination, ctx)
    _text(document, report.achievements, ctx)


def _collective(document, nomination: Nomination, report: AchievementReport, ctx: Ctx):
    _heading(document, "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", ctx)
    _heading(document, "1. Đặc điểm, tình hình:", ctx)
    _line(document, "- Địa chỉ trụ sở chính:", report.address, ctx)
    _line(document, "- Điện thoại:", report.phone, ctx)
    if report.website:
        _line(document, "- Fax, website:", report.website, ctx)
    if report.situation:
        _text(document, report.situation, ctx)
    _heading(document, "2. Chức năng, nhiệm vụ:", ctx)
    _text(document, report.functions, ctx)
    _heading(document, "II. THÀNH TÍCH ĐẠT ĐƯỢC", ctx)
    _heading(document, "1. Thành tích đạt được:", ctx)
    _period(document, nomination, ctx)
    _text(document, report.achievements, ctx)
    _heading(document, "2. Những biện pháp hoặc nguyên nhân đạt được thành tích; các "
             "phong trào thi đua đã được áp dụng:", ctx)  # fmt: skip
    _text(document, report.measures, ctx)
    _heading(document, "3. Việc thực hiện chủ trương, đường lối của Đảng, chính sách và "
             "pháp luật của Nhà nước; công tác xây dựng Đảng và đoàn thể:", ctx)  # fmt: skip
    _text(document, report.policies, ctx)


def _period(document, nomination: Nomination, ctx: Ctx) -> None:
    years = lookback_years(nomination.code)
    if years > 1:
        paragraph = body_paragraph(document, ctx)
        add_text(paragraph, f"(Thành tích từ năm {nomination.year - years + 1} đến năm "
                 f"{nomination.year})", ctx.layout, ctx.layout.size("body"), italic=True)  # fmt: skip


def _decision(award) -> str:
    return (
        f"Quyết định số {award.decision_number} ngày "
        f"{award.decision_date.strftime('%d/%m/%Y')} của {award.decided_by}"
    )


def _awards(document, nomination: Nomination, ctx: Ctx) -> None:
    titles, forms = report_awards(nomination)
    _heading(document, "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", ctx)
    for heading, columns, awards in (
        ("1. Danh hiệu thi đua:", TITLE_COLUMNS, titles),
        ("2. Hình thức khen thưởng:", FORM_COLUMNS, forms),
    ):
        _heading(document, heading, ctx)
        if not awards:
            _text(document, "Không có.", ctx)
            continue
        rows = tuple((str(a.year), a.get_code_display(), _decision(a)) for a in awards)
        add_table(document, Table(columns, rows, widths_cm=WIDTHS_CM), ctx)


def _signer_cell(cell, lines: tuple[str, ...], name: str, ctx: Ctx) -> None:
    layout = ctx.layout
    for index, (text, italic) in enumerate(
        [(lines[0], False)] + [(line, True) for line in lines[1:]]
    ):
        paragraph = cell_paragraph(cell, index)
        format_paragraph(paragraph, align="center", before_pt=6 if index == 0 else 0,
                         keep_next=True)  # fmt: skip
        add_text(paragraph, text, layout, layout.size("quyen_han_chuc_vu"),
                 bold=not italic, italic=italic)  # fmt: skip
    paragraph = cell.add_paragraph()
    format_paragraph(paragraph, align="center", before_pt=layout.signature_space_pt)
    add_text(paragraph, name, layout, layout.size("ho_ten"), bold=True)


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
    table = document.add_table(rows=1, cols=2)
    set_table_grid(table, (8.0, 8.0))
    cant_split(table.rows[0])
    tcs = table._tbl.tr_lst[0].tc_lst
    _signer_cell(_Cell(tcs[0], table), left, "", ctx)
    _signer_cell(_Cell(tcs[1], table), right, right_name, ctx)
    if nomination.person_id and nomination.code in _HIGHER:
        gap = document.add_paragraph()
        format_paragraph(gap, after_pt=12)
        _centred(document, "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", ctx,
                 ctx.layout.size("quyen_han_chuc_vu"), bold=True)  # fmt: skip
        _centred(document, "(Ký, đóng dấu)", ctx, ctx.layout.size("quyen_han_chuc_vu"),
                 italic=True)  # fmt: skip


def build_report_docx(nomination: Nomination, report: AchievementReport) -> bytes:
    """DOCX bytes of ``report`` (saved or not) for ``nomination``."""
    layout = Layout()
    document = docx.Document()
    setup_defaults(document, layout)
    section = document.sections[0]
    setup_section(section, layout)
    body = document.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    ctx = Ctx(document, layout, Footnotes(layout))
    add_page_numbers(section, ctx)
    _header(document, nomination, ctx)
    if nomination.agency_id:
        _collective(document, nomination, report, ctx)
    else:
        _individual(document, nomination, report, ctx)
    _awards(document, nomination, ctx)
    _signatures(document, nomination, ctx)
    tail = document.add_paragraph()
    format_paragraph(tail, exact_pt=1)
    ctx.footnotes.attach(document)
    core = document.core_properties
    core.title = f"Báo cáo thành tích {report_title(nomination.code).lower()}"
    core.subject = str(nomination.subject)
    core.author = nomination.proposing_unit.name
    core.last_modified_by = nomination.proposing_unit.name
    core.comments = ""
    core.keywords = ""
    core.language = layout.language
    core.revision = max(report.version, 1)
    stamp = report.updated_at or datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    core.created = stamp
    core.modified = stamp
    core.last_printed = stamp
    return package_bytes(document)
