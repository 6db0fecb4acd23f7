"""Targets and progress: the board with charts, indicator editing, unit reports."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from thidua.common.downloads import set_download_name
from thidua.common.views import ServiceFormView, require_perm
from thidua.organizations.access import scopes_for

from ..exports import indicators_workbook
from ..forms.progress import IndicatorForm, ProgressForm
from ..models import Indicator, ProgressReport
from ..selectors import access_movement
from ..services.progress import indicator_status, report_progress, save_indicator

__all__ = [
    "EvidenceView",
    "IndicatorBoardView",
    "IndicatorEditView",
    "ProgressReportView",
]


def can_report(user, indicator: Indicator) -> bool:
    scopes = scopes_for(user)
    return scopes.is_admin or indicator.owner_id in (
        scopes.unit_head_agencies | scopes.officer_agencies
    )


class IndicatorBoardView(TemplateView):
    template_name = "movements/progress/board.html"

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        if "excel" in request.GET:  # the charts' data, as the dashboards offer theirs
            response = HttpResponse(
                indicators_workbook(context["movement"], context["rows"]),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            set_download_name(response, "chi-tieu-tien-do.xlsx")
            return response
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        movement = access_movement(self.request.user, kwargs["pk"])
        indicators = movement.indicators.select_related(
            "owner", "movement__issued_document"
        )
        reports: dict[int, list[ProgressReport]] = {}
        for report in ProgressReport.objects.filter(indicator__movement=movement):
            reports.setdefault(report.indicator_id, []).append(report)
        today = timezone.localdate()
        rows = []
        for indicator in indicators:
            status = indicator_status(
                indicator, reports.get(indicator.pk, []), today=today
            )
            series = sorted(reports.get(indicator.pk, []), key=lambda r: r.reported_on)
            rows.append(
                {
                    "status": status,
                    "reports": series,
                    "labels": ",".join(
                        r.reported_on.strftime("%d/%m/%Y") for r in series
                    ),
                    "values": ",".join(str(r.value) for r in series),
                    "can_report": can_report(self.request.user, indicator),
                }
            )
        return super().get_context_data(
            movement=movement,
            rows=rows,
            at_risk=sum(1 for r in rows if r["status"].is_behind),
            can_edit=self.request.user.has_perm("movements.change_movement", movement),
            **kwargs,
        )


class IndicatorEditView(ServiceFormView):
    template_name = "movements/progress/form.html"
    form_class = IndicatorForm

    def dispatch(self, request, *args, **kwargs):
        self.movement = access_movement(request.user, kwargs["pk"])
        require_perm(request.user, "movements.change_movement", self.movement)
        self.indicator = None
        if "indicator" in kwargs:
            self.indicator = self.movement.indicators.filter(
                pk=kwargs["indicator"]
            ).first()
            if self.indicator is None:
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "movement": self.movement,
            "instance": self.indicator,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            movement=self.movement, title=_("Chỉ tiêu"), **kwargs
        )

    def perform(self, form):
        return save_indicator(
            self.movement,
            actor=self.request.user,
            indicator=self.indicator,
            **form.cleaned_data,
        )

    def get_success_url(self):
        return reverse("movements:indicator-board", args=[self.movement.pk])


class ProgressReportView(ServiceFormView):
    template_name = "movements/progress/form.html"
    form_class = ProgressForm

    def dispatch(self, request, *args, **kwargs):
        self.movement = access_movement(request.user, kwargs["pk"])
        self.indicator = self.movement.indicators.filter(pk=kwargs["indicator"]).first()
        if self.indicator is None:
            raise Http404
        if not can_report(request.user, self.indicator):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"reported_on": timezone.localdate()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            movement=self.movement,
            indicator=self.indicator,
            title=self.indicator.name,
            **kwargs,
        )

    def perform(self, form):
        return report_progress(
            self.indicator, actor=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        return reverse("movements:indicator-board", args=[self.movement.pk])


class EvidenceView(View):
    def get(self, request, pk, report):
        movement = access_movement(request.user, pk)
        found = ProgressReport.objects.filter(
            pk=report, indicator__movement=movement
        ).first()
        if found is None or not found.evidence:
            raise Http404
        response = FileResponse(found.evidence.open("rb"), as_attachment=True)
        set_download_name(response, found.evidence_name)
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "sandbox"
        return response
