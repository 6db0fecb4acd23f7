"""The agency's data-exchange page: download its file, import one (whole or nothing)."""

import json

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from thidua.common.downloads import set_download_name
from thidua.common.views import apply_errors, require_perm
from thidua.organizations.selectors import access_agency

from .export import export_agency
from .forms import ExchangeForm
from .importer import import_exchange

__all__ = ["ExchangeExportView", "ExchangeView"]


def _agency(request, pk):
    agency = access_agency(request.user, pk)
    require_perm(request.user, "organizations.change_agency", agency)
    return agency


class ExchangeView(TemplateView):
    template_name = "organizations/agency/exchange.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", ExchangeForm())
        return super().get_context_data(
            agency=_agency(self.request, self.kwargs["pk"]), **kwargs
        )

    def post(self, request, pk):
        agency = _agency(request, pk)
        form = ExchangeForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            limit = settings.THIDUA_MAX_PACKAGE_BYTES
            try:
                if upload.size > limit:
                    raise ValidationError(
                        _("Tệp quá lớn, tối đa %(m)s.") % {"m": filesizeformat(limit)}
                    )
                result = import_exchange(
                    b"".join(upload.chunks()), into=agency, actor=request.user
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request,
                    _(
                        "Đã nhập: tạo mới %(c)s, cập nhật %(u)s, không đổi %(n)s; %(d)s quyết "
                        "định chỉ để tham khảo."
                    )
                    % {
                        "c": sum(result.created.values()),
                        "u": sum(result.updated.values()),
                        "n": sum(result.unchanged.values()),
                        "d": result.informative_decisions,
                    },
                )
                return redirect("exchange:agency-exchange", pk=agency.pk)
        return self.render_to_response(self.get_context_data(form=form))


class ExchangeExportView(View):
    def get(self, request, pk):
        agency = _agency(request, pk)
        data = export_agency(agency, actor=request.user)
        body = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        name = f"thidua-{agency.pk}-{timezone.localdate():%Y%m%d}.json"
        set_download_name(response, name)
        response["X-Content-Type-Options"] = "nosniff"
        return response
