"""Reads of the tờ trình: the sending office follows what it sent, the receiving office
(and, for a higher officer, the agencies below) works its inbox."""

from django.db.models import Q, QuerySet
from django.http import Http404

from thidua.organizations.access import scopes_for

from .models import Submission

__all__ = ["access_submission", "submissions_for_user"]


def submissions_for_user(user) -> QuerySet[Submission]:
    """Tờ trình the user's office sent, or received (its own inbox, or — for a higher
    officer — those of the agencies below)."""
    scopes = scopes_for(user)
    base = Submission.objects.select_related("from_agency", "to_agency", "document")
    if scopes.is_admin:
        return base
    return base.filter(
        Q(from_agency_id__in=scopes.officer_agencies)
        | Q(to_agency_id__in=scopes.officer_agencies | scopes.higher_officer_agencies)
    )


def access_submission(user, pk) -> Submission:
    try:
        return submissions_for_user(user).get(pk=pk)
    except (Submission.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
