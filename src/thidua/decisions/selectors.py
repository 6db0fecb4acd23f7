"""Reads for decisions and the award register, scoped like the people and units they
concern: whoever may see the person (or the collective) may see its awards."""

from django.db.models import Q, QuerySet
from django.http import Http404

from thidua.organizations.access import scopes_for
from thidua.organizations.selectors import person_condition

from .models import Award, Decision

__all__ = [
    "access_award",
    "access_decision",
    "awards_for_user",
    "decisions_for_user",
]


def awards_for_user(user) -> QuerySet[Award]:
    """The award register as the caller may read it in bulk: awards of the people
    they see, and collective awards of the agencies they manage (as the agency page
    lists them: its TĐKT office only)."""
    scopes = scopes_for(user)
    if scopes.is_admin:
        return Award.objects.all()
    # A join on the person's columns, not "person IN (subquery)": the database can then
    # walk the register in list order and stop at the page (bench/api_awards.py).
    condition = person_condition(user, prefix="person__")
    if scopes.officer_agencies:
        condition |= Q(agency_id__in=scopes.officer_agencies)
    return Award.objects.filter(condition)


def access_award(user, pk) -> Award:
    try:
        return awards_for_user(user).select_related("person__unit", "agency").get(pk=pk)
    except (Award.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


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
