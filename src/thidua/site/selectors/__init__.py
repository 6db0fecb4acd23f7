"""Reads across every domain, scoped like everything else: the audit trail as a page
lists it (activity.py) and the figures of an agency's dashboard (dashboards.py)."""

from .activity import activity_for_user
from .dashboards import Chart, dashboard_charts

__all__ = ["Chart", "activity_for_user", "dashboard_charts"]
