"""The statistical report's PDF keeps each form together (issue #17 point 7): a form's
title with its table, each section of the table ("1. Chia theo …" and its lines) on
one page when it fits on one, the breakdown by unit in one piece with the date and the
signatures, no row split across two pages, the header row repeated."""

import io
import shutil

import pytest
from docx import Document
from docx.oxml.ns import qn

from thidua.documents.rendering import docx_to_pdf
from thidua.organizations.enums import AgencyLevel
from thidua.reports.definitions import regime_for
from thidua.reports.exports import MAX_KEPT_ROWS, report_docx, row_label
from thidua.reports.selectors import compute_report, reporting_period

from ..factories import create_agency
from .helpers import seed

pytestmark = pytest.mark.django_db

UNITS = 3  # with the Sở's own two, a breakdown that fits on a page with its signatures


def _report(org):
    seed(org)
    for n in range(1, UNITS + 1):
        create_agency(
            parent=org.skhdt,
            code=f"SKHĐT-P{n}",
            name=f"Phòng chuyên môn số {n}",
            level=AgencyLevel.UNIT,
        )
    start, end = reporting_period(2025)
    return compute_report(org.skhdt, start, end, regime_for(end))


def _flat(text: str) -> str:
    return " ".join(text.split())  # no-break spaces (the indents) and line ends alike


def _sections(form):
    """The form's sections: runs of lines from one of the first level to the next."""
    sections = []
    for line in form.rows:
        if line.indent == 0 or not sections:
            sections.append([])
        sections[-1].append(line)
    return sections


def _keep_next(tr) -> bool:
    flags = {
        p.pPr is not None and p.pPr.keepNext_val is True for p in tr.iter(qn("w:p"))
    }
    assert len(flags) == 1  # every paragraph of the row alike
    return flags.pop()


def test_the_docx_marks_what_stays_together(org):
    report = _report(org)
    document = Document(io.BytesIO(report_docx(report)))
    tables = document.tables  # the signatures are in the last table's last row
    assert len(tables) == 3 * len(report.figures)  # heading, form, breakdown
    for index, figures in enumerate(report.figures):
        heading, form, parts = tables[3 * index : 3 * index + 3]
        for table in (heading, form, parts):
            for tr in table._tbl.tr_lst:
                assert tr.trPr.find(qn("w:cantSplit")) is not None
        assert _keep_next(heading._tbl.tr_lst[0])
        rows = form._tbl.tr_lst
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None  # repeated
        assert _keep_next(rows[0]) and _keep_next(rows[1])
        flags = [_keep_next(tr) for tr in rows[2:]]
        position = 0
        for section in _sections(figures.form):
            kept = flags[position : position + len(section)]
            assert kept[-1] is False  # a page may break after a section
            if len(section) <= MAX_KEPT_ROWS:
                assert all(kept[:-1]), section[0].label
            else:  # too long for a page: its heading with two lines, its last three
                assert kept[:2] == [True, True] and kept[-3:-1] == [True, True]
                assert False in kept[2:-3]
            position += len(section)
        assert position == len(figures.form.rows) == len(flags)
        *units, closing = parts._tbl.tr_lst
        assert len(units) == len(report.parts) + 1 and all(map(_keep_next, units))
        text = "".join(closing.itertext())
        assert "ngày … tháng … năm …" in text and "Thủ trưởng đơn vị" in text


def test_without_units_the_signatures_close_the_form(org):
    start, end = reporting_period(2025)
    report = compute_report(org.vp, start, end, regime_for(end))  # no unit below
    document = Document(io.BytesIO(report_docx(report)))
    assert len(document.tables) == 2 * len(report.figures)
    form = document.tables[1]
    *rows, closing = form._tbl.tr_lst
    assert _keep_next(rows[-1])  # the last section stays with the signatures
    assert "Người lập biểu" in "".join(closing.itertext())


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_each_form_and_each_section_on_one_page_in_the_pdf(org):
    import pypdf

    report = _report(org)
    data = docx_to_pdf(report_docx(report))
    pdf = pypdf.PdfReader(io.BytesIO(data))
    pages = [_flat(page.extract_text() or "") for page in pdf.pages]
    firsts = [
        next(i for i, text in enumerate(pages) if f"Biểu số {f.form.code}" in text)
        for f in report.figures
    ]
    assert firsts == sorted(firsts) and firsts[0] == 0
    assert all(text.split() != [str(i + 1)] for i, text in enumerate(pages))  # blank
    for figures, first, end in zip(
        report.figures, firsts, [*firsts[1:], len(pages)], strict=True
    ):
        form = figures.form
        own = pages[first:end]
        title = own[0]
        assert "Chỉ tiêu" in title and "Tổng số 01" in title, form.code
        for section in _sections(form):
            if len(section) > MAX_KEPT_ROWS:
                continue
            wanted = [_flat(f"{row_label(line)} {line.code}") for line in section]
            holding = [i for i, text in enumerate(own) if wanted[0] in text]
            assert holding, (form.code, wanted[0])
            page = own[holding[0]]
            assert all(w in page for w in wanted), (form.code, wanted)
        breakdown = next(t for t in own if "Chia theo đơn vị cấp dưới" in t)
        for name in ("Văn phòng Sở", f"Phòng chuyên môn số {UNITS}"):
            assert name in breakdown, form.code
        assert "Người lập biểu" in breakdown and "Thủ trưởng đơn vị" in breakdown
