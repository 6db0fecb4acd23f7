"""Reads of the audit trail as a page lists it, scoped like everything else."""

from django.db.models import QuerySet

from thidua.common.models import ActivityLog
from thidua.organizations.access import scopes_for

__all__ = ["activity_for_user"]


def activity_for_user(user) -> QuerySet[ActivityLog]:
    """Admins see the whole trail; officers the entries of their agency subtree."""
    scopes = scopes_for(user)
    if scopes.is_admin:
        return ActivityLog.objects.order_by("-seq")
    if scopes.officer_agencies:
        return ActivityLog.objects.filter(
            agency_id__in=scopes.officer_agencies
        ).order_by("-seq")
    return ActivityLog.objects.none()
