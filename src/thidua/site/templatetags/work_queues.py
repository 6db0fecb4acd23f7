"""The menu's work queues: what waits for the head (or whoever signs for him: KT., Q.,
TUQ., TL.) and for the clerk, with how many — decisions, tờ trình, launch documents —
so the person who decides finds the texts before him without being told the address
(site.views.queues).

A query is spent only for an account holding one of those roles (its scopes are read
once per request and kept on the user)."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.accounts.notifications import unread_count
from thidua.councils.selectors import open_paper_count as _open_paper_count

from ..selectors import queue_counts
from ..selectors import todo_count as _todo_count

register = template.Library()


@register.simple_tag
def work_queues(user) -> list[dict]:
    """``[{"label", "url", "count", "testid"}]`` for the menu, empty for most accounts."""
    counts = queue_counts(user)
    queues = []
    if counts.to_approve is not None:
        queues.append(
            {
                "label": _("Chờ duyệt"),
                "title": _("Quyết định, tờ trình, văn bản phát động chờ duyệt"),
                "url": reverse("approvals"),
                "count": counts.to_approve,
                "testid": "queue-approvals",
            }
        )
    if counts.to_issue is not None:
        queues.append(
            {
                "label": _("Chờ ban hành"),
                "title": _("Văn bản đã duyệt, chờ lấy số, ban hành"),
                "url": reverse("issue-queue"),
                "count": counts.to_issue,
                "testid": "queue-issue",
            }
        )
    return queues


@register.simple_tag
def open_paper_count(user) -> int:
    """Ballot papers open for the user's vote, for the menu's “Bỏ phiếu” badge."""
    return _open_paper_count(user)


@register.simple_tag
def todo_count(user) -> int:
    """The menu's "Việc cần làm" figure (the home page lists the lines)."""
    return _todo_count(user)


@register.simple_tag
def unread_notifications(user) -> int:
    """The navbar's bell: one count query."""
    return unread_count(user)
