"""Printable certificates (Giấy khen, danh hiệu) with a QR code to the verification page.

One landscape A4 page per award in Times New Roman; a batch is one file with a page per
awardee so the office prints a decision's certificates in one go. Written through the
documents app's public API (``documents.rendering.api``: the reproducible package, the
PDF conversion of ``documents.files``), but not a registered document kind: a
certificate has no number and is not an issued document (docs/developer/architecture.md,
*Registries*)."""

import io
from collections.abc import Iterable

import segno
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from thidua.awards.models import Award
from thidua.documents.rendering.api import package_bytes

from .models import Decision, DecisionItem

__all__ = ["certificate_docx", "signing_decisions", "verify_url"]

FONT = "Times New Roman"


def verify_url(award: Award, request=None) -> str:
    path = reverse("awards:verify", args=[award.verification_code])
    if settings.PUBLIC_BASE_URL:
        return settings.PUBLIC_BASE_URL + path
    return request.build_absolute_uri(path) if request else path


def signing_decisions(awards: Iterable[Award]) -> dict[int, Decision]:
    """The decision issued in thidua that wrote each award, by award id, in one query
    (paper records have none)."""
    items = DecisionItem.objects.select_related(
        "decision__round__agency", "decision__issued_document"
    ).filter(award__in=[a.pk for a in awards])
    return {item.award_id: item.decision for item in items}


def _line(doc, text, *, size=14, bold=False, italic=False, space_after=0, upper=False):
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(space_after)
    run = paragraph.add_run(text.upper() if upper else text)
    run.font.name, run.font.size = FONT, Pt(size)
    run.bold, run.italic = bold, italic
    return paragraph


def _qr_png(url: str) -> io.BytesIO:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=6, border=2)
    buffer.seek(0)
    return buffer


def _page(doc, award: Award, decision: Decision | None, url: str) -> None:
    subject = award.person or award.agency
    conferred = award.code.startswith(("GIAY_KHEN", "BK_", "CO_", "HC"))
    if award.code == "GIAY_KHEN":
        title = _("Giấy khen")
    elif award.code.startswith("BK_"):
        title = _("Bằng khen")
    elif conferred:
        title = award.get_code_display()
    else:
        title = _("Giấy chứng nhận")
    issuer = (decision.signer_title if decision else "") or award.decided_by
    _line(doc, _("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), size=13, bold=True)
    _line(doc, _("Độc lập - Tự do - Hạnh phúc"), size=14, bold=True, space_after=18)
    _line(doc, award.decided_by, size=14, bold=True, upper=True, space_after=6)
    if conferred:
        _line(doc, _("TẶNG"), size=14)
    _line(doc, title, size=30, bold=True, upper=True, space_after=12)
    if not conferred:
        _line(doc, _("Chứng nhận"), size=14)
    _line(doc, str(subject), size=24, bold=True, space_after=4)
    if award.person_id and award.person.unit_id:
        _line(doc, str(award.person.unit), size=14, italic=True, space_after=8)
    if conferred:
        achievement = _("Đã có thành tích xuất sắc trong công tác năm %(y)s") % {
            "y": award.year
        }
    else:
        achievement = _("Đạt danh hiệu %(t)s năm %(y)s") % {
            "t": award.get_code_display(),
            "y": award.year,
        }
    _line(doc, achievement, size=14, space_after=8)
    _line(
        doc,
        _("Quyết định số %(n)s ngày %(d)s")
        % {"n": award.decision_number, "d": award.decision_date.strftime("%d/%m/%Y")},
        size=13,
        italic=True,
        space_after=12,
    )
    table = doc.add_table(rows=1, cols=2)
    qr_cell, sign_cell = table.rows[0].cells
    qr_cell.width, sign_cell.width = Cm(9), Cm(16)
    picture = qr_cell.paragraphs[0]
    picture.add_run().add_picture(_qr_png(url), width=Cm(2.6))
    code = qr_cell.add_paragraph()
    run = code.add_run(_("Mã xác minh: %(c)s") % {"c": award.verification_code})
    run.font.name, run.font.size = FONT, Pt(9)
    place = decision.round.agency.place_name if decision else ""
    day = award.decision_date
    dated = sign_cell.paragraphs[0]
    dated.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = dated.add_run(
        (f"{place}, " if place else "")
        + _("ngày %(d)s tháng %(m)s năm %(y)s")
        % {"d": f"{day.day:02d}", "m": f"{day.month:02d}", "y": day.year}
    )
    run.font.name, run.font.size, run.italic = FONT, Pt(14), True
    for text, bold, space in (
        (issuer.upper(), True, 60),
        (decision.signer_name if decision else "", True, 0),
    ):
        paragraph = sign_cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(space)
        run = paragraph.add_run(text)
        run.font.name, run.font.size, run.bold = FONT, Pt(14), bold


def certificate_docx(awards: Iterable[tuple[Award, str]]) -> bytes:
    """DOCX bytes with one certificate page per ``(award, verification url)``."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin = section.right_margin = Cm(2.5)
    doc.styles["Normal"].font.name = FONT
    awards = list(awards)
    decisions = signing_decisions(award for award, _url in awards)
    for index, (award, url) in enumerate(awards):
        if index:
            doc.add_page_break()
        _page(doc, award, decisions.get(award.pk), url)
    return package_bytes(doc)
