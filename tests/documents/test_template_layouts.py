"""Every built-in template, as the DOCX and as the PDF thidua issues, against NĐ 30
Phụ lục I: A4 pages and margins (an appendix may turn landscape), Times New Roman in
every run, body and table sizes inside the decree's ranges, tables within the text
width, and in the PDF every word inside the page's margins, fonts embedded."""

import re
import subprocess

import pytest
from docx.oxml.ns import qn
from docx.shared import Emu

from thidua.documents.drafting.templates import builtin_templates
from thidua.documents.drafting.to_spec import content_spec
from thidua.documents.rendering import render_docx, render_pdf

from .conftest import require_poppler, require_soffice
from .helpers import W_R, all_parts_xml, open_docx
from .test_drafting_templates import _filled

CODES = [t.code for t in builtin_templates()]
FONT = "Times New Roman"
MM_PT = 72 / 25.4


def _docx(code: str):
    template = next(t for t in builtin_templates() if t.code == code)
    return open_docx(render_docx(content_spec(_filled(template.content))))


@pytest.mark.parametrize("code", CODES)
def test_the_docx_pages_fonts_sizes_and_tables(code):
    document = _docx(code)
    for section in document.sections:
        short, long = sorted((section.page_width.mm, section.page_height.mm))
        assert abs(short - 210) < 0.1 and abs(long - 297) < 0.1
        assert 20 <= round(section.top_margin.mm, 1) <= 25
        assert 30 <= round(section.left_margin.mm, 1) <= 35
        assert 15 <= round(section.right_margin.mm, 1) <= 20
    for root in all_parts_xml(document):
        for run in root.iter(W_R):
            fonts = run.find(qn("w:rPr")).find(qn("w:rFonts"))
            assert {fonts.get(qn(f"w:{s}")) for s in ("ascii", "hAnsi", "cs")} == {FONT}
            size = run.find(qn("w:rPr")).find(qn("w:sz"))
            if size is not None:
                assert 10 <= int(size.get(qn("w:val"))) / 2 <= 14, run.xpath(
                    "string(.)"
                )
    # Content tables (bordered) fit the width of the text of their section.
    body = document.element.body
    widest = (
        max(s.page_width - s.left_margin - s.right_margin for s in document.sections)
        / 360000
    )
    for table in body.iter(qn("w:tbl")):
        borders = table.find(qn("w:tblPr")).find(qn("w:tblBorders"))
        if borders is None or borders.find(qn("w:top")).get(qn("w:val")) == "nil":
            continue
        width = sum(
            int(col.get(qn("w:w")))
            for col in table.find(qn("w:tblGrid")).iter(qn("w:gridCol"))
        )
        assert Emu(width * 635).cm <= widest + 0.01, code


def _words(pdf_path) -> list[tuple[int, float, float, float]]:
    """(page, xMin, xMax, page width) of every word, from ``pdftotext -bbox``."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf_path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    out = []
    for number, page in enumerate(re.findall(r"<page (.*?)</page>", html, re.S)):
        width = float(re.search(r'width="([\d.]+)"', page).group(1))
        for x_min, x_max in re.findall(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', page
        ):
            out.append((number, float(x_min), float(x_max), width))
    return out


@pytest.mark.needs_system
@pytest.mark.parametrize(
    "code", ["ke_hoach_tinh", "bien_ban_hoi_dong", "quyet_dinh_khen_thuong_truong"]
)
def test_the_pdf_keeps_every_word_inside_the_margins(code, tmp_path):
    require_soffice()
    require_poppler()
    template = next(t for t in builtin_templates() if t.code == code)
    path = tmp_path / f"{code}.pdf"
    path.write_bytes(render_pdf(content_spec(_filled(template.content))))
    words = _words(path)
    assert words
    for page, x_min, x_max, width in words:
        # The header table starts 0.5 cm into the 30 mm left margin (the samples' own
        # layout); nothing reaches into the last 15 mm on the right.
        assert x_min >= 24 * MM_PT, (page, x_min)
        assert x_max <= width - 15 * MM_PT + 1, (page, x_max, width)
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout.splitlines()[2:]
    assert fonts and all(row.split()[-5] == "yes" for row in fonts)
    assert all(re.search(r"LiberationSerif|Times", row) for row in fonts)
