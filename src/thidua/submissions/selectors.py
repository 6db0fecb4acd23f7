"""Reads of the tờ trình: the sending office follows what it sent, the receiving office
(and, for a higher officer, the agencies below) works its inbox."""

from django.db.models import Q, QuerySet
from django.http import Http404

from thidua.organizations.access import scopes_for

from .enums import SubmissionState
from .models import Submission

__all__ = [
    "access_submission",
    "submissions_awaiting_approval",
    "submissions_for_user",
    "submissions_to_issue",
]


def submissions_for_user(user) -> QuerySet[Submission]:
    """Tờ trình the user's office drafted or sent — or which, as the sending agency's
    head (or whoever signs for him) or clerk, he approves or issues — or received (its
    own inbox, or — for a higher officer — those of the agencies below), once sent."""
    scopes = scopes_for(user)
    base = Submission.objects.select_related("from_agency", "to_agency", "document")
    if scopes.is_admin:
        return base
    return base.filter(
        Q(
            from_agency_id__in=scopes.officer_agencies
            | scopes.approver_agencies
            | scopes.clerk_agencies
        )
        | Q(
            to_agency_id__in=scopes.officer_agencies | scopes.higher_officer_agencies,
            state=SubmissionState.ISSUED,
        )
    )


def submissions_awaiting_approval(user) -> QuerySet[Submission]:
    """The head's (or whoever signs for him) queue: tờ trình submitted to him."""
    return (
        Submission.objects.select_related("from_agency", "to_agency")
        .prefetch_related("items")
        .filter(
            state=SubmissionState.AWAITING,
            from_agency_id__in=scopes_for(user).approver_agencies,
        )
        .order_by("submitted_at", "pk")
    )


def submissions_to_issue(user) -> QuerySet[Submission]:
    """The clerk's queue: approved tờ trình waiting for their number."""
    return (
        Submission.objects.select_related("from_agency", "to_agency", "approved_by")
        .prefetch_related("items")
        .filter(
            state=SubmissionState.APPROVED,
            from_agency_id__in=scopes_for(user).clerk_agencies,
        )
        .order_by("approved_at", "pk")
    )


def access_submission(user, pk) -> Submission:
    try:
        return submissions_for_user(user).get(pk=pk)
    except (Submission.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
