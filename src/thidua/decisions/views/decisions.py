"""Decision pages: the office drafts a Quyết định for decided nominations and submits it,
the head approves or returns it from his queue, the clerk issues it from hers; then
read it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from thidua.awards.forms import AnnulForm
from thidua.common.downloads import set_download_name
from thidua.common.views import apply_errors, require_perm
from thidua.documents.files import file_response
from thidua.documents.rendering import render_docx
from thidua.documents.services.signing import personal_signing_status
from thidua.documents.views.approval import approval_move
from thidua.nominations.enums import NominationState
from thidua.nominations.selectors import (
    access_round,
    nominations_by_authority,
    notice_blockers,
)

from ..enums import DecisionState
from ..forms import DecisionDraftForm, DecisionMoveForm
from ..models import DecisionItem
from ..rendering import proposal_spec
from ..selectors import (
    access_decision,
    brief_items,
    decisions_awaiting_approval,
    decisions_to_issue,
)
from ..services.annulment import annul_decision
from ..services.decision import (
    DECIDABLE_STATES,
    approve_decision,
    draft_decision,
    issue_decision,
    return_decision,
    submit_decision,
)
from ..workflows import DECISION

__all__ = [
    "DecisionAnnulView",
    "DecisionApprovalQueueView",
    "DecisionCreateView",
    "DecisionDetailView",
    "DecisionFileView",
    "DecisionIssueQueueView",
    "DecisionMoveView",
    "DecisionProposalView",
]

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class DecisionCreateView(TemplateView):
    template_name = "decisions/create.html"

    def dispatch(self, request, *args, **kwargs):
        self.round = access_round(request.user, kwargs["pk"])
        require_perm(request.user, "organizations.change_agency", self.round.agency)
        return super().dispatch(request, *args, **kwargs)

    def _rows(self, day):
        # What another draft already lists is not offered again.
        drafted = set(
            DecisionItem.objects.filter(decision__round=self.round).values_list(
                "nomination_id", flat=True
            )
        )
        return [
            (n, ok)
            for n, ok in nominations_by_authority(
                self.request.user, self.round, DECIDABLE_STATES, day
            )
            if n.pk not in drafted
        ]

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "form", DecisionDraftForm(initial={"planned_on": timezone.localdate()})
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
        form = DecisionDraftForm(request.POST)
        if form.is_valid():
            chosen = request.POST.getlist("nomination")
            # Only what the head may decide is offered; the service checks again.
            rows = [
                n
                for n, ok in self._rows(form.cleaned_data["planned_on"])
                if ok and str(n.pk) in chosen
            ]
            try:
                decision = draft_decision(
                    self.round, rows, actor=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Đã lưu dự thảo quyết định."))
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
        moves = DECISION.available(self.request.user, decision)
        # The approver sees whether his own certificate will sign it (issue #14).
        signing_status = None
        if any(m.target == DecisionState.APPROVED for m in moves):
            signing_status = personal_signing_status(self.request.user.person)
        return super().get_context_data(
            decision=decision,
            items=items,
            moves=moves,
            approved=DecisionState.APPROVED,
            signing_status=signing_status,
            move_form=DecisionMoveForm(initial={"issued_on": timezone.localdate()}),
            live_awards=sum(1 for i in items if i.award and not i.award.revoked),
            total=sum(i.cash_amount for i in items),
            **kwargs,
        )


class DecisionFileView(View):
    def get(self, request, pk, fmt):
        decision = access_decision(request.user, pk)
        if decision.issued_document is None:  # a draft has no files
            raise Http404
        return file_response(
            decision.issued_document, fmt, inline=False, request=request
        )


class DecisionProposalView(View):
    """The tờ trình of the draft (DOCX, unnumbered): the council puts it before the
    head, each dossier with the council's result; for whoever sees the decision."""

    def get(self, request, pk):
        decision = access_decision(request.user, pk)
        response = HttpResponse(
            render_docx(proposal_spec(decision)), content_type=DOCX_TYPE
        )
        set_download_name(response, f"to-trinh-quyet-dinh-{decision.pk}.docx")
        return response


class DecisionAnnulView(TemplateView):
    """Annul a whole decision: every award it wrote to the register."""

    template_name = "awards/annul.html"

    def dispatch(self, request, *args, **kwargs):
        self.decision = access_decision(request.user, kwargs["pk"])
        require_perm(request.user, "decisions.annul_decision", self.decision)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", AnnulForm())
        return super().get_context_data(decision=self.decision, **kwargs)

    def post(self, request, *args, **kwargs):
        decision = self.decision
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


class DecisionMoveView(View):
    """One step of the decision, offered by ``DECISION.available``: submit (the
    office), approve or return with the reason (the head or his deputy), issue with the
    date (the clerk). A step the user may not make is 403."""

    def post(self, request, pk):
        decision = access_decision(request.user, pk)
        return approval_move(
            request,
            decision,
            DECISION,
            {
                DecisionState.AWAITING: lambda d, actor, **_kw: submit_decision(
                    d, actor=actor
                ),
                DecisionState.APPROVED: lambda d, actor, **_kw: approve_decision(
                    d, actor=actor
                ),
                DecisionState.RETURNED: lambda d, actor, reason, **_kw: return_decision(
                    d, actor=actor, reason=reason
                ),
                DecisionState.ISSUED: lambda d, actor, issued_on, **_kw: issue_decision(
                    d, issued_on=issued_on, actor=actor
                ),
            },
            done=_("Đã cập nhật quyết định."),
        )


class DecisionApprovalQueueView(TemplateView):
    """Quyết định chờ duyệt: the decisions of the head's queue alone, each with its
    list, the council's result and the authority verdict, the dossiers a click away
    (the whole queue, tờ trình and launch documents too: site.views.queues)."""

    template_name = "common/work_queue.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Quyết định chờ duyệt"),
            decisions=brief_items(list(decisions_awaiting_approval(self.request.user))),
            briefed=True,
            **kwargs,
        )


class DecisionIssueQueueView(TemplateView):
    """Quyết định chờ lấy số, ban hành: the clerk's approved decisions alone."""

    template_name = "common/work_queue.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Quyết định chờ lấy số, ban hành"),
            decisions=list(decisions_to_issue(self.request.user)),
            **kwargs,
        )
