"""Reads of decisions: the issuing agency's TĐKT office (and admins) only."""

from django.db.models import QuerySet
from django.http import Http404

from thidua.awards.models import Award
from thidua.organizations.access import scopes_for

from .models import Decision

__all__ = ["access_decision", "decision_awards", "decisions_for_user"]


def decisions_for_user(user) -> QuerySet[Decision]:
    """Decisions the caller may read: those of rounds of agencies whose TĐKT office they
    staff (the rule of ``access_decision``), every one for an admin."""
    scopes = scopes_for(user)
    base = Decision.objects.select_related("round__agency", "issued_document")
    if scopes.is_admin:
        return base
    return base.filter(round__agency_id__in=scopes.officer_agencies)


def access_decision(user, pk) -> Decision:
    """Decisions are the issuing agency's business: its TĐKT office only."""
    decision = (
        Decision.objects.select_related("round__agency", "issued_document")
        .filter(pk=pk)
        .first()
    )
    if decision is None or not user.has_perm(
        "organizations.change_agency", decision.round.agency
    ):
        raise Http404
    return decision


def decision_awards(decision: Decision):
    """The register entries the decision wrote (linked from its items)."""
    return Award.objects.filter(decision_item__decision=decision)
