"""Reads of the audit trail as a page lists it, scoped like everything else."""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from thidua.common.models import ActivityLog
from thidua.organizations.access import scopes_for

__all__ = [
    "ActivityFilter",
    "activity_for_user",
    "audited_types",
    "filter_activity",
]


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


@dataclass(frozen=True)
class ActivityFilter:
    """What the audit log is narrowed to; an empty criterion narrows nothing."""

    actor: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    object_type: ContentType | None = None
    object_text: str = ""
    action: str = ""


def filter_activity(entries: QuerySet[ActivityLog], wanted: ActivityFilter):
    """``entries`` narrowed to the person (part of the name he acted under), the days
    (local, both ends included), the kind of object and part of its name, the action."""
    if wanted.actor:
        entries = entries.filter(actor_display__icontains=wanted.actor)
    if wanted.date_from:
        entries = entries.filter(timestamp__date__gte=wanted.date_from)
    if wanted.date_to:
        entries = entries.filter(timestamp__date__lte=wanted.date_to)
    if wanted.object_type:
        entries = entries.filter(content_type=wanted.object_type)
    if wanted.object_text:
        entries = entries.filter(object_repr__icontains=wanted.object_text)
    if wanted.action:
        entries = entries.filter(action=wanted.action)
    return entries


def audited_types() -> list[ContentType]:
    """The kinds of object the trail holds entries of, by their Vietnamese name."""
    ids = ActivityLog.objects.exclude(content_type=None).values("content_type")
    types = [t for t in ContentType.objects.filter(pk__in=ids) if t.model_class()]
    return sorted(types, key=lambda t: str(t.model_class()._meta.verbose_name))
