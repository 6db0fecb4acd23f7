"""The work queues of the menu (site.templatetags.work_queues), across the apps whose
texts the agency issues in its head's name: what waits for the head — or whoever signs
for him (KT., Q., TUQ., TL.) — to approve, and what waits for the clerk to number.

Each list comes from its app's selector, scoped to the agencies the account approves
or numbers for; an account with neither sees empty lists (nothing to hide: the page
names no object it may not open)."""

from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from thidua.decisions.selectors import (
    brief_items,
    decisions_awaiting_approval,
    decisions_to_issue,
)
from thidua.movements.selectors import movements_awaiting_approval, movements_to_issue
from thidua.submissions.selectors import (
    submissions_awaiting_approval,
    submissions_to_issue,
)

__all__ = ["ApprovalQueueView", "IssueQueueView"]


class ApprovalQueueView(TemplateView):
    """Văn bản chờ duyệt: decisions with their brief (the council's result, the
    authority verdict), tờ trình sent upward with their items, launch documents."""

    template_name = "common/work_queue.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            title=_("Văn bản chờ duyệt"),
            decisions=brief_items(list(decisions_awaiting_approval(user))),
            submissions=list(submissions_awaiting_approval(user)),
            movements=list(movements_awaiting_approval(user)),
            briefed=True,
            **kwargs,
        )


class IssueQueueView(TemplateView):
    """Văn bản chờ lấy số, ban hành: the clerk's approved texts, each with its signer."""

    template_name = "common/work_queue.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            title=_("Văn bản chờ lấy số, ban hành"),
            decisions=list(decisions_to_issue(user)),
            submissions=list(submissions_to_issue(user)),
            movements=list(movements_to_issue(user)),
            **kwargs,
        )
