"""An account's "Việc cần làm", across every domain: each app answers the lines of its
own (movements, nominations, councils), the documents before the head and the clerk
come as one line each (their queue pages list them); most urgent first. The domains'
lines are computed once per request (the menu's figure and the home page share them)."""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.todo import TodoItem
from thidua.councils.selectors import todo_for as council_todo
from thidua.decisions.selectors import decisions_awaiting_approval, decisions_to_issue
from thidua.movements.selectors import movements_awaiting_approval, movements_to_issue
from thidua.movements.selectors import todo_for as movement_todo
from thidua.nominations.selectors.todo import todo_for as nomination_todo
from thidua.organizations.access import scopes_for
from thidua.submissions.selectors import (
    submissions_awaiting_approval,
    submissions_to_issue,
)

__all__ = ["QueueCounts", "TodoLine", "queue_counts", "todo_count", "todo_lines"]


@dataclass(frozen=True)
class TodoLine:
    item: TodoItem
    days_left: int | None  # calendar days to the deadline; negative once past it

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def days_late(self) -> int:
        return -self.days_left if self.overdue else 0


@dataclass(frozen=True)
class QueueCounts:
    """How many texts wait for the head (or whoever signs for him) and for the clerk;
    ``None`` where the account holds neither role."""

    to_approve: int | None
    to_issue: int | None


def queue_counts(user) -> QueueCounts:
    """The head's and the clerk's queues, counted once per request: the menu's badges
    and the home page's to-do read the same figures (kept on the user)."""
    cached = getattr(user, "_thidua_queues", None)
    if cached is None:
        scopes = scopes_for(user)
        cached = QueueCounts(
            to_approve=(
                decisions_awaiting_approval(user).count()
                + submissions_awaiting_approval(user).count()
                + movements_awaiting_approval(user).count()
                if scopes.approver_agencies
                else None
            ),
            to_issue=(
                decisions_to_issue(user).count()
                + submissions_to_issue(user).count()
                + movements_to_issue(user).count()
                if scopes.clerk_agencies
                else None
            ),
        )
        user._thidua_queues = cached
    return cached


def _queue_items(user) -> list[TodoItem]:
    counts = queue_counts(user)
    items = []
    if counts.to_approve:
        items.append(
            TodoItem(
                _("Duyệt, ký văn bản"),
                _("Quyết định, tờ trình, văn bản phát động chờ duyệt"),
                reverse("approvals"),
                detail=_("%(n)s văn bản") % {"n": counts.to_approve},
                count=counts.to_approve,
            )
        )
    if counts.to_issue:
        items.append(
            TodoItem(
                _("Lấy số, ban hành văn bản"),
                _("Văn bản đã duyệt, chờ lấy số, ban hành"),
                reverse("issue-queue"),
                detail=_("%(n)s văn bản") % {"n": counts.to_issue},
                count=counts.to_issue,
            )
        )
    return items


def _urgency(line: TodoLine):
    deadline = line.item.deadline
    return (deadline is None, deadline or datetime.date.max, line.item.action)


def _lines(items, today) -> list[TodoLine]:
    return sorted(
        (
            TodoLine(
                item,
                (item.deadline - today).days if item.deadline is not None else None,
            )
            for item in items
        ),
        key=_urgency,
    )


def _domain_lines(user) -> list[TodoLine]:
    """The lines of the domains (not the head's and the clerk's queues, which the menu
    counts on their own badges), kept on the user for the request."""
    cached = getattr(user, "_thidua_todo", None)
    if cached is None:
        today = timezone.localdate()
        cached = _lines(
            [
                *movement_todo(user, today),
                *nomination_todo(user, today),
                *council_todo(user, today),
            ],
            today,
        )
        user._thidua_todo = cached
    return cached


def todo_lines(user) -> list[TodoLine]:
    """The account's to-do, overdue and nearest deadlines first, undated last."""
    if not user.is_authenticated:
        return []
    today = timezone.localdate()
    return _lines(
        [line.item for line in _domain_lines(user)] + _queue_items(user), today
    )


def todo_count(user) -> int:
    """The menu's "Việc cần làm" figure: the domains' lines (the documents before the
    head and the clerk have their own badges, "Chờ duyệt" and "Chờ ban hành")."""
    if not user.is_authenticated:
        return 0
    return sum(line.item.count for line in _domain_lines(user))
