"""Báo cáo thống kê pages: choose agency and period, see the forms, download them."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from thidua.common.downloads import set_download_name
from thidua.common.report_sources import report_source
from thidua.common.text import fold
from thidua.documents.files import generated_file_response
from thidua.organizations.selectors import office_agencies

from .definitions import REGIMES, regime_for
from .exports import period_text, report_docx, report_workbook
from .forms import ReportForm, default_year
from .selectors import (
    access_report_agency,
    compute_report,
    counted_records,
    reporting_period,
)

__all__ = ["ReportFileView", "ReportIndexView", "ReportView"]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _agencies(user):
    agencies = list(office_agencies(user).with_tree_fields())
    if not agencies:
        raise PermissionDenied
    return agencies


class ReportIndexView(View):
    def get(self, request):
        agencies = _agencies(request.user)
        chosen = request.GET.get("don_vi")
        if chosen:
            agency = access_report_agency(request.user, chosen)
            query = request.GET.copy()
            del query["don_vi"]
            url = reverse("reports:report", args=[agency.pk])
            return redirect(f"{url}?{query.urlencode()}" if query else url)
        year = default_year()
        start, end = reporting_period(year)
        return render(
            request,
            "reports/index.html",
            {
                "agencies": agencies,
                "year": year,
                "start": start,
                "end": end,
                "regime": regime_for(end),
                "regimes": REGIMES.values(),
                "form": ReportForm(initial={"nam": year}),
            },
        )


def _report(request, pk):
    agency = access_report_agency(request.user, pk)
    form = ReportForm(request.GET or None)
    if request.GET and not form.is_valid():
        return agency, form, None
    if not request.GET:
        form = ReportForm({"nam": default_year()})
        form.is_valid()
    data = form.cleaned_data
    return (
        agency,
        form,
        compute_report(agency, data["start"], data["end"], data["regime"]),
    )


class ReportView(View):
    def get(self, request, pk):
        agency, form, report = _report(request, pk)
        return render(
            request,
            "reports/report.html",
            {
                "agency": agency,
                "form": form,
                "report": report,
                "tables": _tables(
                    report,
                    counted_records(agency, report.start, report.end, report.regime),
                )
                if report
                else [],
                "query": request.GET.urlencode(),
                "agencies": _agencies(request.user),
            },
        )


def _tables(report, counted: dict):
    return [
        {
            "records": counted.get(figures.form.source),
            "counted_template": report_source(figures.form.source).counted_template,
            "figures": figures,
            "rows": list(zip(figures.form.rows, figures.cells, strict=True)),
            "parts": report.part_rows(index),
            "period": period_text(report, figures.form),
        }
        for index, figures in enumerate(report.figures)
    ]


class ReportFileView(View):
    def get(self, request, pk, fmt):
        if fmt not in ("xlsx", "pdf", "docx"):
            raise Http404
        agency, form, report = _report(request, pk)
        if report is None:
            raise Http404
        name = f"bao-cao-thong-ke-{'-'.join(fold(agency.name).split())[:50]}-" + (
            f"{report.start:%Y%m%d}-{report.end:%Y%m%d}"
        )
        if fmt == "xlsx":
            response = HttpResponse(report_workbook(report), content_type=XLSX)
            set_download_name(response, f"{name}.xlsx")
            response["X-Content-Type-Options"] = "nosniff"
            return response
        return generated_file_response(report_docx(report), fmt, name)
