"""The agency dashboard: charts drawn in the browser (Chart.js served by thidua), each with
its table and its data as Excel."""

import io

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from openpyxl import Workbook
from openpyxl.styles import Font

from thidua.common.downloads import set_download_name
from thidua.common.excel import cell, row
from thidua.common.params import id_param
from thidua.movements.selectors import access_movement
from thidua.organizations.selectors import office_agencies

from ..selectors import dashboard_charts

__all__ = ["DashboardChartsView"]

MAX_YEARS = 15


def _years(request) -> range:
    this = timezone.localdate().year
    try:
        start = int(request.GET.get("tu", this - 4))
        end = int(request.GET.get("den", this))
    except ValueError:
        raise Http404 from None
    if not 1945 <= start <= end <= 2100 or end - start >= MAX_YEARS:
        raise Http404
    return range(start, end + 1)


def workbook(charts) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for chart in charts:
        sheet = book.create_sheet(chart.key[:31])
        sheet.append([cell(chart.title)])
        sheet["A1"].font = Font(bold=True)
        sheet.append(row(chart.columns))
        for header in sheet[2]:
            header.font = Font(bold=True)
        for values in chart.rows:
            sheet.append(row(values))
        sheet.freeze_panes = "A3"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class DashboardChartsView(TemplateView):
    template_name = "dashboards/agency.html"

    def get(self, request, *args, **kwargs):
        agencies = office_agencies(request.user)
        chosen = id_param(request.GET, "co_quan")
        agency = (
            agencies.filter(pk=chosen).first()
            if chosen
            else agencies.order_by("id").first()
        )
        if agency is None:
            raise Http404
        years = _years(request)
        movement = None
        if request.GET.get("phong_trao"):  # one movement's figures (hidden == missing)
            movement = access_movement(
                request.user, id_param(request.GET, "phong_trao")
            )
        charts = dashboard_charts(request.user, agency, years, movement)
        wanted = request.GET.get("excel")
        if wanted is not None:
            picked = [c for c in charts if wanted in ("", "tat-ca", c.key)]
            if not picked:
                raise Http404
            response = HttpResponse(
                workbook(picked),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            scope = f"pt{movement.pk}-" if movement else ""
            name = f"thong-ke-{agency.pk}-{scope}{years.start}-{years.stop - 1}-{wanted or 'tat-ca'}"
            set_download_name(response, f"{name}.xlsx")
            return response
        return self.render_to_response(
            self.get_context_data(
                agency=agency,
                agencies=agencies.order_by("name"),
                years=years,
                charts=charts,
                movement=movement,
                title=_("Thống kê thi đua, khen thưởng"),
            )
        )
