"""Pages of the achievement report (báo cáo thành tích): the form on the template of the
regime, its DOCX draft, and the PDF filed in the dossier."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View

from thidua.common.downloads import set_download_name
from thidua.common.markup import to_html
from thidua.common.views import ServiceFormView
from thidua.documents.rendering import ConversionError

from ..forms import ReportForm
from ..report_catalog import TEMPLATES
from ..selectors import access_nomination, report_awards, report_for
from ..services.nomination import can_propose
from ..services.report import (
    EDITABLE_STATES,
    generate_report_file,
    report_docx_bytes,
    report_file_name,
    save_report,
)

__all__ = [
    "ReportDocxView",
    "ReportFormView",
    "ReportGenerateView",
    "report_card",
]

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def report_card(user, nomination) -> dict:
    """Context of the "Báo cáo thành tích" card of the nomination page."""
    report = report_for(nomination)
    generated = report.generated_file if report.pk else None
    return {
        "report": report,
        "report_template": TEMPLATES[report.template],
        "report_generated": generated,
        # The saved form changed after the PDF was made: the page says so.
        "report_outdated": bool(
            generated
            and report.updated_at
            and report.updated_at > generated.uploaded_at
        ),
        "report_editable": nomination.state in EDITABLE_STATES
        and can_propose(user, nomination.proposing_unit),
    }


class ReportFormView(ServiceFormView):
    """The unit fills the report while it may edit; everyone who sees the nomination
    (the office included) reads it."""

    template_name = "nominations/report_form.html"
    form_class = ReportForm

    def dispatch(self, request, *args, **kwargs):
        self.nomination = access_nomination(request.user, kwargs["pk"])
        self.report = report_for(self.nomination)
        self.card = report_card(request.user, self.nomination)
        if request.method == "POST" and not can_propose(
            request.user, self.nomination.proposing_unit
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "field_names": self.report.fields}

    def get_initial(self):
        initial = {name: getattr(self.report, name) for name in self.report.fields}
        return {**initial, "version": self.report.version}

    def get_context_data(self, **kwargs):
        notes: list[str] = []
        rows = [
            (
                self.report._meta.get_field(name).verbose_name,
                to_html(getattr(self.report, name), notes),
            )
            for name in self.report.fields
        ]
        titles, forms = report_awards(self.nomination)
        return super().get_context_data(
            nomination=self.nomination,
            rows=rows,
            notes=notes,
            titles=titles,
            award_forms=forms,
            **self.card,
            **kwargs,
        )

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return save_report(
            self.nomination,
            data,
            actor=self.request.user,
            expected_version=version if version is not None else None,
        )

    def form_valid(self, form):
        response = super().form_valid(form)
        if hasattr(self, "result"):
            messages.success(self.request, _("Đã lưu báo cáo thành tích."))
        return response

    def get_success_url(self):
        return self.nomination.get_absolute_url()


class ReportGenerateView(View):
    def post(self, request, pk):
        nomination = access_nomination(request.user, pk)
        if not can_propose(request.user, nomination.proposing_unit):
            raise PermissionDenied
        try:
            attachment = generate_report_file(nomination, actor=request.user)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        except ConversionError:
            messages.error(
                request,
                _(
                    "Không tạo được tệp PDF (máy chủ chuyển đổi văn bản không phản hồi). "
                    "Hãy thử lại sau, hoặc tải bản DOCX và tải lên tệp báo cáo."
                ),
            )
        else:
            messages.success(
                request,
                _("Đã tạo tệp báo cáo thành tích %(name)s.")
                % {"name": attachment.name},
            )
        return redirect(nomination.get_absolute_url())


class ReportDocxView(View):
    """The DOCX of the report as it stands, for the unit to finish in Word and upload."""

    def get(self, request, pk):
        nomination = access_nomination(request.user, pk)
        response = HttpResponse(report_docx_bytes(nomination), content_type=DOCX_TYPE)
        name = report_file_name(nomination, "docx")
        set_download_name(response, name)
        return response
