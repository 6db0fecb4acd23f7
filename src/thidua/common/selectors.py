"""Reads of the audit trail, scoped like everything else."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet

from thidua.accounts.scopes import scopes_for

from .models import ActivityLog

__all__ = ["activity_for_user", "history_of"]


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


def history_of(obj: Model) -> QuerySet[ActivityLog]:
    """Entries about one object. Callers have already checked the object is visible."""
    return (
        ActivityLog.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )
        .select_related("content_type")
        .order_by("-seq")
    )
