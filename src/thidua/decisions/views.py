"""Decision pages: issue a Quyết định for decided nominations, then read it."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from thidua.common.forms import StyledFormMixin
from thidua.common.views import apply_errors, require_perm
from thidua.documents.files import file_response
from thidua.nominations.enums import NominationState
from thidua.nominations.selectors import (
    access_round,
    nominations_by_authority,
    notice_blockers,
)
from thidua.organizations.forms.widgets import DateInput

from .selectors import access_award, access_decision
from .services.annulment import annul_award, annul_decision, decision_awards
from .services.decision import DECIDABLE_STATES, issue_decision

__all__ = [
    "AwardAnnulView",
    "DecisionAnnulView",
    "DecisionCreateView",
    "DecisionDetailView",
    "DecisionFileView",
]


class DecisionForm(StyledFormMixin, forms.Form):
    issued_on = forms.DateField(label=gettext_lazy("Ngày ký"), widget=DateInput())
    signer_authority = forms.ChoiceField(
        label=gettext_lazy("Quyền hạn ký"),
        choices=[("", "—"), ("KT.", "KT."), ("Q.", "Q."), ("TUQ.", "TUQ.")],
        required=False,
    )
    signer_principal = forms.CharField(
        label=gettext_lazy("Ký thay cho (chức vụ)"), max_length=160, required=False
    )
    signer_title = forms.CharField(
        label=gettext_lazy("Chức vụ người ký"), max_length=160
    )
    signer_name = forms.CharField(label=gettext_lazy("Họ tên người ký"), max_length=120)


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
        items = decision.items.select_related(
            "nomination__person__unit", "nomination__agency"
        )
        awards = {
            (a.person_id, a.agency_id, a.code): a for a in decision_awards(decision)
        }
        items = list(items)
        for item in items:  # the register entry each line wrote, once the files exist
            n = item.nomination
            item.award = awards.get((n.person_id, n.agency_id, n.code))
        return super().get_context_data(
            decision=decision,
            items=items,
            live_awards=sum(1 for a in awards.values() if not a.revoked),
            total=sum(i.cash_amount for i in items),
            **kwargs,
        )


class DecisionFileView(View):
    def get(self, request, pk, fmt):
        decision = access_decision(request.user, pk)
        return file_response(
            decision.issued_document, fmt, inline=False, request=request
        )


class AnnulForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Lý do hủy bỏ"), widget=forms.Textarea(attrs={"rows": 2})
    )
    annulment_decision = forms.CharField(
        label=gettext_lazy("Số, ký hiệu quyết định hủy bỏ"), max_length=120
    )
    annulled_on = forms.DateField(
        label=gettext_lazy("Ngày quyết định hủy bỏ"), widget=DateInput()
    )
    recovery_note = forms.CharField(
        label=gettext_lazy("Thu hồi hiện vật, tiền thưởng"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AwardAnnulView(TemplateView):
    """Annul one award (or, from a decision page, every award of the decision)."""

    template_name = "decisions/annul.html"

    def _target(self):
        award = access_award(self.request.user, self.kwargs["pk"])
        subject = award.person or award.agency
        perm = "change_person" if award.person_id else "change_agency"
        require_perm(self.request.user, f"organizations.{perm}", subject)
        return award

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", AnnulForm())
        return super().get_context_data(award=self._target(), **kwargs)

    def post(self, request, *args, **kwargs):
        award = self._target()
        form = AnnulForm(request.POST)
        if form.is_valid():
            try:
                annul_award(award, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Đã hủy bỏ khen thưởng."))
                subject = award.person or award.agency
                return redirect(subject.get_absolute_url() + "?tab=awards")
        return self.render_to_response(self.get_context_data(form=form))


class DecisionAnnulView(TemplateView):
    """Annul a whole decision: every award it wrote to the register."""

    template_name = "decisions/annul.html"

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
