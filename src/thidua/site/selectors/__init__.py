"""Reads across every domain, scoped like everything else: the audit trail as a page
lists it (activity.py), the figures of an agency's dashboard (dashboards.py) and the
account's to-do (todo.py)."""

from .activity import activity_for_user
from .dashboards import Chart, dashboard_charts
from .todo import QueueCounts, TodoLine, queue_counts, todo_count, todo_lines

__all__ = [
    "Chart",
    "QueueCounts",
    "TodoLine",
    "activity_for_user",
    "dashboard_charts",
    "queue_counts",
    "todo_count",
    "todo_lines",
]
