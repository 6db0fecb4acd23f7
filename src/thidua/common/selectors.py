"""Reads of the audit trail about one object (its history on its page)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet

from .models import ActivityLog

__all__ = ["history_of"]


def history_of(obj: Model) -> QuerySet[ActivityLog]:
    """Entries about one object. Callers have already checked the object is visible."""
    return (
        ActivityLog.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )
        .select_related("content_type")
        .order_by("-seq")
    )
