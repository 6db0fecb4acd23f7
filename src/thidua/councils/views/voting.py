"""The member's ballot paper, the secretary's live count of papers, and the public
receipt check.

A member fills one paper for the whole list (each row đồng ý / không đồng ý), reviews
it on a confirmation page, casts it, and gets a receipt page to copy or print. Choices
travel only in the POST bodies of those two requests: they are never put in the
session, a message or a log (``sensitive_post_parameters``).
"""

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import TemplateView

from thidua.common.params import id_param

from ..enums import VoteChoice
from ..models import BallotBox
from ..selectors import access_meeting, box_progress, open_papers_for
from ..services.ballot import MSG_ALREADY_VOTED, cast_paper, checked_choices
from ..services.count import find_counted_receipt

__all__ = ["BoxProgressView", "ReceiptCheckView", "VoteView"]


def _choices_in(post, paper) -> dict:
    return {
        row.ballot.pk: post.get(f"choice-{row.ballot.pk}", "") or None
        for row in paper.rows
    }


@method_decorator(sensitive_post_parameters(), name="dispatch")
class VoteView(TemplateView):
    """The member's open ballot papers (and why one cannot be cast), review, cast."""

    template_name = "councils/vote.html"

    def get_context_data(self, filled=None, **kwargs):
        papers = open_papers_for(self.request.user, on=timezone.localdate())
        if filled is not None:  # the paper as the member filled it, to correct
            papers = [filled if p.box.pk == filled.box.pk else p for p in papers]
        return super().get_context_data(
            papers=papers, choices=VoteChoice.choices, **kwargs
        )

    def post(self, request):
        papers = open_papers_for(request.user, on=timezone.localdate())
        box_id = id_param(request.POST, "box")
        paper = next((p for p in papers if p.box.pk == box_id), None)
        if paper is None:
            raise Http404
        if not paper.can_vote:  # a second click, or a member who may not vote here
            reason = paper.reason or _(MSG_ALREADY_VOTED)
            return self.render_to_response(
                self.get_context_data(errors=[reason]), status=409
            )
        choices = _choices_in(request.POST, paper)
        labels = dict(VoteChoice.choices)
        for row in paper.rows:
            row.chosen = choices.get(row.ballot.pk)
            row.chosen_label = labels.get(row.chosen, "")
        step = request.POST.get("step")
        if step == "edit":  # back from the review, choices kept
            return self.render_to_response(self.get_context_data(filled=paper))
        try:
            if step != "cast":
                # Review: the same checks as casting, nothing written.
                checked_choices([row.ballot for row in paper.rows], choices)
                return render(request, "councils/vote_review.html", {"paper": paper})
            receipt = cast_paper(paper.box, paper.seat, choices, actor=request.user)
        except ValidationError as exc:
            return self.render_to_response(
                self.get_context_data(errors=exc.messages, filled=paper), status=409
            )
        return render(
            request,
            "councils/receipt.html",
            {
                "meeting": paper.box.meeting,
                "box": paper.box,
                "receipt": receipt,
                "rows": len(paper.rows),
            },
        )


class BoxProgressView(View):
    """“Đã nhận x/y phiếu”, polled by the meeting page while a box is open."""

    def get(self, request, pk):
        box = BallotBox.objects.filter(pk=pk).select_related("meeting").first()
        if box is None:
            raise Http404
        access_meeting(request.user, box.meeting_id)
        return render(
            request,
            "councils/_box_progress.html",
            {"box": box, "progress": box_progress(box)},
        )


@method_decorator(login_not_required, name="dispatch")
@method_decorator(sensitive_post_parameters("receipt"), name="dispatch")
class ReceiptCheckView(TemplateView):
    """Anyone holding a receipt checks that the paper was counted. The answer names the
    meeting and the count, never a choice (none is stored next to a receipt)."""

    template_name = "councils/receipt_check.html"

    def post(self, request):
        receipt = request.POST.get("receipt", "").strip()
        box = find_counted_receipt(receipt) if receipt else None
        return self.render_to_response(
            self.get_context_data(
                checked=bool(receipt),
                box=box,
                papers=box.receipts.count() if box else 0,
            )
        )
