"""The outgoing-document register (sổ văn bản đi), its settings, and document layouts."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from thidua.common.downloads import set_download_name, uploaded_file_response
from thidua.common.list_export import DATE, Column, ListExportMixin
from thidua.common.views import apply_errors, require_perm
from thidua.organizations.selectors import own_office_agencies

from ..doc_types import OFFICIAL_TYPES
from ..files import file_response
from ..forms import DeclareForm, LocalTypeForm
from ..kinds import document_kind, document_kinds
from ..models import LocalDocumentType, NumberSeries
from ..package import document_package, package_name
from ..rendering import Layout
from ..selectors import (
    access_delivered_attachment,
    access_issued_document,
    delivered_attachments,
    issued_documents_for_user,
    layout_for,
)
from ..services.layouts import save_layout
from ..services.numbering import declare_numbers_used
from ..services.render import rerender_document

__all__ = [
    "DeliveredAttachmentView",
    "DocumentFileView",
    "DocumentPackageView",
    "DocumentRerenderView",
    "LayoutView",
    "RegisterSettingsView",
    "RegisterView",
]


class RegisterView(ListExportMixin, TemplateView):
    template_name = "documents/register.html"
    export_name = "so-van-ban-di.xlsx"
    export_title = "Sổ văn bản đi"
    export_columns = [
        Column("Số, ký hiệu", lambda d: d.symbol),
        Column("Ngày", lambda d: d.issued_on, DATE),
        Column("Loại", lambda d: d.type_name),
        Column("Trích yếu", lambda d: d.summary),
        Column("Người ký", lambda d: f"{d.signer_title} {d.signer_name}".strip()),
    ]

    def export_rows(self, context):
        return context["documents"]

    def get_context_data(self, **kwargs):
        require_perm(self.request.user, "documents.view_register")
        try:
            year = int(self.request.GET.get("nam", timezone.localdate().year))
        except ValueError:
            year = timezone.localdate().year
        documents = list(
            issued_documents_for_user(self.request.user)
            .filter(year=year)
            .prefetch_related("signatures__credential__agency")
            .order_by("series_id", "-number")
        )
        attachments = delivered_attachments(documents)
        for document in documents:  # listed under the document's own files
            document.delivered = attachments.get(document.pk, [])
        return super().get_context_data(documents=documents, year=year, **kwargs)


class DocumentFileView(View):
    def get(self, request, pk, fmt):
        document = access_issued_document(request.user, pk)
        return file_response(document, fmt, inline=False, request=request)


class DeliveredAttachmentView(View):
    """A file delivered with the document (its draft's attachment): for whoever sees
    the document in the register."""

    def get(self, request, pk, attachment):
        found = access_delivered_attachment(request.user, pk, attachment)
        return uploaded_file_response(request, found.file, found.original_name)


class DocumentPackageView(View):
    """The document and its delivered files in one ZIP with their SHA-256
    (package.py), to send outward; a file missing or changed is named instead."""

    def get(self, request, pk):
        document = access_issued_document(request.user, pk)
        try:
            data = document_package(document)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(reverse("documents:register") + f"?nam={document.year}")
        response = HttpResponse(data, content_type="application/zip")
        set_download_name(response, package_name(document))
        response["X-Content-Type-Options"] = "nosniff"
        return response


class DocumentRerenderView(View):
    """ "Tạo lại tệp": render a failed document again under its number."""

    def post(self, request, pk):
        document = access_issued_document(request.user, pk)
        require_perm(request.user, "documents.rerender", document)
        try:
            rerender_document(document, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("Đang tạo lại tệp của văn bản %(symbol)s (giữ nguyên số, ký hiệu).")
                % {"symbol": document.symbol},
            )
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            target,
            allowed_hosts={request.get_host()},
            require_https=request.is_secure(),
        ):
            target = reverse("documents:register") + f"?nam={document.year}"
        return redirect(target)


class RegisterSettingsView(TemplateView):
    """Continue a paper register mid-year; declare local type codes such as PD."""

    template_name = "documents/settings.html"

    def dispatch(self, request, *args, **kwargs):
        require_perm(request.user, "documents.view_register")
        self.agencies = own_office_agencies(request.user)
        return super().dispatch(request, *args, **kwargs)

    def _forms(self, data=None):
        declare = DeclareForm(
            data if data and "last_number" in data else None,
            initial={"year": timezone.localdate().year},
        )
        local = LocalTypeForm(data if data and "code" in data else None)
        declare.fields["agency"].queryset = local.fields["agency"].queryset = (
            self.agencies
        )
        return declare, local

    def get_context_data(self, **kwargs):
        declare, local = kwargs.pop("forms", None) or self._forms()
        return super().get_context_data(
            declare=declare,
            local=local,
            series=NumberSeries.objects.filter(agency__in=self.agencies).select_related(
                "agency"
            ),
            local_types=LocalDocumentType.objects.filter(agency__in=self.agencies),
            official=OFFICIAL_TYPES.values(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        declare, local = self._forms(request.POST)
        form = declare if "last_number" in request.POST else local
        if form.is_valid():
            try:
                if form is declare:
                    declare_numbers_used(actor=request.user, **form.cleaned_data)
                else:
                    LocalDocumentType.objects.get_or_create(
                        agency=form.cleaned_data["agency"],
                        code=form.cleaned_data["code"],
                        defaults={"name": form.cleaned_data["name"]},
                    )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Đã lưu."))
                return redirect("documents:register-settings")
        return self.render_to_response(self.get_context_data(forms=(declare, local)))


class LayoutView(TemplateView):
    template_name = "documents/layout.html"

    def dispatch(self, request, *args, **kwargs):
        require_perm(request.user, "documents.change_layout")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kinds = [
            {
                "kind": kind.code,
                "label": kind.label,
                "json": kwargs.get("texts", {}).get(kind.code)
                or layout_for(kind.code).to_json(),
                "errors": kwargs.get("errors", {}).get(kind.code, []),
            }
            for kind in document_kinds()
        ]
        return super().get_context_data(kinds=kinds, default=Layout().to_json())

    def post(self, request):
        kind = request.POST.get("kind", "")
        text = request.POST.get("layout", "")
        try:
            document_kind(kind)
        except LookupError:
            return redirect("documents:layouts")
        try:
            save_layout(kind, text, actor=request.user)
        except ValidationError as exc:
            return self.render_to_response(
                self.get_context_data(texts={kind: text}, errors={kind: exc.messages})
            )
        messages.success(request, _("Đã lưu bố cục."))
        return redirect("documents:layouts")
