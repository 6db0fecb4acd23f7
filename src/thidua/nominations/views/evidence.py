"""A dossier's evidence: the unit adds or takes back a claim while the dossier is its
to edit; the round's office confirms or rejects it (services/evidence.py)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View

from thidua.common.views import ServiceFormView

from ..enums import EvidenceKind
from ..evidence_forms import EvidenceForm
from ..selectors import access_nomination, active_attachments
from ..services.evidence import add_evidence, remove_evidence, review_evidence
from ..services.nomination import can_propose

__all__ = ["EvidenceAddView", "EvidenceRemoveView", "EvidenceReviewView"]


class EvidenceAddView(ServiceFormView):
    template_name = "nominations/evidence_form.html"
    form_class = EvidenceForm

    def dispatch(self, request, *args, **kwargs):
        self.nomination = access_nomination(request.user, kwargs["pk"])
        if not can_propose(request.user, self.nomination.proposing_unit):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        kind = self.request.GET.get("loai", "")
        return {
            "kind": kind if kind in EvidenceKind.values else EvidenceKind.INITIATIVE,
            "year": self.nomination.year,
        }

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "attachments": active_attachments(self.nomination),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(nomination=self.nomination, **kwargs)

    def perform(self, form):
        data = dict(form.cleaned_data)
        data["attachment_id"] = data.pop("attachment")
        return add_evidence(self.nomination, actor=self.request.user, **data)

    def get_success_url(self):
        messages.success(
            self.request, _("Đã bổ sung minh chứng, chờ cơ quan xác nhận.")
        )
        return self.nomination.get_absolute_url() + "#minh-chung"


class _EvidenceActionView(View):
    """A POST on one claim of a dossier the user sees (another dossier's: 404)."""

    def post(self, request, pk, evidence):
        nomination = access_nomination(request.user, pk)
        found = nomination.evidence.filter(pk=evidence).first()
        if found is None:
            raise Http404
        try:
            self.perform(request, nomination, found)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, self.done)
        return redirect(nomination.get_absolute_url() + "#minh-chung")


class EvidenceRemoveView(_EvidenceActionView):
    done = _("Đã rút minh chứng.")

    def perform(self, request, nomination, evidence):
        if not can_propose(request.user, nomination.proposing_unit):
            raise PermissionDenied
        remove_evidence(nomination, evidence.pk, actor=request.user)


class EvidenceReviewView(_EvidenceActionView):
    done = _("Đã cập nhật minh chứng; điều kiện theo luật được xét lại.")

    def perform(self, request, nomination, evidence):
        review_evidence(
            evidence,
            request.POST.get("to", ""),
            actor=request.user,
            reason=request.POST.get("reason", ""),
        )
