"""Staff import pages: upload, template download, progress and result."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.views import View
from django.views.generic import FormView, TemplateView

from thidua.common.downloads import set_download_name
from thidua.common.views import require_perm

from ..forms import StaffImportForm
from ..imports.template import staff_template_bytes
from ..models import StaffImport
from ..selectors import access_agency
from ..services.staff_import import start_staff_import

__all__ = ["StaffImportJobView", "StaffImportTemplateView", "StaffImportView"]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class StaffImportView(FormView):
    template_name = "organizations/import/upload.html"
    form_class = StaffImportForm

    def dispatch(self, request, *args, **kwargs):
        self.agency = access_agency(request.user, kwargs["pk"])
        require_perm(request.user, "organizations.import_staff", self.agency)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        recent = StaffImport.objects.filter(agency=self.agency).select_related(
            "uploaded_by"
        )
        return super().get_context_data(
            agency=self.agency, recent=recent[:10], **kwargs
        )

    def form_valid(self, form):
        job = start_staff_import(
            form.cleaned_data["file"],
            agency=self.agency,
            actor=self.request.user,
            dry_run=form.cleaned_data["dry_run"],
        )
        return redirect("organizations:import-job", pk=self.agency.pk, job=job.pk)


class StaffImportTemplateView(View):
    def get(self, request, pk):
        agency = access_agency(request.user, pk)
        require_perm(request.user, "organizations.import_staff", agency)
        response = HttpResponse(staff_template_bytes(agency), content_type=XLSX)
        set_download_name(response, "mau-danh-sach-can-bo.xlsx")
        return response


class StaffImportJobView(TemplateView):
    template_name = "organizations/import/job.html"

    def get_template_names(self):
        if self.request.htmx:
            return ["organizations/import/_job_status.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        agency = access_agency(self.request.user, kwargs["pk"])
        require_perm(self.request.user, "organizations.import_staff", agency)
        job = StaffImport.objects.filter(agency=agency, pk=kwargs["job"]).first()
        if job is None:
            raise Http404
        return super().get_context_data(**{**kwargs, "agency": agency, "job": job})
