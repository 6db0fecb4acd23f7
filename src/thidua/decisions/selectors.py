"""Reads of decisions: the issuing agency's TĐKT office, its head and authorised
deputies, its clerk (and admins) only."""

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from thidua.awards.models import Award
from thidua.organizations.access import scopes_for

from .enums import DecisionState
from .models import Decision, DecisionItem

__all__ = [
    "access_decision",
    "decision_awards",
    "decisions_awaiting_approval",
    "decisions_for_user",
    "decisions_to_issue",
]


def decisions_for_user(user) -> QuerySet[Decision]:
    """Decisions the caller may read: those of rounds of agencies whose TĐKT office they
    staff, or whose head, authorised deputy or clerk they are; every one for an admin."""
    scopes = scopes_for(user)
    base = Decision.objects.select_related("round__agency", "issued_document")
    if scopes.is_admin:
        return base
    return base.filter(
        round__agency_id__in=scopes.officer_agencies
        | scopes.head_agencies
        | scopes.deputy_agencies
        | scopes.clerk_agencies
    )


def access_decision(user, pk) -> Decision:
    """Decisions are the issuing agency's business (``decisions_for_user``); any other
    is answered as missing."""
    decision = decisions_for_user(user).filter(pk=pk).first()
    if decision is None:
        raise Http404
    return decision


def _with_items(decisions: QuerySet[Decision]) -> QuerySet[Decision]:
    items = DecisionItem.objects.select_related(
        "nomination__person", "nomination__agency"
    ).order_by("position")
    return decisions.select_related("approved_by").prefetch_related(
        Prefetch("items", queryset=items)
    )


def decisions_awaiting_approval(user) -> QuerySet[Decision]:
    """The head's (or authorised deputy's) queue: drafts submitted to him."""
    scopes = scopes_for(user)
    return _with_items(
        Decision.objects.select_related("round__agency").filter(
            state=DecisionState.AWAITING,
            round__agency_id__in=scopes.head_agencies | scopes.deputy_agencies,
        )
    ).order_by("created_at", "pk")


def decisions_to_issue(user) -> QuerySet[Decision]:
    """The clerk's queue: approved decisions waiting for their number."""
    scopes = scopes_for(user)
    return _with_items(
        Decision.objects.select_related("round__agency").filter(
            state=DecisionState.APPROVED, round__agency_id__in=scopes.clerk_agencies
        )
    ).order_by("approved_at", "pk")


def decision_awards(decision: Decision):
    """The register entries the decision wrote (linked from its items)."""
    return Award.objects.filter(decision_item__decision=decision)
