"""Certificate downloads: one award, or every live award of a decision in one file."""

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views import View

from thidua.documents.files import CONTENT_TYPES
from thidua.documents.rendering.pdf import ConversionError, docx_to_pdf

from .certificates import certificate_docx, verify_url
from .selectors import access_award, access_decision
from .services.annulment import decision_awards

__all__ = ["AwardCertificateView", "DecisionCertificatesView"]


def certificate_response(request, awards, fmt: str, name: str) -> HttpResponse:
    if fmt not in CONTENT_TYPES or not awards:
        raise Http404
    data = certificate_docx((a, verify_url(a, request)) for a in awards)
    if fmt == "pdf":
        try:
            data = docx_to_pdf(data)
        except ConversionError:
            return HttpResponse(
                _(
                    "Không tạo được tệp PDF (LibreOffice). Hãy tải bản DOCX hoặc báo quản trị."
                ),
                status=503,
                content_type="text/plain; charset=utf-8",
            )
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


class AwardCertificateView(View):
    def get(self, request, pk, fmt):
        award = access_award(request.user, pk)
        if award.revoked:  # an annulled award gets no new certificate
            raise Http404
        return certificate_response(
            request, [award], fmt, f"giay-chung-nhan-{award.pk}"
        )


class DecisionCertificatesView(View):
    def get(self, request, pk, fmt):
        decision = access_decision(request.user, pk)
        awards = list(
            decision_awards(decision)
            .filter(revoked=False)
            .select_related("person__unit", "agency")
            .order_by("pk")
        )
        name = "giay-chung-nhan-" + decision.issued_document.symbol.replace("/", "_")
        return certificate_response(request, awards, fmt, name)
