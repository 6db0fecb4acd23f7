"""Certificate downloads: one award, or every live award of a decision in one file."""

from django.http import Http404, HttpResponse
from django.views import View

from thidua.awards.selectors import access_award
from thidua.documents.files import CONTENT_TYPES, generated_file_response

from ..certificates import certificate_docx, verify_url
from ..selectors import access_decision, decision_awards

__all__ = ["AwardCertificateView", "DecisionCertificatesView"]


def certificate_response(request, awards, fmt: str, name: str) -> HttpResponse:
    if fmt not in CONTENT_TYPES or not awards:
        raise Http404
    data = certificate_docx((a, verify_url(a, request)) for a in awards)
    return generated_file_response(data, fmt, name)


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
        if not awards:  # a draft, or nothing written yet
            raise Http404
        name = "giay-chung-nhan-" + decision.issued_document.symbol.replace("/", "_")
        return certificate_response(request, awards, fmt, name)
