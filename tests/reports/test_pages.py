"""Báo cáo thống kê pages and files: scoping, the Excel cell by cell, the PDF."""

import io
import shutil

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from thidua.reports.definitions import REGIMES
from thidua.reports.exports import (
    DATA_FIRST_ROW,
    HEADER_ROW,
    excel_value,
    sheet_title,
)
from thidua.reports.selectors import compute_report, reporting_period

from .helpers import seed

pytestmark = pytest.mark.django_db


def test_officer_sees_the_forms_of_their_agency(client_for, org):
    seed(org)
    response = client_for("officer").get(
        reverse("reports:report", args=[org.skhdt.pk]), {"nam": 2025}
    )
    assert response.status_code == 200
    report = response.context["report"]
    assert (report.start.isoformat(), report.end.isoformat()) == (
        "2024-12-01",
        "2025-11-30",
    )
    html = response.content.decode()
    assert "Biểu số 0602.N/BNV-TĐKT" in html
    assert "01/12/2024" in html and "30/11/2025" in html
    tk01 = report.figures[-1]
    assert tk01.value("01", "total") == 8  # the other Sở's 2 awards are not counted


def test_officer_of_one_agency_cannot_report_for_another(client_for, org):
    seed(org)
    client = client_for("officer")
    for agency in (org.other, org.province):
        for url in (
            reverse("reports:report", args=[agency.pk]),
            reverse("reports:report-file", args=[agency.pk, "xlsx"]),
        ):
            assert client.get(url).status_code == 404
    missing = client.get(reverse("reports:report", args=[999999]))
    hidden = client.get(reverse("reports:report", args=[org.other.pk]))
    assert hidden.content == missing.content
    # through the chooser too
    response = client.get(reverse("reports:index"), {"don_vi": org.other.pk})
    assert response.status_code == 404


def test_chooser_redirects_to_the_report_with_the_period(client_for, org):
    response = client_for("higher_officer").get(
        reverse("reports:index"), {"don_vi": org.province.pk, "nam": 2024}
    )
    assert response.status_code == 302
    assert (
        response.url == reverse("reports:report", args=[org.province.pk]) + "?nam=2024"
    )


def test_custom_period_and_its_validation(client_for, org):
    seed(org)
    client = client_for("officer")
    url = reverse("reports:report", args=[org.skhdt.pk])
    response = client.get(url, {"tu": "30/11/2025", "den": "30/11/2025"})
    assert response.context["report"].figures[-1].value("01", "total") == 1  # Cờ CP
    response = client.get(url, {"tu": "01/12/2025", "den": "30/11/2025"})
    assert response.context["report"] is None
    assert "Ngày bắt đầu phải trước ngày kết thúc." in response.content.decode()
    file_url = reverse("reports:report-file", args=[org.skhdt.pk, "xlsx"])
    assert client.get(file_url, {"tu": "01/12/2025"}).status_code == 404
    assert (
        client.get(
            reverse("reports:report-file", args=[org.skhdt.pk, "exe"])
        ).status_code
        == 404
    )


def test_excel_matches_the_figures_cell_by_cell(client_for, org):
    seed(org)
    response = client_for("higher_officer").get(
        reverse("reports:report-file", args=[org.province.pk, "xlsx"]), {"nam": 2025}
    )
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    start, end = reporting_period(2025)
    report = compute_report(org.province, start, end, REGIMES["tt02_2023"])
    assert workbook.sheetnames == [sheet_title(f) for f in report.figures]
    for index, figures in enumerate(report.figures):
        sheet = workbook[sheet_title(figures)]
        form = figures.form
        assert sheet["A1"].value == f"Biểu số {form.code}"
        assert sheet["A1"].font.bold
        assert sheet["A2"].value == f"Ban hành kèm theo {form.circular}"
        if form.source in ("bodies", "staff"):  # a state on the last day
            assert sheet["A5"].value == "Tại ngày 30/11/2025"
        else:
            assert (
                "01/12/2024" in sheet["A5"].value and "30/11/2025" in sheet["A5"].value
            )
        assert sheet["A6"].value == f"Đơn vị báo cáo: {org.province.name}"
        header = [c.value for c in sheet[HEADER_ROW]][: 2 + len(form.columns)]
        assert header == ["Chỉ tiêu", "Mã số", *(c.label for c in form.columns)]
        assert all(
            c.font.bold and c.border.left.style == "thin" for c in sheet[HEADER_ROW]
        )
        for r, (line, values) in enumerate(zip(form.rows, figures.cells, strict=True)):
            cells = [c.value for c in sheet[DATA_FIRST_ROW + r]]
            assert cells[0] == line.label
            assert sheet.cell(DATA_FIRST_ROW + r, 1).alignment.indent == 2 * line.indent
            assert (cells[1] or "") == line.code
            assert cells[2 : 2 + len(values)] == [
                excel_value(v, heading=line.heading) for v in values
            ]
            if line.heading:
                assert values == [None] * len(values)
                assert cells[2 : 2 + len(values)] == [None] * len(values)
            elif line.match is not None and form.columns[0].match is not None:
                assert isinstance(values[0], int)  # a counted row has its total
        # the per-child block follows, one row per part
        first = DATA_FIRST_ROW + len(form.rows) + 3
        for offset, (part, values) in enumerate(report.part_rows(index)):
            cells = [c.value for c in sheet[first + offset]]
            assert cells[0].startswith(part.agency.name)
            assert cells[2 : 2 + len(values)] == [
                "x" if v is None else v for v in values
            ]
    tk01 = workbook["TK01.N"]
    assert tk01.cell(DATA_FIRST_ROW, 3).value == 10
    assert tk01.cell(DATA_FIRST_ROW, 3).number_format == "#,##0"  # shown 1.234


def test_excel_is_formula_safe(client_for, org):
    org.skhdt.name = '=HYPERLINK("http://x")'
    org.skhdt.save()
    response = client_for("officer").get(
        reverse("reports:report-file", args=[org.skhdt.pk, "xlsx"])
    )
    sheet = load_workbook(io.BytesIO(response.content))["0602.N"]
    values = [c.value for row in sheet.iter_rows() for c in row if c.value]
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_pdf_has_the_form_codes_and_totals(client_for, org):
    import pypdf

    seed(org)
    response = client_for("officer").get(
        reverse("reports:report-file", args=[org.skhdt.pk, "pdf"]), {"nam": 2025}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = pypdf.PdfReader(io.BytesIO(response.content))
    assert len(pdf.pages) >= 3
    page = pdf.pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape
    text = "\n".join(p.extract_text() for p in pdf.pages)
    flat = " ".join(text.split())
    for code in ("0602.N/BNV-TĐKT", "0603.N/BNV-TĐKT", "TK01.N/TĐKT"):
        assert f"Biểu số {code}" in flat
    assert "Ban hành kèm theo Thông tư số 02/2023/TT-BNV" in flat
    assert "Người lập biểu" in flat and "Thủ trưởng đơn vị" in flat
    assert "Tổng số 01 8 3" in flat  # TK01: total, of which collectives


def test_stats_link_in_the_awards_area(client_for):
    page = client_for("officer").get(reverse("nominations:round-list"))
    assert 'data-testid="stats-link"' in page.content.decode()
    page = client_for("staff").get(reverse("nominations:round-list"))
    assert 'data-testid="stats-link"' not in page.content.decode()
