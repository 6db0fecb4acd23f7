"""What users read has no developer marks and no inline style (issue #17 points 6, 7).

The crawl (test_crawl.py) reads every page and generated document of the demo as every
account through :mod:`tests.common.marks`; here: what the marks catch and leave, that
no template can bring an inline style back, and the change history's marks that the
history work is removing."""

import io
import re
from pathlib import Path

import pytest
from docx import Document
from openpyxl import Workbook

from thidua.reports.definitions import REGIMES

from ..movements.factories import make_movement
from .marks import (
    developer_marks,
    document_marks,
    page_marks,
    style_attributes,
)

TEMPLATES = Path(__file__).parents[2] / "src" / "thidua" / "templates"
CSS = Path(__file__).parents[2] / "src" / "thidua" / "static" / "thidua" / "thidua.css"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.mark.parametrize(
    "text",
    [
        "Căn cứ [U] Điều 24",
        "quy tắc chưa đối chiếu NĐ 152/2025",
        "giá trị cần đối chiếu quy chế",
        "mặc định của thidua",
        "xem docs/reports.md",
        "chế độ nd152_2025",
        "chế độ nd98_2023",
        "luat2026",
        "biểu tt02_2023",
        "{'before': 1}",
        "section: rounds",
        "đặt THIDUA_LAW2026_CHANGES",
        "tham số chính sách",
    ],
)
def test_the_marks_catch(text):
    assert developer_marks(f"<p>{text}</p>")


@pytest.mark.parametrize(
    "html",
    [
        "<p>Luật Thi đua, khen thưởng 2022, Điều 24 — theo quy chế của Hội đồng</p>",
        '<a href="/docs/x" data-regime="nd98_2023">NĐ 98/2023/NĐ-CP</a>',
        "<script>var a = {'before': 1};</script><p>Trước: 1, sau: 2</p>",
        "<p>Ngày 01/12/2024, 93,5 %, 1.234.567 đ</p>",
    ],
)
def test_the_marks_leave_user_language(html):
    assert developer_marks(html) == []


def test_a_tooltip_is_read_too():
    assert developer_marks('<span title="chưa đối chiếu">x</span>') == [
        "chưa đối chiếu"
    ]


def test_generated_documents_are_read():
    document = Document()
    document.add_paragraph("Căn cứ Điều 24")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "nd98_2023"
    out = io.BytesIO()
    document.save(out)
    assert document_marks(DOCX, out.getvalue()) == ["nd98_2023"]
    book = Workbook()
    book.active["B2"] = "xem docs/reports.md"
    out = io.BytesIO()
    book.save(out)
    assert document_marks(XLSX, out.getvalue()) == ["docs/"]
    # A file a user uploaded is served as it came: not read, not a failure.
    assert document_marks("application/pdf", b"%PDF-garbage") == []
    assert document_marks("application/json", b"{'a'}") == []


def test_no_template_has_an_inline_style():
    """The CSP allows no inline style: a ``style=`` attribute is dropped by the
    browser (the report's indented sub-rows were lost that way)."""
    found = [
        f"{path.relative_to(TEMPLATES)}:{n}"
        for path in TEMPLATES.rglob("*.html")
        for n, line in enumerate(path.read_text().splitlines(), start=1)
        if re.search(r"\sstyle\s*=", line)
    ]
    assert found == []
    assert style_attributes('<td style="padding-left: 2em">a</td>')
    assert style_attributes("<td class='x'>a</td><script>a.style = 1</script>") == []


def test_every_indent_of_a_form_has_its_class():
    css = CSS.read_text()
    indents = {
        line.indent
        for regime in REGIMES.values()
        for form in regime.forms
        for line in form.rows
    }
    for indent in indents:
        assert f".report-indent-{indent} " in css


@pytest.mark.django_db
def test_the_change_history_shows_no_python(org, client_for):
    movement = make_movement(org)  # its sections written: history rows
    html = client_for("officer").get(movement.get_absolute_url()).content.decode()
    assert "Lịch sử thay đổi" in html
    assert page_marks(html) == []
