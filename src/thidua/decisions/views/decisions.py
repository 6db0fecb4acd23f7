"""Decision pages: issue a Quyết định for decided nominations, then read it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from thidua.awards.forms import AnnulForm
from thidua.common.views import apply_errors, require_perm
from thidua.documents.files import file_response
from thidua.nominations.enums import NominationState
from thidua.nominations.selectors import (
    access_round,
    nominations_by_authority,
    notice_blockers,
)

from ..forms import DecisionForm
from ..selectors import access_decision
from ..services.annulment import annul_decision
from ..services.decision import DECIDABLE_STATES, issue_decision

__all__ = [
    "DecisionAnnulView",
    "DecisionCreateView",
    "DecisionDetailView",
    "DecisionFileView",
]


class DecisionCreateView(TemplateView):
    template_name = "decisions/create.html"

    def dispatch(self, request, *args, **kwargs):
        self.round = access_round(request.user, kwargs["pk"])
        require_perm(request.user, "organizations.change_agency", self.round.agency)
        return super().dispatch(request, *args, **kwargs)

    def _rows(self, day):
        return nominations_by_authority(
            self.request.user, self.round, DECIDABLE_STATES, day
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "form", DecisionForm(initial={"issued_on": timezone.localdate()})
        )
        rows = self._rows(timezone.localdate())
        return super().get_context_data(
            round=self.round,
            rows=rows,
            # Notice still running or comments unanswered: shown, not offered.
            blocked={
                n.pk: notice_blockers(n, NominationState.DECIDED) for n, _ok in rows
            },
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = DecisionForm(request.POST)
        if form.is_valid():
            chosen = request.POST.getlist("nomination")
            # Only what the head may decide is offered; the service checks again.
            rows = [
                n
                for n, ok in self._rows(form.cleaned_data["issued_on"])
                if ok and str(n.pk) in chosen
            ]
            try:
                decision = issue_decision(
                    self.round, rows, actor=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("Đã ban hành quyết định %(s)s.")
                    % {"s": decision.issued_document.symbol},
                )
                return redirect(decision.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form))


class DecisionDetailView(TemplateView):
    template_name = "decisions/detail.html"

    def get_context_data(self, **kwargs):
        decision = access_decision(self.request.user, kwargs["pk"])
        # Each line with the register entry it wrote, once the files exist.
        items = list(
            decision.items.select_related(
                "nomination__person__unit", "nomination__agency", "award"
            )
        )
        return super().get_context_data(
            decision=decision,
            items=items,
            live_awards=sum(1 for i in items if i.award and not i.award.revoked),
            total=sum(i.cash_amount for i in items),
            **kwargs,
        )


class DecisionFileView(View):
    def get(self, request, pk, fmt):
        decision = access_decision(request.user, pk)
        return file_response(
            decision.issued_document, fmt, inline=False, request=request
        )


class DecisionAnnulView(TemplateView):
    """Annul a whole decision: every award it wrote to the register."""

    template_name = "awards/annul.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", AnnulForm())
        decision = access_decision(self.request.user, self.kwargs["pk"])
        return super().get_context_data(decision=decision, **kwargs)

    def post(self, request, *args, **kwargs):
        decision = access_decision(request.user, kwargs["pk"])
        form = AnnulForm(request.POST)
        if form.is_valid():
            try:
                count = annul_decision(
                    decision, actor=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("Đã hủy bỏ %(n)s khen thưởng của quyết định.") % {"n": count},
                )
                return redirect(decision.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form))
